package org.beacon.staffweb;

import java.time.LocalDateTime;

import org.beacon.geography.Area;
import org.beacon.incidents.IncidentRow;
import org.beacon.incidents.OffenseCategory;
import org.beacon.shared.AgencyId;

/**
 * A small known data set for the staff page tests: two neighbourhoods and five incidents, four of them in
 * 2020 (the default period) and one in 2019.
 * <pre>
 * id  local time        category           area      coordinates
 * 1   2020-12-15 10:00  BURGLARY           Downtown  yes
 * 2   2020-11-03 08:30  LARCENY            Downtown  yes
 * 3   2020-11-20 23:15  LARCENY            Soulard   none (coded area only)
 * 4   2020-06-01 12:00  VANDALISM (II)     none      none; description starts with '='
 * 5   2019-03-01 09:00  ROBBERY            Soulard   yes
 * </pre>
 */
public final class StaffWebFixtures {

	public static final String DOWNTOWN_SQUARE = """
			{"type":"Polygon","coordinates":[[[-90.20,38.62],[-90.18,38.62],[-90.18,38.64],[-90.20,38.64],[-90.20,38.62]]]}""";
	public static final String SOULARD_SQUARE = """
			{"type":"Polygon","coordinates":[[[-90.22,38.59],[-90.20,38.59],[-90.20,38.61],[-90.22,38.61],[-90.22,38.59]]]}""";

	public record Loaded(Area downtown, Area soulard) {
	}

	private StaffWebFixtures() {
	}

	public static Loaded load(AgencyId agency, FakeGeography geography, FakeIncidents incidents) {
		geography.clear();
		incidents.clear();
		Area downtown = geography.add(agency, "35", "Downtown", DOWNTOWN_SQUARE);
		Area soulard = geography.add(agency, "46", "Soulard", SOULARD_SQUARE);
		incidents.add(agency, row(1, "20-000001", "2020-12-15T10:00", OffenseCategory.BURGLARY,
				"BURGLARY-RESIDENCE/FORCE", "100 MARKET ST", 38.63, -90.19, downtown));
		incidents.add(agency, row(2, "20-000002", "2020-11-03T08:30", OffenseCategory.LARCENY,
				"LARCENY-FROM MTR VEH", "200 OLIVE ST", 38.631, -90.191, downtown));
		incidents.add(agency, row(3, "20-000003", "2020-11-20T23:15", OffenseCategory.LARCENY, "LARCENY-SHOPLIFT",
				"900 RUSSELL BLVD", Double.NaN, Double.NaN, soulard));
		incidents.add(agency, row(4, "20-000004", "2020-06-01T12:00", OffenseCategory.VANDALISM,
				"=HYPERLINK(\"http://example.org\")", "", Double.NaN, Double.NaN, null));
		incidents.add(agency, row(5, "19-000005", "2019-03-01T09:00", OffenseCategory.ROBBERY, "ROBBERY-STRONGARM",
				"800 PESTALOZZI ST", 38.60, -90.21, soulard));
		return new Loaded(downtown, soulard);
	}

	public static IncidentRow row(long id, String complaint, String localTime, OffenseCategory category, String description,
			String address, double lat, double lon, Area area) {
		return new IncidentRow(id, "fixture.csv", complaint,
				LocalDateTime.parse(localTime).atZone(FakeIncidents.ZONE).toInstant(),
				Integer.toString(category.ucrClass() * 10000), description, category, address, lat, lon,
				area == null ? 0 : area.id(), area == null ? null : area.name());
	}
}
