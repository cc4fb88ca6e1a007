package org.beacon.reports.internal;

/** Where a service request stands in triage. Only {@link #CLOSED} is Open311 {@code closed}. */
public enum RequestState {
	FOR_TRIAGE("Received, waiting to be read", "open"),
	OPEN("Open", "open"),
	INVESTIGATING("Being investigated", "investigating"),
	IN_PROGRESS("In progress", "in_progress"),
	ACTION_SCHEDULED("Action scheduled", "action_scheduled"),
	CLOSED("Closed", "closed");

	private final String label;
	private final String extendedStatus;

	RequestState(String label, String extendedStatus) {
		this.label = label;
		this.extendedStatus = extendedStatus;
	}

	public String label() {
		return label;
	}

	/** Open311 core {@code status}: only {@code open} or {@code closed}. */
	public String open311Status() {
		return this == CLOSED ? "closed" : "open";
	}

	/** The mySociety extended status while open (closed requests take their outcome's). */
	String extendedStatus() {
		return extendedStatus;
	}

	public boolean isOpen() {
		return this != CLOSED;
	}
}
