package org.beacon.staffweb.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.beacon.shared.AgencyId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code import_job} table. Every write is its own statement (auto-commit), so a poll on any node sees
 * progress at once; the primary key makes {@link #insert} the lock for fixed ids such as {@code demo}.
 */
@Repository
class ImportJobRepository {

	/** Errors are stored one per line; a line break inside one is flattened to a space. */
	private static final String ERROR_SEPARATOR = "\n";

	private final JdbcClient jdbc;

	ImportJobRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a running job; false when a job with this id exists already. */
	boolean insert(String id, AgencyId agency, String sourceName, String startedBy, long totalBytes,
			OffsetDateTime now) {
		try {
			jdbc.sql("""
					INSERT INTO import_job (id, agency_id, source_name, started_by, status, bytes_read, total_bytes,
					                        rows_read, started_at, updated_at)
					VALUES (:id, :agency, :source, :by, 'RUNNING', 0, :total, 0, :now, :now)
					""")
					.param("id", id).param("agency", agency.value()).param("source", truncate(sourceName, 255))
					.param("by", truncate(startedBy, 100)).param("total", totalBytes).param("now", now)
					.update();
			return true;
		}
		catch (DuplicateKeyException alreadyThere) {
			return false;
		}
	}

	/**
	 * Takes over a failed or stalled job (its node went away) so it can run again; true when this caller
	 * won the row. Two nodes racing both run the same conditional update; only one sees a row changed.
	 */
	boolean reclaim(String id, OffsetDateTime staleBefore, OffsetDateTime now) {
		return jdbc.sql("""
				UPDATE import_job
				   SET status = 'RUNNING', bytes_read = 0, rows_read = 0, summary = NULL, errors = NULL,
				       started_at = :now, finished_at = NULL, updated_at = :now
				 WHERE id = :id
				   AND (status = 'FAILED' OR (status = 'RUNNING' AND updated_at < :staleBefore))
				""").param("id", id).param("now", now).param("staleBefore", staleBefore).update() == 1;
	}

	void progressed(String id, long bytesRead, long totalBytes, long rows, OffsetDateTime now) {
		jdbc.sql("""
				UPDATE import_job SET bytes_read = :bytes, total_bytes = :total, rows_read = :rows, updated_at = :now
				 WHERE id = :id AND status = 'RUNNING'
				""").param("id", id).param("bytes", bytesRead).param("total", totalBytes).param("rows", rows)
				.param("now", now).update();
	}

	void finish(String id, ImportJob.Status status, long rows, String summary, List<String> errors,
			OffsetDateTime now) {
		String joined = String.join(ERROR_SEPARATOR,
				errors.stream().map(e -> e.replace('\n', ' ').replace('\r', ' ')).toList());
		jdbc.sql("""
				UPDATE import_job
				   SET status = :status, rows_read = :rows, summary = :summary, errors = :errors,
				       finished_at = :now, updated_at = :now,
				       bytes_read = CASE WHEN :status = 'DONE' AND total_bytes > 0 THEN total_bytes ELSE bytes_read END
				 WHERE id = :id
				""").param("id", id).param("status", status.name()).param("rows", rows)
				.param("summary", truncate(summary, 500)).param("errors", joined.isEmpty() ? null : joined)
				.param("now", now).update();
	}

	Optional<ImportJob> find(AgencyId agency, String id) {
		return jdbc.sql("SELECT * FROM import_job WHERE id = :id AND agency_id = :agency")
				.param("id", id).param("agency", agency.value()).query(ImportJobRepository::map).optional();
	}

	Optional<ImportJob> find(String id) {
		return jdbc.sql("SELECT * FROM import_job WHERE id = :id").param("id", id)
				.query(ImportJobRepository::map).optional();
	}

	List<ImportJob> recent(AgencyId agency, int limit) {
		return jdbc.sql("""
				SELECT * FROM import_job WHERE agency_id = :agency ORDER BY started_at DESC, id
				 FETCH FIRST :limit ROWS ONLY
				""").param("agency", agency.value()).param("limit", limit).query(ImportJobRepository::map).list();
	}

	private static ImportJob map(ResultSet rs, int row) throws SQLException {
		String errors = rs.getString("errors");
		return new ImportJob(rs.getString("id"), AgencyId.of(rs.getLong("agency_id")), rs.getString("source_name"),
				rs.getString("started_by"), ImportJob.Status.valueOf(rs.getString("status")), rs.getLong("bytes_read"),
				rs.getLong("total_bytes"), rs.getLong("rows_read"), rs.getString("summary"),
				errors == null ? List.of() : Arrays.asList(errors.split(ERROR_SEPARATOR)),
				rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
