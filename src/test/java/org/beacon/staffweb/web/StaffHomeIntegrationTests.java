package org.beacon.staffweb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.geography.Geography;
import org.beacon.identity.IdentityFixtures;
import org.beacon.identity.Role;
import org.beacon.identity.WithStaff;
import org.beacon.incidents.IncidentImports;
import org.beacon.shared.AgencyId;
import org.beacon.staffweb.StaffWebFixtures;
import org.beacon.staffweb.internal.ImportJob;
import org.beacon.staffweb.internal.ImportJobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff home page and its data endpoints, over the fixture data of {@link StaffWebFixtures} loaded through
 * the real geography and incidents modules, in a database of its own.
 */
@SpringBootTest(properties = "beacon.test.context=staff-home")
@AutoConfigureMockMvc
@WithStaff(username = "ana", roles = Role.ANALYST)
class StaffHomeIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Geography geography;

	@Autowired
	IncidentImports imports;

	@Autowired
	Agencies agencies;

	@Autowired
	ImportJobs jobs;

	@Autowired
	JdbcClient jdbc;

	StaffWebFixtures.Loaded areas;

	long auditMark;

	@BeforeEach
	void loadFixtures() {
		AgencyId agency = agencies.defaultAgency().id();
		areas = StaffWebFixtures.load(agency, geography, imports, jdbc);
		auditMark = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event").query(Long.class).single();
	}

	@Test
	void defaultsToTheTwelveMonthsEndingWithTheLastMonthOfData() {
		JsonNode summary = json("/incidents/summary.json");

		// the last incident is in 2020-12, so the default period is 2020-01-01 .. 2020-12-31
		assertThat(summary.path("from").asString()).isEqualTo("2020-01-01");
		assertThat(summary.path("to").asString()).isEqualTo("2020-12-31");
		assertThat(summary.path("monthly")).hasSize(12);
		assertThat(summary.path("monthly").get(0).path("month").asString()).isEqualTo("2020-01");
		assertThat(mvc.get().uri("/")).hasStatusOk().bodyText()
				.contains("value=\"2020-01-01\"", "value=\"2020-12-31\"");
	}

	@Test
	void summarisesCountsPerNeighbourhoodMonthAndTotal() {
		JsonNode summary = json("/incidents/summary.json?from=2020-01-01&to=2020-12-31");

		// incidents 1-4 are in 2020; Downtown has 1 and 2, Soulard has 3 (coded, no coordinates), 4 has no area
		assertThat(summary.path("total").asLong()).isEqualTo(4);
		assertThat(summary.path("inAreas").asLong()).isEqualTo(3);
		assertThat(summary.path("areas").path(Long.toString(areas.downtown().id())).asLong()).isEqualTo(2);
		assertThat(summary.path("areas").path(Long.toString(areas.soulard().id())).asLong()).isEqualTo(1);
		assertThat(monthCount(summary, "2020-06")).isEqualTo(1);
		assertThat(monthCount(summary, "2020-11")).isEqualTo(2);
		assertThat(monthCount(summary, "2020-12")).isEqualTo(1);
		assertThat(monthCount(summary, "2020-07")).isZero();
		// two distinct non-zero counts, fewer than five classes: each is its own class
		assertThat(summary.path("breaks").valueStream().map(JsonNode::asDouble).toList()).containsExactly(1.0, 2.0);
	}

	@Test
	void filtersByPartOneAndBySingleCategory() {
		JsonNode partOne = json("/incidents/summary.json?from=2020-01-01&to=2020-12-31&category=PART_I");
		JsonNode burglary = json("/incidents/summary.json?from=2020-01-01&to=2020-12-31&category=BURGLARY");
		JsonNode partTwo = json("/incidents/summary.json?from=2020-01-01&to=2020-12-31&category=PART_II");

		assertThat(partOne.path("total").asLong()).isEqualTo(3);
		assertThat(partOne.path("categoryLabel").asString()).isEqualTo("All Part I");
		assertThat(burglary.path("total").asLong()).isEqualTo(1);
		assertThat(burglary.path("areas").path(Long.toString(areas.soulard().id())).asLong()).isZero();
		assertThat(partTwo.path("total").asLong()).isEqualTo(1);
	}

	@Test
	void rejectsUnknownCategoryAndBadDateWithProblemNamingTheField() {
		assertThat(mvc.get().uri("/incidents/summary.json?category=PARKING")).hasStatus(400).bodyText()
				.contains("category must be");
		assertThat(mvc.get().uri("/incidents/summary.json?from=2020-13-01")).hasStatus(400).bodyJson()
				.extractingPath("$.field").isEqualTo("from");
		assertThat(mvc.get().uri("/incidents/summary.json?from=2020-12-01&to=2020-01-01")).hasStatus(400);
	}

	@Test
	void exportsCsvOfWhatIsShownNewestFirstWithHeader() {
		MvcTestResult result = mvc.get().uri("/incidents/export.csv?from=2020-01-01&to=2020-12-31").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
				.contains("attachment", "incidents-2020-01-01-2020-12-31.csv");
		List<String> lines = Arrays.asList(body(result).split("\r\n"));
		assertThat(lines).hasSize(5);
		assertThat(lines.get(0)).isEqualTo("id,source,source_id,occurred_at,offense_code,category,ucr_part,"
				+ "description,address,neighbourhood_id,neighbourhood,lat,lon");
		assertThat(lines.get(1)).isEqualTo(id("20-000001") + ",fixture.csv,20-000001,2020-12-15T10:00:00-06:00,50000,BURGLARY,1,"
				+ "BURGLARY-RESIDENCE/FORCE,100 MARKET ST," + areas.downtown().id() + ",Downtown,38.63,-90.19");
		// no coordinates: empty lat/lon, the coded neighbourhood kept
		assertThat(lines.get(2)).isEqualTo(id("20-000003") + ",fixture.csv,20-000003,2020-11-20T23:15:00-06:00,60000,LARCENY,1,"
				+ "LARCENY-SHOPLIFT,900 RUSSELL BLVD," + areas.soulard().id() + ",Soulard,,");
		assertThat(lines.get(3)).startsWith(id("20-000002") + ",");
		// a description a spreadsheet would run as a formula is defused
		assertThat(lines.get(4)).isEqualTo(id("20-000004") + ",fixture.csv,20-000004,2020-06-01T12:00:00-05:00,140000,VANDALISM,2,"
				+ "\"'=HYPERLINK(\"\"http://example.org\"\")\",,,,,");
	}

	@Test
	void showsAnAnalystOnlyTheirOwnAgencysIncidents() {
		AgencyId other = agencies.ensure("home-b", "Agency B", ZoneId.of("America/Chicago"), "auto").id();
		StaffWebFixtures.importCsv(other, imports, StaffWebFixtures.HEADER
				+ "B-000001,2020-08-08 08:00,30000,ROBBERY,ROBBERY-B,1 B ST,38.63,-90.19,\n");
		RequestPostProcessor analystOfB = IdentityFixtures.staff(other, "bea", Role.ANALYST);

		JsonNode summary = JSON.readTree(body(mvc.get().uri("/incidents/summary.json?from=2020-01-01&to=2020-12-31")
				.with(analystOfB).exchange()));
		String csv = body(mvc.get().uri("/incidents/export.csv?from=2020-01-01&to=2020-12-31").with(analystOfB)
				.exchange());
		JsonNode geoJson = JSON.readTree(body(mvc.get().uri("/incidents/export.geojson?from=2020-01-01&to=2020-12-31")
				.with(analystOfB).exchange()));
		String table = body(mvc.get().uri("/?from=2020-01-01&to=2020-12-31").with(analystOfB).exchange());

		assertThat(summary.path("total").asLong()).isEqualTo(1);
		assertThat(summary.path("monthly").valueStream().filter(month -> month.path("count").asLong() > 0)
				.map(month -> month.path("month").asString())).containsExactly("2020-08");
		assertThat(csv.split("\r\n")).hasSize(2);
		assertThat(csv.split("\r\n")[1]).contains(",B-000001,", "ROBBERY-B");
		assertThat(geoJson.path("features")).hasSize(1);
		assertThat(geoJson.path("features").get(0).path("properties").path("source_id").asString()).isEqualTo("B-000001");
		assertThat(table).contains("ROBBERY-B").doesNotContain("BURGLARY-RESIDENCE/FORCE");
		// the default agency's analyst still sees the default agency's four, not B's
		assertThat(json("/incidents/summary.json?from=2020-01-01&to=2020-12-31").path("total").asLong()).isEqualTo(4);
	}

	@Test
	void exportsOnlyTheChosenCategory() {
		String csv = body(mvc.get().uri("/incidents/export.csv?from=2020-01-01&to=2020-12-31&category=LARCENY")
				.exchange());

		assertThat(csv.split("\r\n")).hasSize(3).allMatch(line -> line.startsWith("id,") || line.contains(",LARCENY,"));
	}

	@Test
	void exportsGeoJsonWithNullGeometryForRecordsWithoutCoordinates() {
		MvcTestResult result = mvc.get().uri("/incidents/export.geojson?from=2020-01-01&to=2020-12-31").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("application/geo+json");
		JsonNode collection = JSON.readTree(body(result));
		assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
		JsonNode features = collection.path("features");
		assertThat(features).hasSize(4);
		JsonNode first = features.get(0);
		assertThat(first.path("id").asLong()).isEqualTo(id("20-000001"));
		assertThat(first.path("geometry").path("type").asString()).isEqualTo("Point");
		assertThat(first.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(-90.19);
		assertThat(first.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(38.63);
		assertThat(first.path("properties").path("neighbourhood").asString()).isEqualTo("Downtown");
		JsonNode unlocated = features.get(1);
		assertThat(unlocated.path("id").asLong()).isEqualTo(id("20-000003"));
		assertThat(unlocated.has("geometry")).isTrue();
		assertThat(unlocated.path("geometry").isNull()).isTrue();
		assertThat(unlocated.path("properties").path("neighbourhood_id").asLong()).isEqualTo(areas.soulard().id());
		assertThat(features.get(3).path("geometry").isNull()).isTrue();
		assertThat(features.get(3).path("properties").path("neighbourhood_id").isNull()).isTrue();
	}

	@Test
	void recordsEveryExportInTheAuditTrail() {
		mvc.get().uri("/incidents/export.csv?from=2020-01-01&to=2020-12-31&category=PART_I").exchange();
		mvc.get().uri("/incidents/export.geojson?from=2020-11-01&to=2020-11-30").exchange();

		assertThat(jdbc.sql("SELECT actor, action, target, outcome FROM audit_event WHERE seq > :mark ORDER BY seq")
				.param("mark", auditMark).query((rs, row) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4))).list()).containsExactly(
						tuple("ana", "incidents.export",
								"from=2020-01-01 to=2020-12-31 category=PART_I format=csv rows=3", "success"),
						tuple("ana", "incidents.export",
								"from=2020-11-01 to=2020-11-30 category=all format=geojson rows=2", "success"));
	}

	@Test
	void servesNeighbourhoodsAsGeoJsonWithIdCodeAndName() {
		MvcTestResult result = mvc.get().uri("/areas/neighbourhoods.geojson").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("application/geo+json");
		JsonNode features = JSON.readTree(body(result)).path("features");
		assertThat(features).hasSize(2);
		assertThat(features.get(0).path("properties").path("id").asLong()).isEqualTo(areas.downtown().id());
		assertThat(features.get(0).path("properties").path("name").asString()).isEqualTo("Downtown");
	}

	@Test
	void rendersTableNewestFirstAndPointsTheScriptAtTheSameSelection() {
		String page = body(mvc.get().uri("/?from=2020-01-01&to=2020-12-31&category=PART_I").exchange());

		assertThat(page).containsSubsequence("2020-12-15 10:00", "2020-11-20 23:15", "2020-11-03 08:30");
		assertThat(page).doesNotContain("2020-06-01 12:00");
		assertThat(page).contains("data-summary-url=\"/incidents/summary.json?from=2020-01-01&amp;to=2020-12-31&amp;category=PART_I\"");
		assertThat(page).contains("href=\"/incidents/export.csv?from=2020-01-01&amp;to=2020-12-31&amp;category=PART_I\"");
		assertThat(page).contains("<option value=\"PART_I\" selected=\"selected\">All Part I</option>");
		assertThat(page).contains("<optgroup label=\"Part I\">", "<optgroup label=\"Part II\">");
		assertThat(page).contains("aria-live=\"polite\"");
		assertThat(page).contains("data-tile-url=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"");
		// the page's own script only, no inline code: the CSP forbids it
		assertThat(page).contains("<script src=\"/js/home.js\"></script>").doesNotContain("<script>");
	}

	@Test
	void pagesTheTableFiftyRowsAtATime() {
		StringBuilder csv = new StringBuilder(StaffWebFixtures.HEADER);
		for (int i = 0; i < 120; i++) {
			csv.append("x-").append(i).append(",2020-10-01 00:00,260000,FRAUD,FRAUD ").append(i).append(",,,,\n");
		}
		StaffWebFixtures.importCsv(agencies.defaultAgency().id(), imports, csv.toString());

		String third = body(mvc.get().uri("/incidents/table?from=2020-01-01&to=2020-12-31&page=3").exchange());

		// 124 incidents: pages of 50, 50 and 24
		assertThat(third).contains("Page <span>3</span> of <span>3</span>");
		assertThat(third.split("<tr>").length - 2).isEqualTo(24);
		assertThat(third).contains("Previous page").doesNotContain("Next page");
	}

	@Test
	void saysTheSampleIsLoadingAndReloadsThePageWhenItIsDone() {
		AgencyId agency = agencies.defaultAgency().id();
		jdbc.sql("DELETE FROM import_job WHERE id = 'demo'").update();
		assertThat(body(mvc.get().uri("/").exchange())).doesNotContain("Loading the St. Louis sample");
		jobs.claim(ImportJob.DEMO, agency, "stl-incidents-2020.csv.gz", "demo", () -> true);
		jobs.progressed(ImportJob.DEMO, 10, 100, 4321);

		assertThat(body(mvc.get().uri("/").exchange())).contains("Loading the St. Louis sample…", "4,321",
				"hx-get=\"/demo/status\"", "hx-trigger=\"every 2s\"");
		assertThat(body(mvc.get().uri("/demo/status").exchange())).contains("Loading the St. Louis sample…");

		jobs.done(ImportJob.DEMO, 44_720, "read=44720");
		MvcTestResult done = mvc.get().uri("/demo/status").exchange();
		assertThat(done).hasStatus(204).hasHeader("HX-Refresh", "true");
		assertThat(body(mvc.get().uri("/").exchange())).doesNotContain("Loading the St. Louis sample");
		jdbc.sql("DELETE FROM import_job WHERE id = 'demo'").update();
	}

	@Test
	void servesTheBrowserLibrariesFromWebJarsWithoutVersions() {
		assertThat(mvc.get().uri("/webjars/leaflet/dist/leaflet.js")).hasStatusOk();
		assertThat(mvc.get().uri("/webjars/leaflet/dist/leaflet.css")).hasStatusOk();
		assertThat(mvc.get().uri("/webjars/chart.js/dist/chart.umd.js")).hasStatusOk();
		assertThat(mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js")).hasStatusOk();
		assertThat(mvc.get().uri("/js/home.js")).hasStatusOk();
	}

	private long id(String sourceId) {
		return StaffWebFixtures.idOf(jdbc, sourceId);
	}

	private JsonNode json(String uri) {
		MvcTestResult result = mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return JSON.readTree(body(result));
	}

	private static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static long monthCount(JsonNode summary, String month) {
		for (JsonNode m : summary.path("monthly")) {
			if (m.path("month").asString().equals(month)) {
				return m.path("count").asLong();
			}
		}
		throw new AssertionError("no month " + month);
	}
}
