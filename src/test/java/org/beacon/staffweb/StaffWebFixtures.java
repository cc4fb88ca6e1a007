package org.beacon.staffweb;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.beacon.geography.Area;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.ImportResult;
import org.beacon.incidents.IncidentImports;
import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small known data set for the staff page tests, loaded through the real geography and incidents modules:
 * two square neighbourhoods and five incidents, four of them in 2020 (the default period) and one in 2019.
 * Local times are the agency's (America/Chicago).
 * <pre>
 * source id  local time        category           area      coordinates
 * 20-000001  2020-12-15 10:00  BURGLARY           Downtown  yes
 * 20-000002  2020-11-03 08:30  LARCENY            Downtown  yes
 * 20-000003  2020-11-20 23:15  LARCENY            Soulard   none (coded area only)
 * 20-000004  2020-06-01 12:00  VANDALISM (II)     none      none; description starts with '='
 * 19-000005  2019-03-01 09:00  ROBBERY            Soulard   yes
 * </pre>
 */
public final class StaffWebFixtures {

	/** Downtown (code 35) and Soulard (code 46) as squares around real points of each. */
	static final String AREAS = """
			{"type":"FeatureCollection","features":[
			{"type":"Feature","properties":{"code":"35","name":"Downtown"},"geometry":
			{"type":"Polygon","coordinates":[[[-90.20,38.62],[-90.18,38.62],[-90.18,38.64],[-90.20,38.64],[-90.20,38.62]]]}},
			{"type":"Feature","properties":{"code":"46","name":"Soulard"},"geometry":
			{"type":"Polygon","coordinates":[[[-90.22,38.59],[-90.20,38.59],[-90.20,38.61],[-90.22,38.61],[-90.22,38.59]]]}}]}
			""";

	public static final String HEADER = "Complaint,Occurred,Code,Category,Description,Address,Lat,Lon,Nbhd\n";

	static final String INCIDENTS = HEADER + """
			20-000001,2020-12-15 10:00,50000,BURGLARY,BURGLARY-RESIDENCE/FORCE,100 MARKET ST,38.63,-90.19,
			20-000002,2020-11-03 08:30,60000,LARCENY,LARCENY-FROM MTR VEH,200 OLIVE ST,38.631,-90.191,
			20-000003,2020-11-20 23:15,60000,LARCENY,LARCENY-SHOPLIFT,900 RUSSELL BLVD,,,46
			20-000004,2020-06-01 12:00,140000,VANDALISM,"=HYPERLINK(""http://example.org"")",,,,
			19-000005,2019-03-01 09:00,30000,ROBBERY,ROBBERY-STRONGARM,800 PESTALOZZI ST,38.60,-90.21,
			""";

	/** The generic profile's columns for {@link #HEADER}; records are stored under source {@code fixture.csv}. */
	public static final Map<String, String> COLUMNS = Map.of("id", "Complaint", "time", "Occurred", "code", "Code",
			"category", "Category", "description", "Description", "address", "Address", "lat", "Lat", "lon", "Lon",
			"area", "Nbhd", "source", "fixture.csv");

	public record Loaded(Area downtown, Area soulard) {
	}

	private StaffWebFixtures() {
	}

	/** Removes the agency's incidents, then loads the areas (idempotent) and the five incidents. */
	public static Loaded load(AgencyId agency, Geography geography, IncidentImports imports, JdbcClient jdbc) {
		jdbc.sql("DELETE FROM incident_reversal WHERE agency_id = :agency").param("agency", agency.value()).update();
		jdbc.sql("DELETE FROM incident WHERE agency_id = :agency").param("agency", agency.value()).update();
		geography.importAreas(agency, stream(AREAS), "fixture-areas.geojson",
				new AreaImportOptions(AreaKind.NEIGHBOURHOOD, "code", "name"));
		importCsv(agency, imports, INCIDENTS);
		Area downtown = area(agency, geography, "Downtown");
		Area soulard = area(agency, geography, "Soulard");
		return new Loaded(downtown, soulard);
	}

	/** Imports rows with {@link #HEADER}'s columns, failing the test if any is rejected. */
	public static ImportResult importCsv(AgencyId agency, IncidentImports imports, String csv) {
		ImportResult result = imports.importStream(agency, stream(csv), "fixture.csv", -1, "generic", COLUMNS,
				ImportProgress.NONE);
		if (result.rejected() > 0) {
			throw new IllegalStateException("fixture rows rejected: " + result.errors());
		}
		return result;
	}

	/** The stored id of the record with this source id. */
	public static long idOf(JdbcClient jdbc, String sourceId) {
		return jdbc.sql("SELECT id FROM incident WHERE source = 'fixture.csv' AND source_id = :id")
				.param("id", sourceId).query(Long.class).single();
	}

	private static Area area(AgencyId agency, Geography geography, String name) {
		return geography.areas(agency, AreaKind.NEIGHBOURHOOD).stream().filter(a -> a.name().equals(name)).findFirst()
				.orElseThrow();
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}
}
