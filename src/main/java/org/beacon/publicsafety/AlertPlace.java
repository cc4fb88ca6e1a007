package org.beacon.publicsafety;

/** Where a resident's alert subscription looks: a neighbourhood, a radius around a point, or a drawn polygon. */
public enum AlertPlace {
	NEIGHBOURHOOD, RADIUS, POLYGON
}
