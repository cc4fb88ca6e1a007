package org.beacon.geography;

/**
 * Fast point-in-area lookup over one agency's areas (a spatial index, built once, thread-safe).
 * Ids returned are {@link Area#id()}; {@code 0} means none.
 */
public interface AreaLocator {

	/** The area of this kind containing the WGS 84 point, or 0. A point on a shared edge gets one of them. */
	long locate(AreaKind kind, double lat, double lon);

	/** The area of this kind whose agency code is {@code code}, or 0. */
	long byCode(AreaKind kind, String code);
}
