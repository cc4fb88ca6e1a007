package org.beacon.overdose;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.beacon.shared.AgencyId;

/**
 * Records, imports and lists overdose events. Recording and importing place each event in the agency's
 * neighbourhoods and H3 cells (when its coordinates allow), publish {@link OverdoseEventRecorded} or
 * {@link OverdoseEventsImported}, and are audited.
 */
public interface OverdoseEvents {

	/**
	 * Stores one event from the entry form or the API. An entry with a {@code sourceId} already stored for the
	 * same source is not stored again: the stored one is returned.
	 */
	OverdoseEvent record(AgencyId agency, OverdoseEntry entry, String actor);

	/**
	 * Imports a CSV file with a profile. Bad rows are reported and left out; the rest are stored in one
	 * transaction. Rows already stored (same source id) are counted as unchanged.
	 *
	 * @throws IllegalArgumentException naming the file when it cannot be read or lacks the profile's columns
	 */
	OverdoseImportResult importFile(AgencyId agency, Path file, ImportProfile profile, String actor);

	/** Reads a CSV file with a profile and places its events, without storing anything. */
	ParsedEvents read(AgencyId agency, Path file, ImportProfile profile);

	/** The agency's events with {@code occurredDate} in {@code [from, to]}, either end open when {@code null}. */
	List<OverdoseEvent> events(AgencyId agency, LocalDate from, LocalDate to);
}
