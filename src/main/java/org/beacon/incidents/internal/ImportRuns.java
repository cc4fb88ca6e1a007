package org.beacon.incidents.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import org.beacon.incidents.ImportResult;
import org.beacon.incidents.ImportResult.RowError;
import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code import_run} log and each run's row-level error report ({@code import_error}). */
@Repository
class ImportRuns {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	ImportRuns(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	long start(AgencyId agency, String source, String profile, String fileName, Instant now) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO import_run (agency_id, source, profile, file_name, started_at, status, rows_read, imported,
				updated, unchanged, rejected, reversed)
				VALUES (:agency, :source, :profile, :file, :now, 'running', 0, 0, 0, 0, 0, 0)""")
				.param("agency", agency.value()).param("source", source).param("profile", profile)
				.param("file", fileName).param("now", now.atOffset(ZoneOffset.UTC))
				.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Records the counts so far; a run killed now is left {@code running} with what it had committed. */
	void progress(long run, ImportResult counts) {
		jdbc.sql("""
				UPDATE import_run SET rows_read = :read, imported = :imported, updated = :updated,
				unchanged = :unchanged, rejected = :rejected, reversed = :reversed WHERE id = :id""")
				.param("read", counts.read()).param("imported", counts.imported()).param("updated", counts.updated())
				.param("unchanged", counts.unchanged()).param("rejected", counts.rejected())
				.param("reversed", counts.reversed()).param("id", run).update();
	}

	void finish(long run, String status, String message, Instant now) {
		jdbc.sql("UPDATE import_run SET status = :status, message = :message, finished_at = :now WHERE id = :id")
				.param("status", status).param("message", message == null || message.length() <= 2000 ? message
						: message.substring(0, 2000))
				.param("now", now.atOffset(ZoneOffset.UTC)).param("id", run).update();
	}

	void errors(long run, List<RowError> errors) {
		template.batchUpdate("""
				INSERT INTO import_error (run_id, line_number, column_name, bad_value, rule)
				VALUES (?, ?, ?, ?, ?)""", errors, 1000, (ps, error) -> {
			ps.setLong(1, run);
			ps.setLong(2, error.line());
			ps.setString(3, error.column());
			ps.setString(4, error.value());
			ps.setString(5, error.rule());
		});
	}

	/** Streams a run's errors in line order. */
	void errorReport(long run, Consumer<RowError> consumer) {
		String file = jdbc.sql("SELECT file_name FROM import_run WHERE id = :id").param("id", run).query(String.class)
				.optional().orElseThrow(() -> new IllegalArgumentException("no import run " + run));
		errors(run, file, consumer);
	}

	/** The same for a run of {@code agency}; another agency's run counts as unknown. */
	void errorReport(AgencyId agency, long run, Consumer<RowError> consumer) {
		String file = jdbc.sql("SELECT file_name FROM import_run WHERE id = :id AND agency_id = :agency")
				.param("id", run).param("agency", agency.value()).query(String.class).optional()
				.orElseThrow(() -> new IllegalArgumentException("no import run " + run));
		errors(run, file, consumer);
	}

	private void errors(long run, String file, Consumer<RowError> consumer) {
		try (var rows = jdbc.sql("""
				SELECT line_number, column_name, bad_value, rule FROM import_error WHERE run_id = :run
				ORDER BY line_number, id""").param("run", run)
				.query((rs, n) -> new RowError(file, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.stream()) {
			rows.forEach(consumer);
		}
	}
}
