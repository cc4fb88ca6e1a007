package org.beacon.analytics.jobs;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.beacon.analytics.AnalysisProgress;

/**
 * A running job's progress, written to its row at most every {@link #WRITE_INTERVAL_MILLIS} (and at the end
 * of each count), so polls on any node see it without the run spending its time on status rows. A write
 * that finds the job no longer running (cancelled on some node) marks it cancelled, and the engine stops at
 * its next unit; so does {@link #cancel()} when the cancellation reaches this node directly.
 */
final class JobProgress implements AnalysisProgress {

	/** Twice a second is as often as a progress bar needs. */
	static final long WRITE_INTERVAL_MILLIS = 500;

	private static final long NEVER = Long.MIN_VALUE;

	private final String id;
	private final AnalysisJobRepository repository;
	private final Clock clock;
	private volatile boolean cancelled;
	/** When progress was last written, by {@link #clock}; {@link #NEVER} before the first write. */
	private long lastWrite = NEVER;
	private long total = -1;
	private OffsetDateTime countingSince;

	JobProgress(String id, AnalysisJobRepository repository, Clock clock) {
		this.id = id;
		this.repository = repository;
		this.clock = clock;
	}

	String id() {
		return id;
	}

	/** A step before the engine counts (reading incidents): no units yet, written at once. */
	void phase(String label) {
		write(0, 0, label, null);
	}

	@Override
	public synchronized void progressed(long done, long units, String label) {
		if (units != total) {
			total = units;
			countingSince = OffsetDateTime.now(clock);
		}
		long now = clock.millis();
		if (done == units || lastWrite == NEVER || now - lastWrite >= WRITE_INTERVAL_MILLIS) {
			lastWrite = now;
			write(done, units, label, countingSince);
		}
	}

	@Override
	public boolean cancelled() {
		return cancelled;
	}

	void cancel() {
		cancelled = true;
	}

	/** The heartbeat: keeps the row alive while a unit takes long; notices a cancellation made elsewhere. */
	void beat() {
		if (!repository.touch(id, OffsetDateTime.now(clock))) {
			cancelled = true;
		}
	}

	private void write(long done, long units, String label, OffsetDateTime since) {
		if (!repository.progressed(id, done, units, label, since, OffsetDateTime.now(clock))) {
			cancelled = true;
		}
	}
}
