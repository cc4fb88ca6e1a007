package org.beacon.tips;

/** What a tip is about; the tipster picks one, staff may change it. */
public enum TipCategory {
	DRUGS("Drug dealing or drug use"),
	VIOLENCE("Violence or threats"),
	WEAPONS("Weapons"),
	PROPERTY("Theft, burglary or vandalism"),
	EXPLOITATION("Exploitation or trafficking"),
	TRAFFIC("Dangerous driving"),
	OTHER("Something else");

	private final String label;

	TipCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The category for a submitted code; unknown or empty means {@link #OTHER}. */
	public static TipCategory fromCode(String code) {
		if (code == null || code.isBlank()) {
			return OTHER;
		}
		for (TipCategory c : values()) {
			if (c.code().equalsIgnoreCase(code.trim())) {
				return c;
			}
		}
		throw new IllegalArgumentException("category must be one of drugs, violence, weapons, property, exploitation, "
				+ "traffic, other; was '" + code + "'");
	}
}
