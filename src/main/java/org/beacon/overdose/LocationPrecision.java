package org.beacon.overdose;

/**
 * What an event's coordinates are. Sources differ: EMS records a point, an open-data portal jitters it,
 * a state file gives the county's centroid. Detection uses coordinates only as finely as they are:
 * neighbourhoods and H3 cells only from {@link #POINT} and {@link #RANDOMISED}.
 */
public enum LocationPrecision {

	/** Where it happened (device GPS or a geocoded address). */
	POINT,
	/** A point the publisher moved at random to protect privacy (Tempe's open data). */
	RANDOMISED,
	/** The centroid of the city it happened in (Connecticut's medical examiner file). */
	CITY_CENTROID,
	/** The centroid of the county it happened in (Pennsylvania ODIN). */
	COUNTY_CENTROID,
	/** No coordinates: only the area (neighbourhood, city, county or state) is known. */
	AREA;

	/** Whether the coordinates are good enough to place the event in a neighbourhood or an H3 cell. */
	public boolean locatesWithinAreas() {
		return this == POINT || this == RANDOMISED;
	}
}
