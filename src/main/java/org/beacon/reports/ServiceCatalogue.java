package org.beacon.reports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.beacon.shared.AgencyId;

/** Each agency's catalogue of report categories (Open311 services), with their questions and SLAs. */
public interface ServiceCatalogue {

	/** Active services of the agency in display order. */
	List<ReportService> services(AgencyId agency);

	Optional<ReportService> service(AgencyId agency, String code);

	Optional<ReportService> byId(long id);

	/** When the catalogue last changed; Open311 discovery's {@code changeset}. */
	Instant changedAt(AgencyId agency);

	/** Adds or replaces a service (its attributes are replaced as a whole). */
	ReportService define(AgencyId agency, ServiceSpec spec);

	/**
	 * Gives the agency Beacon's default categories, leaving any service it already has alone. Safe to call
	 * again and from several nodes at once.
	 */
	void seedDefaults(AgencyId agency);
}
