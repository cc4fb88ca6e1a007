package org.beacon.staffweb.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.beacon.shared.AgencyId;

/**
 * One import as the staff pages show it; the row of {@code import_job}.
 *
 * @param totalBytes -1 when unknown
 * @param errors the first rejected rows, one per entry
 */
public record ImportJob(String id, AgencyId agency, String sourceName, String startedBy, Status status,
		long bytesRead, long totalBytes, long rows, String summary, List<String> errors, OffsetDateTime startedAt,
		OffsetDateTime finishedAt, OffsetDateTime updatedAt) {

	/** The id of the job that loads the demo sample; its row is also the lock. */
	public static final String DEMO = "demo";

	/** A running job whose node has not reported for this long has stopped (the node went away). */
	public static final Duration STALE_AFTER = Duration.ofMinutes(2);

	public enum Status {
		RUNNING, DONE, FAILED
	}

	public boolean finished() {
		return status != Status.RUNNING;
	}

	/** True when the job says it is running but its node has not reported for {@link #STALE_AFTER}. */
	public boolean stalled(OffsetDateTime now) {
		return status == Status.RUNNING && updatedAt.plus(STALE_AFTER).isBefore(now);
	}

	/** Percent of bytes read, or -1 when the size is unknown. */
	public int percent() {
		if (totalBytes <= 0) {
			return status == Status.DONE ? 100 : -1;
		}
		return (int) Math.min(100, bytesRead * 100 / totalBytes);
	}

	/** Rows per second over the job's life so far (to its last report, or its end). */
	public long rowsPerSecond() {
		OffsetDateTime end = finishedAt != null ? finishedAt : updatedAt;
		long millis = Duration.between(startedAt, end).toMillis();
		return millis <= 0 ? 0 : rows * 1000 / millis;
	}
}
