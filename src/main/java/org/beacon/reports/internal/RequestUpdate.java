package org.beacon.reports.internal;

import java.time.Instant;

/**
 * One entry of a request's history; {@code publicUpdate} entries of requests the public may see are what Open311
 * clients read, through {@code PublicDisclosure}.
 *
 * @param privateCategory the request's category is private
 * @param requestRejected moderation rejected the request
 */
public record RequestUpdate(long id, long requestId, String requestPublicId, String kind, boolean publicUpdate,
		RequestState state, Outcome outcome, String body, String author, Instant at, boolean privateCategory,
		boolean requestRejected) {

	/** The mySociety extended status the request had after this update. */
	public String extendedStatus() {
		return Outcome.extendedStatus(state, outcome);
	}
}
