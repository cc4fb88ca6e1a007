package org.beacon.geography;

/** What an area is in the agency's geography, from largest to smallest. */
public enum AreaKind {
	JURISDICTION, DISTRICT, BEAT, NEIGHBOURHOOD
}
