package org.beacon.reports.internal;

/**
 * Whether what a resident wrote (description, address text, media) may be shown publicly. Nothing is
 * public before a moderator approves it; {@link #HELD} carries an explanation, {@link #REJECTED} hides the
 * whole request from public reads.
 */
public enum Moderation {
	PENDING, APPROVED, HELD, REJECTED;

	public String db() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static Moderation fromDb(String value) {
		return valueOf(value.toUpperCase(java.util.Locale.ROOT));
	}
}
