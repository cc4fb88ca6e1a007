package org.beacon.agency;

import java.time.ZoneId;

import org.beacon.shared.AgencyId;

/**
 * An agency: its own name, the time zone its local times are in, and the projection its distances are
 * measured in ({@code auto} lets geography pick a local one from the agency's areas).
 */
public record Agency(AgencyId id, String code, String name, ZoneId timeZone, String projection) {
}
