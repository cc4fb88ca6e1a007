package org.beacon.overdose;

import java.util.Locale;

/** The spike detectors: CDC EARS C1, C2, C3, the standardised CUSUM, and Kulldorff's space-time permutation scan. */
public enum DetectionMethod {
	C1, C2, C3, CUSUM, SCAN;

	/** The name in lower case, as on the command line and in stored alarms. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @throws IllegalArgumentException naming the methods there are */
	public static DetectionMethod parse(String text) {
		String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
		for (DetectionMethod m : values()) {
			if (m.name().equals(wanted)) {
				return m;
			}
		}
		throw new IllegalArgumentException("method must be one of c1, c2, c3, cusum, scan; was '" + text + "'");
	}
}
