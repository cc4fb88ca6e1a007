package org.beacon.analytics;

/** An analysis stopped because its {@link AnalysisProgress} said it was cancelled; it has no result. */
public class AnalysisCancelledException extends RuntimeException {

	public AnalysisCancelledException() {
		super("the analysis was cancelled");
	}
}
