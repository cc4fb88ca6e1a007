package org.beacon.overdose.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.beacon.overdose.EventSource;
import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.LocationPrecision;
import org.beacon.overdose.OverdoseEntry;

/**
 * Tempe Fire Medical Rescue opioid calls (Open Tempe, via crimemappingdata): {@code incident_date} (day only,
 * Arizona time), {@code narcan_given} (TRUE, FALSE, NA) and the publisher's randomised {@code latitude} and
 * {@code longitude} (precision {@code RANDOMISED}). The file has no record id, so the source id is the row's
 * own values plus how many identical rows came before it in the file: importing the same file, or a longer
 * version of it, twice stores each call once.
 */
final class TempeRows implements ProfileRows {

	static final ZoneId ZONE = ZoneId.of("America/Phoenix");

	static final String REPORTING_AGENCY = "Tempe Fire Medical Rescue";

	private final Map<String, Integer> seen = new HashMap<>();

	@Override
	public List<String> requiredColumns() {
		return List.of("incident_date", "narcan_given", "latitude", "longitude");
	}

	@Override
	public OverdoseEntry entry(RowCheck row) {
		LocalDate date = row.date("incident_date", DateTimeFormatter.ISO_LOCAL_DATE, "YYYY-MM-DD");
		Boolean narcan = row.flag("narcan_given", List.of("TRUE", "Yes"), List.of("FALSE", "No"), List.of("NA", ""));
		Double lat = row.number("latitude", -90, 90);
		Double lon = row.number("longitude", -180, 180);
		if (!row.ok()) {
			return null;
		}
		String values = date + "/" + row.text("latitude") + "/" + row.text("longitude") + "/" + row.text("narcan_given");
		int occurrence = seen.merge(values, 1, Integer::sum);
		return new OverdoseEntry(date.atStartOfDay(ZONE).toInstant(), date, false, lat, lon, LocationPrecision.RANDOMISED,
				"Maricopa", "Tempe", null, null, narcan, null, List.of(), EventSource.EMS, REPORTING_AGENCY,
				ImportProfile.TEMPE.code(), values + "#" + occurrence);
	}
}
