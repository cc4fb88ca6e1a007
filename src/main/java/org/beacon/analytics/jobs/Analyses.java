package org.beacon.analytics.jobs;

import org.beacon.analytics.AnalysisProgress;
import org.beacon.analytics.AnalysisTable;
import org.beacon.analytics.AnalyticsEngine;
import org.beacon.analytics.IncidentFrame;
import org.beacon.analytics.IncidentFrames;
import org.beacon.shared.AgencyId;
import org.springframework.stereotype.Service;

/** Runs a request on the agency's stored incidents: the same steps for an answer now and for a job. */
@Service
public class Analyses {

	private final IncidentFrames frames;
	private final AnalyticsEngine engine;

	Analyses(IncidentFrames frames, AnalyticsEngine engine) {
		this.frames = frames;
		this.engine = engine;
	}

	/**
	 * Reads the request's incidents and runs its method, telling {@code progress} as the engine counts.
	 *
	 * @throws IllegalArgumentException when no incident matches or a setting does not fit the data
	 * @throws org.beacon.analytics.AnalysisCancelledException when {@code progress} says so
	 */
	public AnalysisTable run(AgencyId agency, AnalysisRequest request, AnalysisProgress progress) {
		IncidentFrame frame = frames.frame(request.filter(agency), request.areas());
		return engine.run(request.method(), frame, request.options(), frames.neighbourhoods(agency, false), progress);
	}
}
