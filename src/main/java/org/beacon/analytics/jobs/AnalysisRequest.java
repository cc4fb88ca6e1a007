package org.beacon.analytics.jobs;

import java.time.LocalDate;
import java.util.Set;

import org.beacon.analytics.AnalysisOptions;
import org.beacon.analytics.AnalyticsEngine;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.OffenseCategory;
import org.beacon.shared.AgencyId;

/**
 * One analysis as asked for, checked and ready to run now or as a job.
 *
 * @param method one of {@link AnalyticsEngine#METHODS}
 * @param categories offense categories, empty for all
 * @param options the method's settings, dates included
 * @param parameters the request's parameters as a query string, for the job's record and the audit trail
 * @param areas neighbourhood ids the incidents and the study area are limited to; empty for the whole study area
 */
public record AnalysisRequest(String method, Set<OffenseCategory> categories, AnalysisOptions options,
		String parameters, Set<Long> areas) {

	public AnalysisRequest {
		categories = Set.copyOf(categories);
		areas = Set.copyOf(areas);
	}

	/** A request over the agency's whole study area. */
	public AnalysisRequest(String method, Set<OffenseCategory> categories, AnalysisOptions options, String parameters) {
		this(method, categories, options, parameters, Set.of());
	}

	/** The incidents the method reads: forecasts and backtests also the training days before {@code from}. */
	public IncidentFilter filter(AgencyId agency) {
		LocalDate from = options.from();
		boolean history = AnalyticsEngine.readsHistory(method, options.forecast());
		LocalDate frameFrom = history && from != null ? from.minusDays(options.trainingDays()) : from;
		return new IncidentFilter(agency, frameFrom, options.to(), categories);
	}

	/** "from..to" as asked, either side empty when open; for audit lines. */
	public String span() {
		return (options.from() == null ? "" : options.from()) + ".." + (options.to() == null ? "" : options.to());
	}
}
