package org.beacon.analytics.internal;

/**
 * Told as a long computation finishes units of its work (a permutation, a time step, an EM iteration), so
 * that a caller can show progress and stop a run nobody wants any more: an implementation may throw, and
 * the computation then ends with that exception at its next unit. Parallel computations call it from
 * several threads, and a later count may arrive before an earlier one; an implementation keeps the
 * largest. Counts reach {@code total} when the work is complete.
 */
@FunctionalInterface
public interface UnitsDone {

	/** Hears nothing. */
	UnitsDone NONE = (done, total) -> {
	};

	/**
	 * @param done units finished so far, 0 to {@code total}
	 * @param total units the whole computation takes
	 */
	void done(long done, long total);
}
