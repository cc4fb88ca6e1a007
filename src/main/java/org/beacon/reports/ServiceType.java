package org.beacon.reports;

/**
 * How an Open311 client learns the id of a new request: at once ({@code realtime}), later through a token
 * ({@code batch}), or never ({@code blackbox}).
 */
public enum ServiceType {
	REALTIME, BATCH, BLACKBOX;

	/** The value on the wire, e.g. {@code realtime}. */
	public String wire() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static ServiceType fromWire(String value) {
		return valueOf(value.toUpperCase(java.util.Locale.ROOT));
	}
}
