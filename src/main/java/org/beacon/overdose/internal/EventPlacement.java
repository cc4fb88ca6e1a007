package org.beacon.overdose.internal;

import java.time.Instant;

import org.beacon.geography.AreaKind;
import org.beacon.geography.AreaLocator;
import org.beacon.geography.Geography;
import org.beacon.overdose.OverdoseEntry;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.shared.AgencyId;

/**
 * Places entries in the agency's neighbourhoods and H3 cells. Only a point or a randomised point is placed: a
 * county or city centroid lies in some neighbourhood and some cell, but the overdose did not happen there.
 * An entry whose only location is a neighbourhood keeps it.
 */
final class EventPlacement {

	private final AgencyId agency;
	private final Geography geography;
	private final AreaLocator locator;

	EventPlacement(AgencyId agency, Geography geography) {
		this.agency = agency;
		this.geography = geography;
		this.locator = geography.locator(agency);
	}

	OverdoseEvent place(long id, OverdoseEntry entry, String actor, Instant now) {
		Long neighbourhood = entry.neighbourhoodId();
		Long cell = null;
		if (entry.precision().locatesWithinAreas()) {
			long found = locator.locate(AreaKind.NEIGHBOURHOOD, entry.lat(), entry.lon());
			neighbourhood = found == 0 ? null : found;
			cell = geography.h3Cell(entry.lat(), entry.lon(), Geography.STORED_H3_RESOLUTION);
		}
		return new OverdoseEvent(id, agency, entry, neighbourhood, cell, actor, now);
	}
}
