package org.beacon.tips;

/**
 * How a tip was closed, said honestly. The tipster is never told more than that the tip was closed, and,
 * if staff choose, a generic notice such as "your information was used".
 */
public enum TipOutcome {
	INFORMATION_USED("Information used"),
	REFERRED("Referred to another agency"),
	DUPLICATE("Duplicate of an earlier tip"),
	NO_FURTHER_ACTION("No further action");

	private final String label;

	TipOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
