package org.beacon.publicsafety.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.identity.IdentityIntegrationTest;
import org.beacon.overdose.NoticeAreaOutlines;
import org.beacon.overdose.OverdoseFixtures;
import org.beacon.overdose.ResidentNoticePublished;
import org.beacon.publicsafety.AlertPlace;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which subscriptions an overdose notice reaches, on real imported areas. Two neighbourhoods side by side,
 * A (lon −90.30 to −90.28) and B (−90.28 to −90.26), both lat 38.60 to 38.62, and "Test County" imported as a
 * district over A and the strip north of it (lat 38.60 to 38.64): B only borders the county.
 */
@IdentityIntegrationTest
class NoticeAreasIntegrationTests {

	@Autowired
	NoticeAreas noticeAreas;

	@Autowired
	NoticeAreaOutlines outlines;

	@Autowired
	Geography geography;

	@Autowired
	Agencies agencies;

	AgencyId agency;

	@BeforeEach
	void areas() {
		agency = OverdoseFixtures.newAgency(agencies);
		geography.importAreas(agency, geojson(square("nbhd-a", "Alpha", -90.30, 38.60, -90.28, 38.62),
				square("nbhd-b", "Beta", -90.28, 38.60, -90.26, 38.62)), "neighbourhoods.geojson",
				new AreaImportOptions(AreaKind.NEIGHBOURHOOD, "code", "name"));
		geography.importAreas(agency, geojson(square("29999", "Test County", -90.30, 38.60, -90.28, 38.64)),
				"counties.geojson", new AreaImportOptions(AreaKind.DISTRICT, "code", "name"));
	}

	@Test
	void aCountyNoticeReachesEveryPlaceThatSharesGroundWithTheCounty() {
		var notice = notice("county", "TEST COUNTY");

		assertThat(noticeAreas.concerns(neighbourhood("nbhd-a"), notice)).isTrue();
		assertThat(noticeAreas.concerns(neighbourhood("nbhd-b"), notice)).as("B only borders the county").isFalse();
		assertThat(noticeAreas.concerns(radius(38.63, -90.29, 200), notice)).as("north of A, inside the county").isTrue();
		assertThat(noticeAreas.concerns(radius(38.70, -90.29, 200), notice)).as("6 km north").isFalse();
		assertThat(noticeAreas.concerns(polygon(-90.295, 38.625, -90.285, 38.635), notice)).isTrue();
		assertThat(noticeAreas.concerns(polygon(-90.25, 38.60, -90.24, 38.61), notice)).isFalse();
	}

	@Test
	void aNeighbourhoodNoticeReachesItsSubscribersAndCirclesAndPolygonsOverIt() {
		var notice = notice("neighbourhood", "nbhd-a");

		assertThat(noticeAreas.concerns(neighbourhood("nbhd-a"), notice)).isTrue();
		assertThat(noticeAreas.concerns(neighbourhood("nbhd-b"), notice)).isFalse();
		// 0.001° of longitude at 38.61° N is about 87 m from A's eastern edge; 0.01° about 870 m
		assertThat(noticeAreas.concerns(radius(38.61, -90.279, 200), notice)).isTrue();
		assertThat(noticeAreas.concerns(radius(38.61, -90.27, 200), notice)).isFalse();
		assertThat(noticeAreas.concerns(polygon(-90.295, 38.605, -90.29, 38.61), notice)).isTrue();
		assertThat(noticeAreas.concerns(polygon(-90.275, 38.605, -90.27, 38.61), notice)).isFalse();
	}

	@Test
	void aCellNoticeReachesTheCircleAroundItsCentre() {
		long cell = geography.h3Cell(38.61, -90.29, 8);
		var notice = notice("h3:8", Long.toHexString(cell));

		assertThat(outlines.outline(agency, "h3:8", Long.toHexString(cell))).get()
				.satisfies(g -> assertThat(g.contains(new GeometryFactory().createPoint(new Coordinate(-90.29, 38.61)))).isTrue());
		assertThat(noticeAreas.concerns(radius(38.61, -90.29, 100), notice)).isTrue();
		assertThat(noticeAreas.concerns(radius(38.70, -90.29, 100), notice)).isFalse();
	}

	@Test
	void anAreaWithoutABoundaryReachesNoOneAndTheJurisdictionReachesEveryone() {
		var city = notice("city", "Nowhere");

		assertThat(outlines.outline(agency, "city", "Nowhere")).isEmpty();
		assertThat(outlines.deliverable(agency, "city", "Nowhere")).isFalse();
		assertThat(outlines.deliverable(agency, "county", "Test County")).isTrue();
		assertThat(noticeAreas.concerns(neighbourhood("nbhd-a"), city)).isFalse();
		assertThat(noticeAreas.concerns(radius(38.61, -90.29, 5000), city)).isFalse();
		assertThat(noticeAreas.concerns(radius(38.90, -90.90, 10), notice("jurisdiction", "jurisdiction"))).isTrue();
	}

	private ResidentNoticePublished notice(String level, String code) {
		return new ResidentNoticePublished(agency, level, code, 1);
	}

	private Subscription neighbourhood(String code) {
		return subscription(AlertPlace.NEIGHBOURHOOD, code, null, null, null, null);
	}

	private Subscription radius(double lat, double lon, double metres) {
		return subscription(AlertPlace.RADIUS, null, lat, lon, metres, null);
	}

	private Subscription polygon(double west, double south, double east, double north) {
		return subscription(AlertPlace.POLYGON, null, null, null, null, ring(west, south, east, north));
	}

	private Subscription subscription(AlertPlace place, String code, Double lat, Double lon, Double metres, String polygon) {
		return new Subscription(1, agency, "resident@example.org", null, null, place, null, code, lat, lon, metres, polygon,
				Set.of(), Subscription.Frequency.DAILY, false, "ACTIVE", Instant.parse("2030-01-01T00:00:00Z"));
	}

	private static String square(String code, String name, double west, double south, double east, double north) {
		return """
				{"type":"Feature","properties":{"code":"%s","name":"%s"},"geometry":%s}"""
				.formatted(code, name, ring(west, south, east, north));
	}

	private static String ring(double west, double south, double east, double north) {
		return """
				{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"""
				.formatted(west, south, east, south, east, north, west, north, west, south);
	}

	private static ByteArrayInputStream geojson(String... features) {
		return new ByteArrayInputStream(("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}")
				.getBytes(StandardCharsets.UTF_8));
	}
}
