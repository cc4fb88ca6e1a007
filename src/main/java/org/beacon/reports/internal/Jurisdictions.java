package org.beacon.reports.internal;

import java.util.List;
import java.util.Optional;

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
	private final LookupCache<String, List<Agency>> all;
	private final LookupCache<String, Optional<Agency>> byCode;

	Jurisdictions(Agencies agencies, Open311Properties properties) {
		this.agencies = agencies;
		this.all = new LookupCache<>(properties.lookupTtl(), System::nanoTime);
		this.byCode = new LookupCache<>(properties.lookupTtl(), System::nanoTime);
	}

	/** The agency a request is for; agencies are read at most once per {@code beacon.open311.lookup-ttl}. */
	public Agency resolve(String jurisdictionId) {
		if (jurisdictionId == null || jurisdictionId.isBlank()) {
			List<Agency> all = this.all.get("all", k -> agencies.all());
			if (all.size() == 1) {
				return all.get(0);
			}
			throw Open311Exception.badRequest("jurisdiction_id is required: this server serves " + all.size()
					+ " jurisdictions (" + String.join(", ", all.stream().map(Agency::code).toList()) + ")");
		}
		return byCode.get(jurisdictionId.trim(), agencies::byCode)
				.orElseThrow(() -> Open311Exception.notFound("jurisdiction_id '" + jurisdictionId.trim() + "' not found"));
	}
}
