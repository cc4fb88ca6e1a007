package org.beacon.analytics.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code analysis_job} table. Every write is its own statement (auto-commit), so a poll on any node sees
 * it at once. Writes on behalf of the running node are conditional on {@code status = 'RUNNING'}: one that
 * changes no row tells that node the job was cancelled (or expired) elsewhere.
 */
@Repository
class AnalysisJobRepository {

	private static final String COLUMNS = """
			id, agency_id, method, parameters, started_by, status, units_done, units_total, label, counting_since,
			counted_at, error, started_at, finished_at, updated_at
			""";

	private final JdbcClient jdbc;

	AnalysisJobRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String id, AgencyId agency, String method, String parameters, String startedBy, String label,
			OffsetDateTime now) {
		jdbc.sql("""
				INSERT INTO analysis_job (id, agency_id, method, parameters, started_by, status, units_done, units_total,
				                          label, started_at, updated_at)
				VALUES (:id, :agency, :method, :parameters, :by, 'RUNNING', 0, 0, :label, :now, :now)
				""")
				.param("id", id).param("agency", agency.value()).param("method", method)
				.param("parameters", truncate(parameters, 2000)).param("by", truncate(startedBy, 100))
				.param("label", truncate(label, 200)).param("now", now).update();
	}

	/** Writes progress; false when the job is no longer running (cancelled, failed as stalled, or expired). */
	boolean progressed(String id, long done, long total, String label, OffsetDateTime countingSince,
			OffsetDateTime now) {
		return jdbc.sql("""
				UPDATE analysis_job
				   SET units_done = :done, units_total = :total, label = :label, counting_since = :since,
				       counted_at = :now, updated_at = :now
				 WHERE id = :id AND status = 'RUNNING'
				""").param("id", id).param("done", done).param("total", total).param("label", truncate(label, 200))
				.param("since", countingSince).param("now", now).update() == 1;
	}

	/** The running node's heartbeat; false when the job is no longer running. */
	boolean touch(String id, OffsetDateTime now) {
		return jdbc.sql("UPDATE analysis_job SET updated_at = :now WHERE id = :id AND status = 'RUNNING'")
				.param("id", id).param("now", now).update() == 1;
	}

	/** Ends a running job as done (with its result) or failed (with why); false when it had ended already. */
	boolean finish(String id, AnalysisJob.State state, String result, String error, OffsetDateTime now) {
		return jdbc.sql("""
				UPDATE analysis_job
				   SET status = :status, result = :result, error = :error, finished_at = :now, updated_at = :now,
				       units_done = CASE WHEN :status = 'DONE' THEN units_total ELSE units_done END
				 WHERE id = :id AND status = 'RUNNING'
				""").param("id", id).param("status", state.name()).param("result", result)
				.param("error", truncate(error, 1000)).param("now", now).update() == 1;
	}

	/** Cancels a running job; false when it was not running. */
	boolean cancel(String id, OffsetDateTime now) {
		return jdbc.sql("""
				UPDATE analysis_job SET status = 'CANCELLED', finished_at = :now, updated_at = :now
				 WHERE id = :id AND status = 'RUNNING'
				""").param("id", id).param("now", now).update() == 1;
	}

	/** Fails a running job whose node stopped writing before {@code staleBefore}; false when it is alive. */
	boolean failStalled(String id, OffsetDateTime staleBefore, String error, OffsetDateTime now) {
		return jdbc.sql("""
				UPDATE analysis_job SET status = 'FAILED', error = :error, finished_at = :now, updated_at = :now
				 WHERE id = :id AND status = 'RUNNING' AND updated_at < :staleBefore
				""").param("id", id).param("error", error).param("staleBefore", staleBefore).param("now", now)
				.update() == 1;
	}

	void delete(String id) {
		jdbc.sql("DELETE FROM analysis_job WHERE id = :id").param("id", id).update();
	}

	/** Deletes jobs last updated before {@code before}: finished ones, and running ones whose node is long gone. */
	int expire(OffsetDateTime before) {
		return jdbc.sql("DELETE FROM analysis_job WHERE updated_at < :before").param("before", before).update();
	}

	/** Jobs of a user that are running and alive (updated since {@code staleBefore}). */
	int running(String startedBy, OffsetDateTime staleBefore) {
		return jdbc.sql("""
				SELECT count(*) FROM analysis_job
				 WHERE started_by = :by AND status = 'RUNNING' AND updated_at >= :staleBefore
				""").param("by", startedBy).param("staleBefore", staleBefore).query(Integer.class).single();
	}

	Optional<AnalysisJob> find(AgencyId agency, String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM analysis_job WHERE id = :id AND agency_id = :agency")
				.param("id", id).param("agency", agency.value()).query(AnalysisJobRepository::map).optional();
	}

	/** A done job's stored table (JSON text); empty for other states. */
	Optional<String> result(String id) {
		return jdbc.sql("SELECT result FROM analysis_job WHERE id = :id AND status = 'DONE'").param("id", id)
				.query(String.class).optional();
	}

	private static AnalysisJob map(ResultSet rs, int row) throws SQLException {
		return new AnalysisJob(rs.getString("id"), AgencyId.of(rs.getLong("agency_id")), rs.getString("method"),
				rs.getString("parameters"), rs.getString("started_by"), AnalysisJob.State.valueOf(rs.getString("status")),
				rs.getLong("units_done"), rs.getLong("units_total"), rs.getString("label"),
				rs.getObject("counting_since", OffsetDateTime.class), rs.getObject("counted_at", OffsetDateTime.class),
				rs.getString("error"), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("finished_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
