package org.beacon.publicsafety.internal;

import java.time.Instant;
import java.util.Set;

import org.beacon.incidents.OffenseCategory;
import org.beacon.publicsafety.AlertPlace;
import org.beacon.shared.AgencyId;

/**
 * A stored alert subscription. Categories empty means every public category. Its link tokens are not part of it:
 * only their hashes are stored, in {@link AlertTokens}.
 */
public record Subscription(long id, AgencyId agency, String email, String webhookUrl, String webhookSecret,
		AlertPlace place, Long neighbourhoodId, String neighbourhoodCode, Double centreLat, Double centreLon,
		Double radiusMetres, String polygonGeoJson, Set<OffenseCategory> categories, Frequency frequency,
		boolean onlyAboveUsual, String state, Instant createdAt) {

	public enum Frequency {
		DAILY, WEEKLY
	}

	public boolean active() {
		return "ACTIVE".equals(state);
	}
}
