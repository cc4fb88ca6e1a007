package org.beacon.staffweb.web;

import java.time.LocalDate;

import org.beacon.agency.Agency;
import org.beacon.staffweb.internal.CategoryChoice;
import org.beacon.staffweb.internal.IncidentSelection;
import org.beacon.staffweb.internal.IncidentSummaries;
import org.springframework.stereotype.Component;

/** Turns the filter parameters every staff incident endpoint takes into a selection, with the default period. */
@Component
class Selections {

	private final IncidentSummaries summaries;

	Selections(IncidentSummaries summaries) {
		this.summaries = summaries;
	}

	/**
	 * The selection of {@code from}, {@code to} and {@code category}; when neither date is given, the default
	 * period (the last twelve months with data).
	 *
	 * @throws IllegalArgumentException for an unknown category or {@code to} before {@code from}
	 */
	IncidentSelection resolve(Agency agency, LocalDate from, LocalDate to, String category) {
		CategoryChoice choice = CategoryChoice.parse(category);
		if (from == null && to == null) {
			IncidentSelection period = summaries.defaultSelection(agency.id(), agency.timeZone());
			return new IncidentSelection(period.from(), period.to(), choice);
		}
		return new IncidentSelection(from, to, choice);
	}
}
