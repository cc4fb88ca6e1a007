package org.beacon.overdose.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.beacon.overdose.EventSource;
import org.beacon.overdose.LocationPrecision;
import org.beacon.overdose.OverdoseEntry;
import org.beacon.overdose.Substance;

/**
 * The fields of one event as the form or the API sends them, checked field by field. ODMAP's four required
 * fields: when ({@code occurredAt}, or {@code incidentDate} with an optional {@code incidentTime}), where
 * ({@code latitude}/{@code longitude}, or a {@code neighbourhood} code alone), fatal or not, and naloxone
 * ({@code naloxoneDoses}, 0 for none, or {@code naloxoneAdministered}).
 */
record EntryFields(String occurredAt, String incidentDate, String incidentTime, Double latitude, Double longitude,
		String locationPrecision, String neighbourhood, String county, String city, Boolean fatal,
		Boolean naloxoneAdministered, Integer naloxoneDoses, List<String> suspectedDrugs, String source,
		String reportingAgency, String caseNumber) {

	/** The entry, or the broken rules by field name. */
	record Checked(OverdoseEntry entry, Map<String, String> errors) {

		boolean ok() {
			return errors.isEmpty();
		}
	}

	/**
	 * @param zone the agency's time zone, for local dates and times
	 * @param neighbourhoodIds area id by neighbourhood code (0 = unknown code)
	 * @param sourceName {@code form} or {@code api}
	 */
	Checked check(ZoneId zone, ToLongFunction<String> neighbourhoodIds, String sourceName) {
		Map<String, String> errors = new LinkedHashMap<>();
		OffsetDateTime when = null;
		LocalDate day = null;
		boolean timeKnown = true;
		if (blank(occurredAt) && blank(incidentDate)) {
			errors.put("occurred_at", "when is required: occurred_at, or incident_date with incident_time");
		}
		else if (!blank(occurredAt)) {
			try {
				when = OffsetDateTime.parse(occurredAt.trim());
			}
			catch (DateTimeParseException e) {
				try {
					when = LocalDateTime.parse(occurredAt.trim()).atZone(zone).toOffsetDateTime();
				}
				catch (DateTimeParseException e2) {
					errors.put("occurred_at", "must be a date and time such as 2024-05-01T14:30 or 2024-05-01T14:30:00-05:00");
				}
			}
			if (when != null) {
				day = when.atZoneSameInstant(zone).toLocalDate();
			}
		}
		else {
			try {
				day = LocalDate.parse(incidentDate.trim());
				LocalTime time = blank(incidentTime) ? LocalTime.MIDNIGHT : LocalTime.parse(incidentTime.trim());
				timeKnown = !blank(incidentTime);
				when = day.atTime(time).atZone(zone).toOffsetDateTime();
			}
			catch (DateTimeParseException e) {
				errors.put("incident_date", "incident_date must be YYYY-MM-DD and incident_time HH:MM");
			}
		}

		Long neighbourhoodId = null;
		if ((latitude == null) != (longitude == null)) {
			errors.put("latitude", "latitude and longitude come together");
		}
		else if (latitude != null) {
			if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
				errors.put("latitude", "latitude must be within [-90, 90] and longitude within [-180, 180]");
			}
		}
		else if (!blank(neighbourhood)) {
			long id = neighbourhoodIds.applyAsLong(neighbourhood.trim());
			if (id == 0) {
				errors.put("neighbourhood", "no neighbourhood with code '" + neighbourhood.trim() + "'");
			}
			neighbourhoodId = id == 0 ? null : id;
		}
		else if (blank(county) && blank(city)) {
			errors.put("location", "where is required: a point (latitude, longitude) or a neighbourhood");
		}
		LocationPrecision precision = latitude == null ? LocationPrecision.AREA : LocationPrecision.POINT;
		if (latitude != null && !blank(locationPrecision)) {
			try {
				precision = LocationPrecision.valueOf(locationPrecision.trim().toUpperCase(java.util.Locale.ROOT));
				if (precision == LocationPrecision.AREA) {
					errors.put("location_precision", "AREA means no latitude and longitude");
				}
			}
			catch (IllegalArgumentException e) {
				errors.put("location_precision", "must be POINT, RANDOMISED, CITY_CENTROID or COUNTY_CENTROID");
			}
		}

		if (fatal == null) {
			errors.put("fatal", "fatal is required: true or false");
		}
		if (naloxoneDoses == null && naloxoneAdministered == null) {
			errors.put("naloxone_doses", "naloxone is required: the number of doses, 0 for none");
		}
		else if (naloxoneDoses != null && (naloxoneDoses < 0 || naloxoneDoses > 50)) {
			errors.put("naloxone_doses", "must be a whole number from 0 to 50");
		}
		else if (naloxoneDoses != null && naloxoneDoses > 0 && Boolean.FALSE.equals(naloxoneAdministered)) {
			errors.put("naloxone_doses", "doses given but naloxone_administered is false");
		}

		List<String> drugs = new ArrayList<>();
		for (String d : suspectedDrugs == null ? List.<String>of() : suspectedDrugs) {
			if (d == null || d.isBlank()) {
				continue;
			}
			Substance.fromCode(d).ifPresentOrElse(s -> drugs.add(s.code()),
					() -> errors.put("suspected_drugs", "unknown substance '" + d + "'; use the codes of GET /api/overdose/substances"));
		}
		EventSource eventSource = EventSource.OTHER;
		if (!blank(source)) {
			try {
				eventSource = EventSource.parse(source);
			}
			catch (IllegalArgumentException e) {
				errors.put("source", e.getMessage());
			}
		}
		if (caseNumber != null && caseNumber.length() > 100) {
			errors.put("case_number", "at most 100 characters");
		}
		if (reportingAgency != null && reportingAgency.length() > 200) {
			errors.put("reporting_agency", "at most 200 characters");
		}
		if (!errors.isEmpty()) {
			return new Checked(null, errors);
		}
		Boolean given = naloxoneDoses != null ? Boolean.valueOf(naloxoneDoses > 0 || Boolean.TRUE.equals(naloxoneAdministered))
				: naloxoneAdministered;
		OverdoseEntry entry = new OverdoseEntry(when.toInstant(), day, timeKnown, latitude, longitude, precision, county,
				city, neighbourhoodId, fatal, given, naloxoneDoses, drugs, eventSource, reportingAgency, sourceName,
				caseNumber);
		return new Checked(entry, errors);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
