package org.beacon.reports.internal;

/**
 * How a request was closed, said honestly: closed is not the same as fixed (FixMyStreet #1339, #2167).
 * Each maps to a mySociety extended status for FixMyStreet and to a public status note.
 */
public enum Outcome {
	FIXED("Fixed", "fixed"),
	NOT_FIXED("Closed without a fix", "closed"),
	REFERRED("Referred to the agency responsible", "not_councils_responsibility"),
	DUPLICATE("Duplicate of an earlier report", "duplicate"),
	NO_FURTHER_ACTION("No further action", "no_further_action"),
	INFORMATION_USED("Closed: the information was used", "closed");

	private final String label;
	private final String extendedStatus;

	Outcome(String label, String extendedStatus) {
		this.label = label;
		this.extendedStatus = extendedStatus;
	}

	public String label() {
		return label;
	}

	/** mySociety extended status (lower case, as in GET servicerequestupdates). */
	public String extendedStatus() {
		return extendedStatus;
	}

	/** The mySociety extended status for a request in {@code state} closed with {@code outcome} (or open). */
	public static String extendedStatus(RequestState state, Outcome outcome) {
		return state == RequestState.CLOSED && outcome != null ? outcome.extendedStatus() : state.extendedStatus();
	}
}
