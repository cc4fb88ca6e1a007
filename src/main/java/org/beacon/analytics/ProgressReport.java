package org.beacon.analytics;

import org.beacon.analytics.internal.UnitsDone;

/**
 * Between the numeric code, which tells every unit it finishes (from several threads, not always in
 * order), and an {@link AnalysisProgress}: keeps {@code done} monotonic, labels the units, thins the reports
 * to about {@link #REPORTS_PER_RUN} per run, and checks for cancellation at every unit.
 */
final class ProgressReport {

	/** A bar has at most a few hundred distinct positions; more reports would only cost time. */
	static final long REPORTS_PER_RUN = 1000;

	/** Labels a count of units: (done, total) → "week 12 of 260". */
	@FunctionalInterface
	interface Label {
		String of(long done, long total);
	}

	private final AnalysisProgress listener;
	private long done = -1;
	private long total = -1;
	private long reported = -1;
	private Label label = (d, t) -> "done";

	ProgressReport(AnalysisProgress listener) {
		this.listener = listener;
	}

	/** Units counted as "{@code noun} k of n". */
	UnitsDone units(String noun) {
		return units((d, t) -> noun + " " + d + " of " + t);
	}

	UnitsDone units(Label label) {
		return (d, t) -> report(d, t, label);
	}

	/** One unit for the whole run, for methods too quick to count: 0 of 1 now, 1 of 1 at {@link #finish()}. */
	void single(String text) {
		report(0, 1, (d, t) -> text);
	}

	/** Throws when the run has been cancelled. */
	void checkCancelled() {
		if (listener.cancelled()) {
			throw new AnalysisCancelledException();
		}
	}

	/** The last report, at {@code done == total} (1 of 1 when nothing was counted), unless it was made. */
	synchronized void finish() {
		if (total < 1) {
			total = 1;
		}
		if (reported < total) {
			reported = total;
			done = total;
			listener.progressed(total, total, label.of(total, total));
		}
	}

	/**
	 * A count of {@code newDone} of {@code newTotal}: dropped when not beyond the last (so {@code done} never
	 * goes back), passed on when it ends the count or has moved by a thousandth of it since the last report.
	 * A run makes one count; a report with another total starts a new one.
	 */
	synchronized void report(long newDone, long newTotal, Label newLabel) {
		checkCancelled();
		if (newTotal != total) {
			total = newTotal;
			done = -1;
			reported = -1;
		}
		label = newLabel;
		if (newDone <= done) {
			return;
		}
		done = Math.min(newDone, newTotal);
		long step = Math.max(1, total / REPORTS_PER_RUN);
		if (done == total || reported < 0 || done - reported >= step) {
			reported = done;
			listener.progressed(done, total, label.of(done, total));
		}
	}
}
