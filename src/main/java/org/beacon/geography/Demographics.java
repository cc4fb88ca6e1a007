package org.beacon.geography;

import java.io.InputStream;
import java.util.List;

import org.beacon.shared.AgencyId;

/**
 * The geography module's API for area demographics: residents (and further figures) per area, imported from
 * CSV, so that analytics can set an area's share of the population beside its share of flagged cells.
 */
public interface Demographics {

	/**
	 * Imports area demographics from CSV (a header, then the area's code or name, {@code population} and any
	 * further numeric columns), all or nothing: with any error nothing is stored and every error is returned,
	 * each naming line, column and rule. A good file replaces the figures of the areas it names.
	 */
	DemographicsImportResult importCsv(AgencyId agency, InputStream csv, String sourceName,
			DemographicsImportOptions options);

	/** The agency's areas of a kind that have a population, with their figures; empty when none are loaded. */
	List<AreaDemographics> list(AgencyId agency, AreaKind kind);
}
