package org.beacon.incidents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.beacon.agency.Agencies;
import org.beacon.geography.Area;
import org.beacon.geography.AreaKind;
import org.beacon.geography.AreaLocator;
import org.beacon.geography.Geography;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentQueries;
import org.beacon.incidents.IncidentRow;
import org.beacon.incidents.MonthlyCount;
import org.beacon.incidents.OffenseCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads counted incidents (neither unfounded nor reversed) with SQL that H2 and PostgreSQL both run.
 * Local dates and months are the agency's: month boundaries were fixed at import ({@code occurred_month}),
 * date filters become instant ranges here.
 */
@Service
class JdbcIncidentQueries implements IncidentQueries {

	/** Rows fetched per round trip when streaming; PostgreSQL only streams inside a transaction. */
	private static final int FETCH_SIZE = 2_000;

	private static final String ROW_COLUMNS = """
			id, source, source_id, occurred_at, offense_code, description, category, block_address, lat, lon,
			neighbourhood_id""";

	private final JdbcClient jdbc;
	private final JdbcClient streaming;
	private final Agencies agencies;
	private final Geography geography;
	private final TransactionTemplate readOnly;

	JdbcIncidentQueries(JdbcClient jdbc, DataSource dataSource, Agencies agencies, Geography geography,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.streaming = JdbcClient.create(template);
		this.agencies = agencies;
		this.geography = geography;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public Map<Long, Long> countsByArea(IncidentFilter filter, AreaKind kind) {
		Map<Long, Long> counts = new LinkedHashMap<>();
		Where where = where(filter);
		if (kind == AreaKind.NEIGHBOURHOOD) {
			where.bind(jdbc.sql("""
					SELECT neighbourhood_id, COUNT(*) FROM incident %s AND neighbourhood_id IS NOT NULL
					GROUP BY neighbourhood_id ORDER BY neighbourhood_id""".formatted(where.sql)))
					.query(rs -> {
						counts.put(rs.getLong(1), rs.getLong(2));
					});
			return counts;
		}
		// other kinds are located now: by point, else (districts) by the code the source gave
		AreaLocator locator = geography.locator(filter.agency());
		Map<String, Long> byCode = new HashMap<>();
		readOnly.executeWithoutResult(status -> where.bind(streaming.sql(
				"SELECT lat, lon, district_code FROM incident %s".formatted(where.sql))).query(rs -> {
					double lat = rs.getDouble(1);
					long area = rs.wasNull() ? 0 : locator.locate(kind, lat, rs.getDouble(2));
					String code = rs.getString(3);
					if (area == 0 && kind == AreaKind.DISTRICT && code != null) {
						area = byCode.computeIfAbsent(code, c -> locator.byCode(AreaKind.DISTRICT, c));
					}
					if (area != 0) {
						counts.merge(area, 1L, Long::sum);
					}
				}));
		return counts;
	}

	@Override
	public List<MonthlyCount> monthlyCounts(IncidentFilter filter) {
		Where where = where(filter);
		Map<Integer, Long> byMonth = new LinkedHashMap<>();
		where.bind(jdbc.sql("""
				SELECT occurred_month, COUNT(*) FROM incident %s
				GROUP BY occurred_month ORDER BY occurred_month""".formatted(where.sql)))
				.query(rs -> {
					byMonth.put(rs.getInt(1), rs.getLong(2));
				});
		List<MonthlyCount> months = new ArrayList<>();
		if (byMonth.isEmpty()) {
			return months;
		}
		YearMonth first = month(byMonth.keySet().iterator().next());
		YearMonth last = month(byMonth.keySet().stream().reduce((a, b) -> b).orElseThrow());
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			months.add(new MonthlyCount(m, byMonth.getOrDefault(m.getYear() * 100 + m.getMonthValue(), 0L)));
		}
		return months;
	}

	@Override
	public List<IncidentRow> page(IncidentFilter filter, int offset, int limit) {
		if (offset < 0 || limit < 0) {
			throw new IllegalArgumentException("offset and limit must not be negative, were " + offset + ", " + limit);
		}
		Where where = where(filter);
		Map<Long, String> names = neighbourhoodNames(filter);
		return where.bind(jdbc.sql("""
				SELECT %s FROM incident %s
				ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset""".formatted(ROW_COLUMNS, where.sql)))
				.param("limit", limit).param("offset", offset).query((rs, n) -> row(rs, names)).list();
	}

	@Override
	public long count(IncidentFilter filter) {
		Where where = where(filter);
		return where.bind(jdbc.sql("SELECT COUNT(*) FROM incident " + where.sql)).query(Long.class).single();
	}

	@Override
	public void forEach(IncidentFilter filter, Consumer<IncidentRow> consumer) {
		Where where = where(filter);
		Map<Long, String> names = neighbourhoodNames(filter);
		readOnly.executeWithoutResult(status -> where.bind(streaming.sql("""
				SELECT %s FROM incident %s ORDER BY occurred_at DESC, id DESC""".formatted(ROW_COLUMNS, where.sql)))
				.query(rs -> {
					consumer.accept(row(rs, names));
				}));
	}

	/** The filter as a WHERE clause built from fixed fragments, and its parameters. */
	private record Where(String sql, Map<String, Object> params) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			return spec.params(params);
		}
	}

	private Where where(IncidentFilter filter) {
		ZoneId zone = agencies.get(filter.agency()).timeZone();
		StringBuilder sql = new StringBuilder("WHERE agency_id = :agency AND unfounded = FALSE AND reversed = FALSE");
		Map<String, Object> params = new HashMap<>();
		params.put("agency", filter.agency().value());
		if (filter.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
		}
		if (filter.to() != null) {
			sql.append(" AND occurred_at < :to");
			params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		}
		if (!filter.categories().isEmpty()) {
			sql.append(" AND category IN (:categories)");
			params.put("categories", filter.categories().stream().map(OffenseCategory::name).sorted().toList());
		}
		return new Where(sql.toString(), params);
	}

	private Map<Long, String> neighbourhoodNames(IncidentFilter filter) {
		Map<Long, String> names = new HashMap<>();
		for (Area area : geography.areas(filter.agency(), AreaKind.NEIGHBOURHOOD)) {
			names.put(area.id(), area.name());
		}
		return names;
	}

	/** One row of {@code incident} as read by staff; {@code names} gives neighbourhood names (none: null). */
	static IncidentRow row(ResultSet rs, Map<Long, String> names) throws SQLException {
		double lat = rs.getDouble("lat");
		if (rs.wasNull()) {
			lat = Double.NaN;
		}
		double lon = rs.getDouble("lon");
		if (rs.wasNull()) {
			lon = Double.NaN;
		}
		long neighbourhood = rs.getLong("neighbourhood_id");
		return new IncidentRow(rs.getLong("id"), rs.getString("source"), rs.getString("source_id"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("offense_code"),
				rs.getString("description"), OffenseCategory.valueOf(rs.getString("category")),
				rs.getString("block_address"), lat, lon, neighbourhood, names.get(neighbourhood));
	}

	private static YearMonth month(int yyyymm) {
		return YearMonth.of(yyyymm / 100, yyyymm % 100);
	}
}
