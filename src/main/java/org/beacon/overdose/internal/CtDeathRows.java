package org.beacon.overdose.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.overdose.EventSource;
import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.LocationPrecision;
import org.beacon.overdose.OverdoseEntry;
import org.beacon.overdose.Substance;

/**
 * Connecticut Chief Medical Examiner, accidental drug-related deaths 2012-2018: every row is fatal. Kept:
 * {@code ID} (source id), {@code Date} (day only; {@code DateType} says whether it is the day of death or
 * of the report), {@code DeathCounty}, and {@code DeathCityGeo}, whose text is {@code "Norwalk, CT\n(41.11805,
 * -73.412906)"}: the city and its centroid (precision {@code CITY_CENTROID}). When it names only the state
 * ({@code "CT\n(41.575155, -72.738288)"}) the point is the state's centroid, which says nothing about where,
 * so no coordinates are kept (precision {@code AREA}). Drug columns count when they start with Y ({@code Y},
 * {@code YES}, {@code Y-A}); notes such as {@code STOLE MEDS} do not. Age, sex, race, residence and the
 * description of injury are never read.
 */
final class CtDeathRows implements ProfileRows {

	static final ZoneId ZONE = ZoneId.of("America/New_York");

	static final String REPORTING_AGENCY = "Connecticut Office of the Chief Medical Examiner";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy[ hh:mm:ss a]", Locale.ROOT);

	/** "Place, CT\n(lat, lon)" or "CT\n(lat, lon)". */
	private static final Pattern GEO = Pattern.compile(
			"^\\s*(.*?)\\s*\\(\\s*(-?\\d+(?:\\.\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\)\\s*$", Pattern.DOTALL);

	private static final Map<String, Substance> DRUGS = new LinkedHashMap<>();

	static {
		DRUGS.put("Heroin", Substance.HEROIN);
		DRUGS.put("Cocaine", Substance.COCAINE);
		DRUGS.put("Fentanyl", Substance.FENTANYL);
		DRUGS.put("FentanylAnalogue", Substance.FENTANYL_ANALOGUE);
		DRUGS.put("Oxycodone", Substance.OXYCODONE);
		DRUGS.put("Oxymorphone", Substance.OXYMORPHONE);
		DRUGS.put("Ethanol", Substance.ALCOHOL);
		DRUGS.put("Hydrocodone", Substance.HYDROCODONE);
		DRUGS.put("Benzodiazepine", Substance.BENZODIAZEPINE);
		DRUGS.put("Methadone", Substance.METHADONE);
		DRUGS.put("Amphet", Substance.AMPHETAMINE);
		DRUGS.put("Tramad", Substance.TRAMADOL);
		DRUGS.put("Morphine_NotHeroin", Substance.MORPHINE);
		DRUGS.put("Hydromorphone", Substance.HYDROMORPHONE);
		DRUGS.put("OpiateNOS", Substance.OPIATE_NOS);
	}

	@Override
	public List<String> requiredColumns() {
		List<String> columns = new ArrayList<>(List.of("ID", "Date", "DeathCounty", "DeathCityGeo", "Other"));
		columns.addAll(DRUGS.keySet());
		return columns;
	}

	@Override
	public OverdoseEntry entry(RowCheck row) {
		String id = row.required("ID");
		LocalDate date = row.date("Date", DATE, "MM/DD/YYYY with an optional time (hh:mm:ss AM)");
		String geo = row.required("DeathCityGeo");
		Matcher m = geo == null ? null : GEO.matcher(geo);
		if (m != null && !m.matches()) {
			row.fail("DeathCityGeo", geo, "must be \"City, CT\" followed by \"(latitude, longitude)\"");
		}
		Double lat = null;
		Double lon = null;
		String city = null;
		if (row.ok()) {
			String place = m.group(1).trim();
			if (place.contains(",")) {
				city = ProfileRows.titleCase(place.substring(0, place.lastIndexOf(',')));
				lat = Double.parseDouble(m.group(2));
				lon = Double.parseDouble(m.group(3));
				if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
					row.fail("DeathCityGeo", geo, "latitude must be within [-90, 90] and longitude within [-180, 180]");
				}
			}
		}
		List<String> drugs = new ArrayList<>();
		DRUGS.forEach((column, substance) -> {
			if (row.text(column).toUpperCase(Locale.ROOT).startsWith("Y")) {
				drugs.add(substance.code());
			}
		});
		if (!row.text("Other").isEmpty()) {
			drugs.add(Substance.OTHER.code());
		}
		if (!row.ok()) {
			return null;
		}
		LocationPrecision precision = lat == null ? LocationPrecision.AREA : LocationPrecision.CITY_CENTROID;
		return new OverdoseEntry(date.atStartOfDay(ZONE).toInstant(), date, false, lat, lon, precision,
				ProfileRows.titleCase(row.text("DeathCounty")), city, null, Boolean.TRUE, null, null, drugs,
				EventSource.MEDICAL_EXAMINER, REPORTING_AGENCY, ImportProfile.CT_DEATHS.code(), id);
	}
}
