package org.beacon.reports.internal;

import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.springframework.stereotype.Component;

/**
 * Open311 {@code jurisdiction_id} is the agency's code. It may be left out while the deployment serves a
 * single agency; with several it is required (400 when missing), and an unknown one is 404.
 */
@Component
public class Jurisdictions {

	private final Agencies agencies;

	Jurisdictions(Agencies agencies) {
		this.agencies = agencies;
	}

	public Agency resolve(String jurisdictionId) {
		if (jurisdictionId == null || jurisdictionId.isBlank()) {
			List<Agency> all = agencies.all();
			if (all.size() == 1) {
				return all.get(0);
			}
			throw Open311Exception.badRequest("jurisdiction_id is required: this server serves " + all.size()
					+ " jurisdictions (" + String.join(", ", all.stream().map(Agency::code).toList()) + ")");
		}
		return agencies.byCode(jurisdictionId.trim())
				.orElseThrow(() -> Open311Exception.notFound("jurisdiction_id '" + jurisdictionId.trim() + "' not found"));
	}
}
