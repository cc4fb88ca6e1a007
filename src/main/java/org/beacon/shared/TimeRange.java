package org.beacon.shared;

import java.time.Instant;

/** A half-open interval {@code [from, to)} of instants; either end may be open (null). */
public record TimeRange(Instant from, Instant to) {

	public TimeRange {
		if (from != null && to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("time range ends before it starts: " + from + " .. " + to);
		}
	}

	public static TimeRange all() {
		return new TimeRange(null, null);
	}

	public boolean contains(Instant t) {
		return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
	}
}
