package org.beacon.overdose;

import java.util.Locale;

/**
 * The CSV layouts Beacon reads overdose events from. Each knows its columns, its time zone and what its
 * coordinates are; see {@code docs/methods/overdose-surveillance.md}.
 */
public enum ImportProfile {

	/** Pennsylvania State Police ODIN, one row per victim; coordinates are county centroids. */
	PA_ODIN("pa-odin"),
	/** Tempe Fire Medical Rescue opioid calls (Open Tempe); coordinates randomised by the publisher, day only. */
	TEMPE("tempe"),
	/** Connecticut Chief Medical Examiner's accidental drug deaths 2012-2018; city centroids, day only. */
	CT_DEATHS("ct-deaths");

	private final String code;

	ImportProfile(String code) {
		this.code = code;
	}

	/** The name on the command line and in {@code source_name}, e.g. {@code pa-odin}. */
	public String code() {
		return code;
	}

	/** @throws IllegalArgumentException naming the profiles there are */
	public static ImportProfile parse(String text) {
		String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		for (ImportProfile p : values()) {
			if (p.code.equals(wanted)) {
				return p;
			}
		}
		throw new IllegalArgumentException("profile must be one of pa-odin, tempe, ct-deaths; was '" + text + "'");
	}
}
