package org.beacon.overdose.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.beacon.overdose.EventSource;
import org.beacon.overdose.LocationPrecision;
import org.beacon.overdose.OverdoseEntry;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code overdose_event}. A row whose (agency, source name, source id) is already stored is skipped. */
@Repository
public class OverdoseEventRepository {

	private static final String COLUMNS = """
			id, agency_id, occurred_at, occurred_date, time_known, lat, lon, location_precision, county, city,
			neighbourhood_id, h3_cell, fatal, naloxone_given, naloxone_doses, suspected_drugs, source,
			reporting_agency, source_name, source_id, recorded_by, recorded_at""";

	private static final String INSERT = """
			INSERT INTO overdose_event (agency_id, occurred_at, occurred_date, time_known, lat, lon, location_precision,
			    county, city, neighbourhood_id, h3_cell, fatal, naloxone_given, naloxone_doses, suspected_drugs, source,
			    reporting_agency, source_name, source_id, recorded_by, recorded_at)
			VALUES (:agency, :occurredAt, :occurredDate, :timeKnown, :lat, :lon, :precision, :county, :city,
			    :neighbourhood, :h3, :fatal, :naloxoneGiven, :doses, :drugs, :source, :reportingAgency, :sourceName,
			    :sourceId, :recordedBy, :recordedAt)
			ON CONFLICT DO NOTHING""";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;

	OverdoseEventRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** Inserts the events; returns how many were new (the rest were already stored under their source id). */
	int insertAll(List<OverdoseEvent> events) {
		int inserted = 0;
		int batch = 1000;
		for (int from = 0; from < events.size(); from += batch) {
			List<OverdoseEvent> slice = events.subList(from, Math.min(events.size(), from + batch));
			MapSqlParameterSource[] params = slice.stream().map(OverdoseEventRepository::params)
					.toArray(MapSqlParameterSource[]::new);
			int[] counts = named.batchUpdate(INSERT, params);
			inserted += Arrays.stream(counts).map(c -> c > 0 ? 1 : 0).sum();
		}
		return inserted;
	}

	/** Inserts one event; empty when its source id was already stored. */
	Optional<Long> insert(OverdoseEvent event) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		int n = named.update(INSERT, params(event), keys, new String[] { "id" });
		return n == 0 ? Optional.empty() : Optional.of(keys.getKey().longValue());
	}

	Optional<OverdoseEvent> find(AgencyId agency, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM overdose_event WHERE agency_id = :agency AND id = :id")
				.param("agency", agency.value()).param("id", id).query(OverdoseEventRepository::map).optional();
	}

	Optional<OverdoseEvent> findBySource(AgencyId agency, String sourceName, String sourceId) {
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				 FROM overdose_event WHERE agency_id = :agency AND source_name = :name AND source_id = :id""")
				.param("agency", agency.value()).param("name", sourceName).param("id", sourceId)
				.query(OverdoseEventRepository::map).optional();
	}

	/** Events on days {@code from .. to} inclusive (either may be null), oldest first. */
	List<OverdoseEvent> between(AgencyId agency, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				 FROM overdose_event
				WHERE agency_id = :agency
				  AND occurred_date >= :from AND occurred_date <= :to
				ORDER BY occurred_date, occurred_at, id""")
				.param("agency", agency.value())
				.param("from", from == null ? LocalDate.of(1900, 1, 1) : from)
				.param("to", to == null ? LocalDate.of(9999, 12, 31) : to)
				.query(OverdoseEventRepository::map).list();
	}

	/** The day of the agency's first stored event: where its data begins. */
	Optional<LocalDate> firstDay(AgencyId agency) {
		return jdbc.sql("SELECT MIN(occurred_date) FROM overdose_event WHERE agency_id = :agency")
				.param("agency", agency.value()).query(LocalDate.class).list().stream()
				.filter(java.util.Objects::nonNull).findFirst();
	}

	private static MapSqlParameterSource params(OverdoseEvent event) {
		OverdoseEntry e = event.entry();
		return new MapSqlParameterSource()
				.addValue("agency", event.agency().value())
				.addValue("occurredAt", OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
				.addValue("occurredDate", e.occurredDate())
				.addValue("timeKnown", e.timeKnown())
				.addValue("lat", e.lat())
				.addValue("lon", e.lon())
				.addValue("precision", e.precision().name())
				.addValue("county", e.county())
				.addValue("city", e.city())
				.addValue("neighbourhood", event.neighbourhoodId())
				.addValue("h3", event.h3Cell())
				.addValue("fatal", e.fatal())
				.addValue("naloxoneGiven", e.naloxoneGiven())
				.addValue("doses", e.naloxoneDoses())
				.addValue("drugs", String.join(",", e.suspectedDrugs()))
				.addValue("source", e.source().name())
				.addValue("reportingAgency", e.reportingAgency())
				.addValue("sourceName", e.sourceName())
				.addValue("sourceId", e.sourceId())
				.addValue("recordedBy", event.recordedBy())
				.addValue("recordedAt", OffsetDateTime.ofInstant(event.recordedAt(), ZoneOffset.UTC));
	}

	static OverdoseEvent map(ResultSet rs, int row) throws SQLException {
		String drugs = rs.getString("suspected_drugs");
		OverdoseEntry entry = new OverdoseEntry(instant(rs, "occurred_at"), rs.getObject("occurred_date", LocalDate.class),
				rs.getBoolean("time_known"), nullableDouble(rs, "lat"), nullableDouble(rs, "lon"),
				LocationPrecision.valueOf(rs.getString("location_precision")), rs.getString("county"), rs.getString("city"),
				nullableLong(rs, "neighbourhood_id"), nullableBoolean(rs, "fatal"), nullableBoolean(rs, "naloxone_given"),
				nullableInt(rs, "naloxone_doses"), drugs == null || drugs.isEmpty() ? List.of() : List.of(drugs.split(",")),
				EventSource.valueOf(rs.getString("source")), rs.getString("reporting_agency"), rs.getString("source_name"),
				rs.getString("source_id"));
		return new OverdoseEvent(rs.getLong("id"), AgencyId.of(rs.getLong("agency_id")), entry,
				nullableLong(rs, "neighbourhood_id"), nullableLong(rs, "h3_cell"), rs.getString("recorded_by"),
				instant(rs, "recorded_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		if (t != null) {
			return t.toInstant();
		}
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	static Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
		boolean v = rs.getBoolean(column);
		return rs.wasNull() ? null : v;
	}
}
