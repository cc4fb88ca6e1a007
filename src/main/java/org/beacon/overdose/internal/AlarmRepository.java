package org.beacon.overdose.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for {@code overdose_alarm}: one alarm per (agency, method, area level, area, day). */
@Repository
public class AlarmRepository {

	private static final String COLUMNS = """
			id, agency_id, method, area_level, area_code, area_name, alarm_date, window_start, event_count,
			baseline_mean, baseline_sd, statistic, threshold, p_value, series_json, cluster_json, notify, state,
			detected_at, acknowledged_by, acknowledged_at, acknowledgement""";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;

	AlarmRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** Stores a new alarm; empty when the same (method, area, day) was stored before. */
	Optional<Long> insert(StoredAlarm a) {
		MapSqlParameterSource p = new MapSqlParameterSource()
				.addValue("agency", a.agency().value()).addValue("method", a.method())
				.addValue("level", a.areaLevel()).addValue("code", a.areaCode()).addValue("name", a.areaName())
				.addValue("day", a.alarmDate()).addValue("start", a.windowStart()).addValue("count", a.count())
				.addValue("mean", finite(a.baselineMean())).addValue("sd", finite(a.baselineSd()))
				.addValue("statistic", bounded(a.statistic())).addValue("threshold", a.threshold())
				.addValue("p", a.pValue()).addValue("series", a.seriesJson()).addValue("cluster", a.clusterJson())
				.addValue("notify", a.notifies()).addValue("detectedAt", utc(a.detectedAt()));
		var keys = new GeneratedKeyHolder();
		int n = named.update("""
				INSERT INTO overdose_alarm (agency_id, method, area_level, area_code, area_name, alarm_date, window_start,
				    event_count, baseline_mean, baseline_sd, statistic, threshold, p_value, series_json, cluster_json,
				    notify, state, detected_at)
				VALUES (:agency, :method, :level, :code, :name, :day, :start, :count, :mean, :sd, :statistic, :threshold,
				    :p, :series, :cluster, :notify, 'NEW', :detectedAt)
				ON CONFLICT DO NOTHING""", p, keys, new String[] { "id" });
		return n == 0 ? Optional.empty() : Optional.of(keys.getKey().longValue());
	}

	/**
	 * Brings the evidence of a stored alarm up to date when a later run saw more cases for the same (method,
	 * area, day), e.g. entries that arrived after the first alarm. Never lowers the count; keeps the state.
	 *
	 * @return whether the stored alarm changed
	 */
	boolean refresh(StoredAlarm a) {
		return jdbc.sql("""
				UPDATE overdose_alarm SET event_count = :count, baseline_mean = :mean, baseline_sd = :sd,
				    statistic = :statistic, p_value = :p, window_start = :start, series_json = :series,
				    cluster_json = :cluster
				WHERE agency_id = :agency AND method = :method AND area_level = :level AND area_code = :code
				  AND alarm_date = :day AND event_count < :count""")
				.param("count", a.count()).param("mean", finite(a.baselineMean())).param("sd", finite(a.baselineSd()))
				.param("statistic", bounded(a.statistic())).param("p", a.pValue()).param("start", a.windowStart())
				.param("series", a.seriesJson()).param("cluster", a.clusterJson()).param("agency", a.agency().value())
				.param("method", a.method()).param("level", a.areaLevel()).param("code", a.areaCode())
				.param("day", a.alarmDate()).update() == 1;
	}

	public Optional<StoredAlarm> find(AgencyId agency, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM overdose_alarm WHERE agency_id = :agency AND id = :id")
				.param("agency", agency.value()).param("id", id).query(AlarmRepository::map).optional();
	}

	/** Newest day first; {@code state} NEW or ACKNOWLEDGED, or null for both. */
	public List<StoredAlarm> list(AgencyId agency, String state, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				 FROM overdose_alarm
				WHERE agency_id = :agency AND (:state = '' OR state = :state)
				ORDER BY alarm_date DESC, id DESC
				FETCH FIRST :limit ROWS ONLY""")
				.param("agency", agency.value()).param("state", state == null ? "" : state).param("limit", limit)
				.query(AlarmRepository::map).list();
	}

	/**
	 * Unacknowledged alarms of every agency that notify and were detected at or after {@code since}, oldest first,
	 * at most {@code limit}: those still sent to recipients added after detection.
	 */
	List<StoredAlarm> openDetectedSince(Instant since, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				 FROM overdose_alarm
				WHERE state = 'NEW' AND notify AND detected_at >= :since
				ORDER BY detected_at, id
				FETCH FIRST :limit ROWS ONLY""")
				.param("since", utc(since)).param("limit", limit).query(AlarmRepository::map).list();
	}

	/** Unacknowledged alarms that notify: the count on every partner's and supervisor's page. */
	public long countNew(AgencyId agency) {
		return jdbc.sql("SELECT COUNT(*) FROM overdose_alarm WHERE agency_id = :agency AND state = 'NEW' AND notify")
				.param("agency", agency.value()).query(Long.class).single();
	}

	/** Marks a NEW alarm acknowledged; false if it was already. */
	boolean acknowledge(AgencyId agency, long id, String by, String note, Instant at) {
		return jdbc.sql("""
				UPDATE overdose_alarm SET state = 'ACKNOWLEDGED', acknowledged_by = :by, acknowledged_at = :at,
				    acknowledgement = :note
				WHERE agency_id = :agency AND id = :id AND state = 'NEW'""")
				.param("by", by).param("at", utc(at)).param("note", note).param("agency", agency.value())
				.param("id", id).update() == 1;
	}

	static StoredAlarm map(ResultSet rs, int row) throws SQLException {
		return new StoredAlarm(rs.getLong("id"), AgencyId.of(rs.getLong("agency_id")), rs.getString("method"),
				rs.getString("area_level"), rs.getString("area_code"), rs.getString("area_name"),
				rs.getObject("alarm_date", LocalDate.class), rs.getObject("window_start", LocalDate.class),
				rs.getInt("event_count"), OverdoseEventRepository.nullableDouble(rs, "baseline_mean"),
				OverdoseEventRepository.nullableDouble(rs, "baseline_sd"), rs.getDouble("statistic"),
				rs.getDouble("threshold"), OverdoseEventRepository.nullableDouble(rs, "p_value"),
				rs.getString("series_json"), rs.getString("cluster_json"), rs.getBoolean("notify"), rs.getString("state"),
				OverdoseEventRepository.instant(rs, "detected_at"), rs.getString("acknowledged_by"),
				OverdoseEventRepository.instant(rs, "acknowledged_at"), rs.getString("acknowledgement"));
	}

	private static Double finite(Double d) {
		return d == null || !Double.isFinite(d) ? null : d;
	}

	/** An infinite statistic (a zero-SD baseline) is stored as the largest double; the series keeps "Infinity". */
	private static double bounded(double d) {
		return Double.isInfinite(d) ? Math.copySign(Double.MAX_VALUE, d) : d;
	}

	static OffsetDateTime utc(Instant t) {
		return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
	}
}
