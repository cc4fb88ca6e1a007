package org.beacon.publicsafety;

import org.beacon.shared.AgencyId;

/** A resident asked for alerts; the confirmation e-mail (double opt-in) is sent by its listener. */
public record SubscriptionRequested(AgencyId agency, long subscriptionId) {
}
