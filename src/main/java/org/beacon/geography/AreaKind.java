package org.beacon.geography;

import java.util.Locale;

/** What an area is in the agency's geography, from largest to smallest. */
public enum AreaKind {
	JURISDICTION, DISTRICT, BEAT, NEIGHBOURHOOD;

	/**
	 * The kind a user typed: any case, and the American {@code neighborhood} for {@link #NEIGHBOURHOOD}.
	 *
	 * @throws IllegalArgumentException naming the kinds there are, when it is none of them
	 */
	public static AreaKind parse(String name) {
		String normalised = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
		if (normalised.equals("NEIGHBORHOOD")) {
			return NEIGHBOURHOOD;
		}
		for (AreaKind kind : values()) {
			if (kind.name().equals(normalised)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("kind must be one of jurisdiction, district, beat, neighbourhood; was '"
				+ name + "'");
	}
}
