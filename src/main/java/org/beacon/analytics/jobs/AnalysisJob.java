package org.beacon.analytics.jobs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.beacon.shared.AgencyId;

/**
 * One analysis job as a poll sees it: the row of {@code analysis_job} without its result.
 *
 * @param parameters the request's parameters as a query string
 * @param done units done of {@code total}; both 0 while no count has started (waiting, reading incidents)
 * @param countingSince when the engine's count started (null before), for the time left
 * @param countedAt when progress was last written (null before)
 * @param error why a failed job failed, else null
 * @param updatedAt last write, progress or heartbeat: a running job not updated for {@link #STALE_AFTER} has
 * lost its node
 */
public record AnalysisJob(String id, AgencyId agency, String method, String parameters, String startedBy,
		State state, long done, long total, String label, OffsetDateTime countingSince, OffsetDateTime countedAt,
		String error, OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime updatedAt) {

	/** A running job's node writes at least every {@link AnalysisJobs#HEARTBEAT}; eight missed beats mean it is gone. */
	public static final Duration STALE_AFTER = Duration.ofMinutes(2);

	public enum State {
		RUNNING, DONE, FAILED, CANCELLED;

		/** The state as the API names it: running, done, failed, cancelled. */
		public String apiName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public boolean finished() {
		return state != State.RUNNING;
	}

	/** True when the job says it is running but its node has not written for {@link #STALE_AFTER}. */
	public boolean stalled(OffsetDateTime now) {
		return state == State.RUNNING && updatedAt.plus(STALE_AFTER).isBefore(now);
	}

	/** From the start to the end, or to {@code now} while running. */
	public Duration elapsed(OffsetDateTime now) {
		Duration d = Duration.between(startedAt, finishedAt != null ? finishedAt : now);
		return d.isNegative() ? Duration.ZERO : d;
	}

	/**
	 * About how long a running job has left: the time per unit so far, times the units left, less the time
	 * since the last count; empty before the first unit is done or once finished. Never negative.
	 */
	public Optional<Duration> remaining(OffsetDateTime now) {
		if (finished() || done <= 0 || total <= done || countingSince == null || countedAt == null) {
			return Optional.empty();
		}
		double perUnitMillis = (double) Duration.between(countingSince, countedAt).toMillis() / done;
		long left = Math.round(perUnitMillis * (total - done)) - Duration.between(countedAt, now).toMillis();
		return Optional.of(Duration.ofMillis(Math.max(0, left)));
	}
}
