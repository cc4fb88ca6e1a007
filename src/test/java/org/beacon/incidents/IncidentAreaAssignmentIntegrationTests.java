package org.beacon.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.incidents.IncidentFixtures.file;
import static org.beacon.incidents.IncidentFixtures.newAgency;
import static org.beacon.incidents.IncidentFixtures.resource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.geography.Area;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Incidents get the district and beat their point lies in, from the geography module's real locator, over
 * the hand-made boxes of {@code incidents/areas} (see the README there): D1 and D2 side by side, D1 split into
 * beats B11 and B12, D2 without beats.
 */
@SpringBootTest
class IncidentAreaAssignmentIntegrationTests {

	private static final Map<String, String> COLUMNS = Map.of("id", "id", "time", "when", "lat", "lat", "lon", "lon",
			"type", "what", "district", "district");

	@Autowired
	IncidentImports imports;

	@Autowired
	Geography geography;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void assignsDistrictAndBeatByPointInArea() {
		AgencyId agency = newAgency(agencies);
		importAreas(agency, AreaKind.DISTRICT, "test-districts.geojson");
		importAreas(agency, AreaKind.BEAT, "test-beats.geojson");

		ImportResult result = importIncidents(agency);

		assertThat(result.summary()).isEqualTo("read=5 imported=5 updated=0 unchanged=0 rejected=0 reversed=0");
		Map<String, Long> districts = ids(agency, AreaKind.DISTRICT);
		Map<String, Long> beats = ids(agency, AreaKind.BEAT);
		assertThat(areaIds(agency, "west-a")).containsExactly(districts.get("D1"), beats.get("B11"));
		assertThat(areaIds(agency, "west-b")).containsExactly(districts.get("D1"), beats.get("B12"));
		assertThat(areaIds(agency, "east")).containsExactly(districts.get("D2"), null);
		// no point: the district the file codes, as neighbourhoods fall back to theirs; a beat needs a point
		assertThat(areaIds(agency, "no-point")).containsExactly(districts.get("D2"), null);
		assertThat(areaIds(agency, "outside")).containsExactly(null, null);
		// district_code stays what the file says
		assertThat(jdbc.sql("SELECT district_code FROM incident WHERE agency_id = :a AND source_id = 'west-a'")
				.param("a", agency.value()).query(String.class).single()).isEqualTo("4");
	}

	@Test
	void reImportWithTheSameAreasChangesNothing() {
		AgencyId agency = newAgency(agencies);
		importAreas(agency, AreaKind.DISTRICT, "test-districts.geojson");
		importAreas(agency, AreaKind.BEAT, "test-beats.geojson");
		importIncidents(agency);

		assertThat(importIncidents(agency).summary())
				.isEqualTo("read=5 imported=0 updated=0 unchanged=5 rejected=0 reversed=0");
	}

	@Test
	void leavesDistrictAndBeatEmptyForAnAgencyWithoutSuchAreas() {
		AgencyId agency = newAgency(agencies);

		importIncidents(agency);

		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM incident
				WHERE agency_id = :a AND (district_id IS NOT NULL OR beat_id IS NOT NULL)""")
				.param("a", agency.value()).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE agency_id = :a").param("a", agency.value())
				.query(Long.class).single()).isEqualTo(5);
	}

	/** An assigned area is part of a row's content: a beat layer imported later reaches the rows it covers. */
	@Test
	void aBeatLayerImportedLaterUpdatesTheRowsItCoversOnTheNextImport() {
		AgencyId agency = newAgency(agencies);
		importAreas(agency, AreaKind.DISTRICT, "test-districts.geojson");
		importIncidents(agency);
		assertThat(areaIds(agency, "west-a")[1]).isNull();

		importAreas(agency, AreaKind.BEAT, "test-beats.geojson");
		ImportResult again = importIncidents(agency);

		assertThat(again.summary()).isEqualTo("read=5 imported=0 updated=2 unchanged=3 rejected=0 reversed=0");
		Map<String, Long> beats = ids(agency, AreaKind.BEAT);
		assertThat(areaIds(agency, "west-a")[1]).isEqualTo(beats.get("B11"));
		assertThat(areaIds(agency, "west-b")[1]).isEqualTo(beats.get("B12"));
	}

	private ImportResult importIncidents(AgencyId agency) {
		Path csv = file(dir, "incidents.csv", "id,when,lat,lon,what,district",
				"west-a,2020-05-01 10:00,38.62,-90.29,THEFT,4",
				"west-b,2020-05-01 11:00,38.62,-90.26,ROBBERY,4",
				"east,2020-05-01 12:00,38.62,-90.22,BURGLARY,9",
				"no-point,2020-05-01 13:00,,,THEFT,D2",
				"outside,2020-05-01 14:00,38.70,-90.10,THEFT,9");
		return imports.importFile(agency, csv, "generic", COLUMNS, ImportProgress.NONE);
	}

	private void importAreas(AgencyId agency, AreaKind kind, String name) {
		geography.importAreas(agency, resource("areas/" + name), new AreaImportOptions(kind, "code", "name"));
	}

	private Map<String, Long> ids(AgencyId agency, AreaKind kind) {
		Map<String, Long> ids = new HashMap<>();
		for (Area area : geography.areas(agency, kind)) {
			ids.put(area.code(), area.id());
		}
		assertThat(ids).hasSize(2);
		return ids;
	}

	/** The incident's district_id and beat_id, null where none. */
	private Long[] areaIds(AgencyId agency, String sourceId) {
		return jdbc.sql("SELECT district_id, beat_id FROM incident WHERE agency_id = :a AND source_id = :id")
				.param("a", agency.value()).param("id", sourceId)
				.query((rs, n) -> Arrays.asList(rs.getObject(1) == null ? null : rs.getLong(1),
						rs.getObject(2) == null ? null : rs.getLong(2)).toArray(Long[]::new))
				.single();
	}
}
