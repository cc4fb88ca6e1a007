package org.beacon.overdose;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * One suspected overdose as a source reports it, before it is stored: ODMAP's four core fields (when,
 * where, fatal or not, naloxone) plus suspected drugs and who reported it. Nothing that names or
 * identifies a person.
 *
 * @param occurredAt when it happened; local midnight of {@code occurredDate} if only the day is known
 * @param occurredDate the calendar day where it happened, which detection counts
 * @param timeKnown whether {@code occurredAt} carries a time of day
 * @param lat WGS 84 latitude, or {@code null} for {@link LocationPrecision#AREA}
 * @param lon WGS 84 longitude, or {@code null} for {@link LocationPrecision#AREA}
 * @param precision what the coordinates are
 * @param county county name, when the source gives one
 * @param city city or town name, when the source gives one
 * @param neighbourhoodId the geography area id, for an entry whose only location is a neighbourhood
 * @param fatal {@code null} when the source does not say
 * @param naloxoneGiven {@code null} when the source does not say
 * @param naloxoneDoses {@code null} when unknown
 * @param suspectedDrugs {@link Substance} codes, stored sorted and without duplicates
 * @param source who saw it
 * @param reportingAgency the agency that reported it, e.g. {@code Tempe Fire Medical Rescue}
 * @param sourceName where the record came from: an import profile, {@code form} or {@code api}
 * @param sourceId its id there, so importing the same record twice stores it once; may be {@code null}
 */
public record OverdoseEntry(Instant occurredAt, LocalDate occurredDate, boolean timeKnown, Double lat, Double lon,
		LocationPrecision precision, String county, String city, Long neighbourhoodId, Boolean fatal,
		Boolean naloxoneGiven, Integer naloxoneDoses, List<String> suspectedDrugs, EventSource source,
		String reportingAgency, String sourceName, String sourceId) {

	public OverdoseEntry {
		require(occurredAt != null, "occurredAt is required");
		require(occurredDate != null, "occurredDate is required");
		require(precision != null, "precision is required");
		require(source != null, "source is required");
		require(sourceName != null && !sourceName.isBlank(), "sourceName is required");
		require((lat == null) == (lon == null), "lat and lon come together");
		if (lat != null) {
			require(lat >= -90 && lat <= 90, "lat must be within [-90, 90], was " + lat);
			require(lon >= -180 && lon <= 180, "lon must be within [-180, 180], was " + lon);
		}
		require((precision == LocationPrecision.AREA) == (lat == null),
				"precision AREA means no coordinates, and every other precision needs them; was " + precision
						+ " with " + (lat == null ? "no coordinates" : "coordinates"));
		require(naloxoneDoses == null || naloxoneDoses >= 0, "naloxoneDoses must be >= 0, was " + naloxoneDoses);
		if (naloxoneDoses != null && naloxoneDoses > 0) {
			require(!Boolean.FALSE.equals(naloxoneGiven), "naloxone doses given but naloxoneGiven is false");
			naloxoneGiven = Boolean.TRUE;
		}
		county = blankToNull(county);
		city = blankToNull(city);
		reportingAgency = blankToNull(reportingAgency);
		sourceId = blankToNull(sourceId);
		suspectedDrugs = normalise(suspectedDrugs);
	}

	/** The drug codes as stored: lower case, sorted, each once. */
	static List<String> normalise(List<String> drugs) {
		TreeSet<String> codes = new TreeSet<>();
		if (drugs != null) {
			for (String d : drugs) {
				if (d != null && !d.isBlank()) {
					String code = d.trim().toLowerCase(Locale.ROOT);
					require(code.matches("[a-z0-9-]{1,40}"), "a suspected drug code is 1 to 40 of a-z 0-9 -, was '" + d + "'");
					codes.add(code);
				}
			}
		}
		return List.copyOf(codes);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}
}
