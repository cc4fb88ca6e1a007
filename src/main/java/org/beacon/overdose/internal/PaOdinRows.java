package org.beacon.overdose.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.overdose.EventSource;
import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.LocationPrecision;
import org.beacon.overdose.OverdoseEntry;
import org.beacon.overdose.Substance;

/**
 * Pennsylvania State Police ODIN (Code for Philly's cleaned {@code OD_all_processedCS.csv}): one row per
 * person who overdosed. Kept: {@code IncidentDate} + {@code IncidentTime} (Eastern time), the county and its
 * centroid ({@code IncidentCountyLatitude/Longitude}, so precision {@code COUNTY_CENTROID}),
 * {@code Survive} (N = fatal, U = unknown), {@code NaloxoneAdministered} and the 0/1 drug columns. The
 * source id is {@code IncidentID-VictimID}. Age, sex, race, ethnicity, addresses and ZIP codes are never read.
 */
final class PaOdinRows implements ProfileRows {

	static final ZoneId ZONE = ZoneId.of("America/New_York");

	static final String REPORTING_AGENCY = "Pennsylvania State Police (ODIN)";

	private static final Map<String, Substance> DRUGS = new LinkedHashMap<>();

	static {
		DRUGS.put("COCAINE/CRACK", Substance.COCAINE);
		DRUGS.put("HEROIN", Substance.HEROIN);
		DRUGS.put("FENTANYL", Substance.FENTANYL);
		DRUGS.put("FENTANYLANALOG/OTHERSYNTHETICOPIOID", Substance.FENTANYL_ANALOGUE);
		DRUGS.put("UNKNOWN", Substance.UNKNOWN);
		DRUGS.put("PHARMACEUTICALOPIOID", Substance.PRESCRIPTION_OPIOID);
		DRUGS.put("MARIJUANA", Substance.CANNABIS);
		DRUGS.put("ALCOHOL", Substance.ALCOHOL);
		DRUGS.put("SYNTHETICMARIJUANA", Substance.SYNTHETIC_CANNABINOID);
		DRUGS.put("PHARMACEUTICALOTHER", Substance.OTHER_PRESCRIPTION);
		DRUGS.put("BENZODIAZEPINES(I.E.VALIUM,XANAX,ATIVAN,ETC)", Substance.BENZODIAZEPINE);
		DRUGS.put("OTHER", Substance.OTHER);
		DRUGS.put("BARBITURATES(I.E.AMYTAL,NEMBUTAL,ETC)", Substance.BARBITURATE);
		DRUGS.put("CARFENTANIL", Substance.CARFENTANIL);
		DRUGS.put("SUBOXONE", Substance.BUPRENORPHINE);
		DRUGS.put("METHADONE", Substance.METHADONE);
		DRUGS.put("METHAMPHETAMINE", Substance.METHAMPHETAMINE);
		DRUGS.put("BATHSALTS", Substance.SYNTHETIC_CATHINONE);
		DRUGS.put("PHARMACEUTICALSTIMULANT", Substance.PRESCRIPTION_STIMULANT);
	}

	@Override
	public List<String> requiredColumns() {
		List<String> columns = new ArrayList<>(List.of("IncidentID", "VictimID", "IncidentDate", "IncidentTime",
				"IncidentCountyName", "IncidentCountyLatitude", "IncidentCountyLongitude", "NaloxoneAdministered",
				"Survive"));
		columns.addAll(DRUGS.keySet());
		return columns;
	}

	@Override
	public OverdoseEntry entry(RowCheck row) {
		String incident = row.required("IncidentID");
		String victim = row.required("VictimID");
		LocalDate date = row.date("IncidentDate", DateTimeFormatter.ISO_LOCAL_DATE, "YYYY-MM-DD");
		LocalTime time = row.time("IncidentTime", DateTimeFormatter.ISO_LOCAL_TIME, "HH:MM:SS");
		String county = row.required("IncidentCountyName");
		Double lat = row.number("IncidentCountyLatitude", -90, 90);
		Double lon = row.number("IncidentCountyLongitude", -180, 180);
		Boolean naloxone = row.flag("NaloxoneAdministered", List.of("Y"), List.of("N"), List.of("", "NA", "U"));
		Boolean survived = row.flag("Survive", List.of("Y"), List.of("N"), List.of("U", "", "NA"));
		List<String> drugs = new ArrayList<>();
		DRUGS.forEach((column, substance) -> {
			if (Boolean.TRUE.equals(row.flag(column, List.of("1"), List.of("0", ""), List.of("NA")))) {
				drugs.add(substance.code());
			}
		});
		if (!row.ok()) {
			return null;
		}
		return new OverdoseEntry(date.atTime(time).atZone(ZONE).toInstant(), date, true, lat, lon,
				LocationPrecision.COUNTY_CENTROID, county, null, null, survived == null ? null : !survived, naloxone,
				null, drugs, EventSource.POLICE, REPORTING_AGENCY, ImportProfile.PA_ODIN.code(), incident + "-" + victim);
	}
}
