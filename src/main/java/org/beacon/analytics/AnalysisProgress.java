package org.beacon.analytics;

/**
 * Hears how far a long analysis has got, so a page or a terminal can show it: units done of units total
 * with a short label ("week 12 of 260", "permutation 40 of 99"). Within one run {@code done} never goes
 * back and the last report has {@code done == total}; reports come at most once per unit and are thinned
 * to about a thousand per run. Calls are serialised, from whichever thread is computing.
 * <p>
 * The same object can stop the run: once {@link #cancelled()} answers true, the analysis ends at its next
 * unit with {@link AnalysisCancelledException}.
 */
public interface AnalysisProgress {

	/** Hears nothing and never cancels. */
	AnalysisProgress NONE = (done, total, label) -> {
	};

	/**
	 * @param done units finished, 0 to {@code total}
	 * @param total units the run takes
	 * @param label what the units are and how far: "week 12 of 260"
	 */
	void progressed(long done, long total, String label);

	/** True once whoever started the run no longer wants it; checked at every unit. */
	default boolean cancelled() {
		return false;
	}
}
