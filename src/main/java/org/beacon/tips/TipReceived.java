package org.beacon.tips;

import org.beacon.shared.AgencyId;

/** A tip was accepted and stored. Ids and the category only: nothing the tipster wrote. */
public record TipReceived(AgencyId agency, long tipId, TipCategory category) {
}
