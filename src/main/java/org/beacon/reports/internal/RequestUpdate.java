package org.beacon.reports.internal;

import java.time.Instant;

/** One entry of a request's history; {@code publicUpdate} entries are what Open311 clients may see. */
public record RequestUpdate(long id, long requestId, String requestPublicId, String kind, boolean publicUpdate,
		RequestState state, Outcome outcome, String body, String author, Instant at) {

	/** The mySociety extended status the request had after this update. */
	public String extendedStatus() {
		return Outcome.extendedStatus(state, outcome);
	}
}
