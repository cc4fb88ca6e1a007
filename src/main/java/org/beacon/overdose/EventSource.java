package org.beacon.overdose;

import java.util.Locale;

/** Who saw the overdose. */
public enum EventSource {
	EMS, POLICE, HOSPITAL, MEDICAL_EXAMINER, OTHER;

	/**
	 * The source a user or a client typed, in any case, with {@code -} or space for {@code _}.
	 *
	 * @throws IllegalArgumentException naming the sources there are
	 */
	public static EventSource parse(String text) {
		String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (EventSource source : values()) {
			if (source.name().equals(name)) {
				return source;
			}
		}
		throw new IllegalArgumentException("source must be one of EMS, POLICE, HOSPITAL, MEDICAL_EXAMINER, OTHER; was '"
				+ text + "'");
	}
}
