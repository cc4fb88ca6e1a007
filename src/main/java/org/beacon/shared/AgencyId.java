package org.beacon.shared;

/** The agency a row belongs to; every agency-owned table carries it as {@code agency_id}. */
public record AgencyId(long value) {

	public AgencyId {
		if (value <= 0) {
			throw new IllegalArgumentException("agency id must be positive, was " + value);
		}
	}

	public static AgencyId of(long value) {
		return new AgencyId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
