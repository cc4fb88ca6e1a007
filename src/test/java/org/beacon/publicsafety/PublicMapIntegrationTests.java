package org.beacon.publicsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.disclosure.PublicDisclosure;
import org.beacon.incidents.OffenseCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every public output of the map (page and list, GeoJSON, CSV, Atom) goes through {@link PublicDisclosure}: a
 * rape, a domestic offence (also one filed as an assault, as police data does) and a juvenile case never appear,
 * the exact address and point never appear, only the hundred block and the cell centre do, and a category with
 * fewer than 5 incidents in a neighbourhood is withheld from all of them. Each never-public kind has 5 rows, so
 * that it is the category or description rule that hides it, not the small-count rule.
 */
@SpringBootTest(properties = { "beacon.public.reads-per-minute=100000", "beacon.public.cache.ttl=0", "spring.datasource.hikari.maximum-pool-size=3" })
@AutoConfigureMockMvc
@Import(FakeIncidents.Config.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PublicMapIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 3, 10);
	static final double LAT = 38.601734, LON = -90.248119;

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeIncidents incidents;

	@Autowired
	PublicDisclosure disclosure;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Agencies agencies;

	double[] centre;

	@BeforeEach
	void data() {
		incidents.clear();
		jdbc.sql("DELETE FROM resident_notice").update();
		for (int i = 0; i < 5; i++) {
			incidents.add(OffenseCategory.BURGLARY, "BURGLARY-RESIDENCE", "4321 MARGARETTA AVE", LAT, LON, DAY);
			incidents.add(OffenseCategory.LARCENY, "LARCENY-FROM AUTO", "4455 MARGARETTA AVE", LAT, LON,
					DAY.minusDays(1));
			incidents.add(OffenseCategory.RAPE, "RAPE", "1717 SECRET ST", 38.61, -90.25, DAY);
			incidents.add(OffenseCategory.FAMILY, "FAMILY & CHILD CRIME-ABANDON CHILD", "1818 SECRET ST", 38.61, -90.25,
					DAY);
			// St. Louis files domestic assaults under the ordinary assault classes; only the description says so
			incidents.add(OffenseCategory.AGGRAVATED_ASSAULT, "ASSLT-AGGRAV-FIREARM-2ND-ADULT-DOMESTIC", "1818 SECRET ST",
					38.61, -90.25, DAY);
			incidents.add(OffenseCategory.OTHER_ASSAULT, "ASSAULT, ADULT, AGE 17 AND UP-DOMESTIC", "1818 SECRET ST",
					38.61, -90.25, DAY);
			incidents.add(OffenseCategory.SEX_OFFENSE, "SEX OFFENSE", "1919 SECRET ST", 38.61, -90.25, DAY);
			incidents.add(OffenseCategory.AGGRAVATED_ASSAULT, "ASSAULT-JUVENILE VICTIM", "2020 SECRET ST", 38.61, -90.25,
					DAY);
		}
		centre = disclosure.cellCentre(LAT, LON);
	}

	List<String> outputs() throws Exception {
		List<String> out = new ArrayList<>();
		String range = "?from=2026-02-01&to=2026-03-31";
		out.add(body("/public/map" + range));
		out.add(body("/public/map" + range + "&category=RAPE&category=FAMILY"));
		out.add(body("/public/incidents.geojson" + range));
		out.add(body("/public/incidents.geojson" + range + "&category=SEX_OFFENSE"));
		out.add(body("/public/incidents.csv" + range));
		out.add(body("/public/incidents.atom"));
		return out;
	}

	String body(String url) throws Exception {
		MockHttpServletResponse r = mvc.perform(get(url)).andReturn().getResponse();
		assertThat(r.getStatus()).as(url).isEqualTo(200);
		assertThat(r.getHeader("Set-Cookie")).as(url).isNull();
		return r.getContentAsString();
	}

	@Test
	void neverShowsSuppressedCategoriesOrJuvenilesInAnyOutput() throws Exception {
		for (String out : outputs()) {
			assertThat(out).contains("4300 BLOCK MARGARETTA AVE").doesNotContain("SECRET ST").doesNotContain("1700 BLOCK")
					.doesNotContain("JUVENILE");
			for (OffenseCategory c : PublicDisclosure.NEVER_PUBLIC) {
				// the rules name them (metadata, page); no incident of them is listed
				assertThat(out).doesNotContain("\"category\":\"" + c.name() + "\"").doesNotContain("," + c.name() + ",")
						.doesNotContain("<td>" + c.label() + "</td>").doesNotContain("<title>" + c.label());
			}
			// every assault of the fixture is domestic or involves a juvenile: none listed, and counted as 0
			for (OffenseCategory c : List.of(OffenseCategory.AGGRAVATED_ASSAULT, OffenseCategory.OTHER_ASSAULT)) {
				assertThat(out).doesNotContain("\"category\":\"" + c.name() + "\"").doesNotContain("," + c.name() + ",")
						.doesNotContainPattern("<td>2026-03-\\d\\d</td>\\s*<td>" + c.label() + "</td>")
						.doesNotContain("<title>" + c.label()).doesNotContain("ASSLT").doesNotContain("DOMESTIC</");
				if (out.contains("<td>" + c.label() + "</td>")) {
					assertThat(out).contains("<td>" + c.label() + "</td><td>0</td>");
				}
			}
		}
	}

	@Test
	void neverShowsExactAddressOrPointInAnyOutput() throws Exception {
		for (String out : outputs()) {
			assertThat(out).doesNotContain("4321").doesNotContain("4455").doesNotContain("38.601734")
					.doesNotContain("-90.248119");
		}
	}

	@Test
	void geoJsonPointsAreCellCentres() throws Exception {
		JsonNode doc = json.readTree(body("/public/incidents.geojson?from=2026-02-01&to=2026-03-31"));
		assertThat(doc.get("features")).hasSize(10);
		for (JsonNode f : doc.get("features")) {
			assertThat(f.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(centre[1]);
			assertThat(f.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(centre[0]);
			assertThat(f.get("properties").has("id")).isFalse();
		}
		assertThat(doc.get("metadata").get("minCount").asInt()).isEqualTo(5);
	}

	@Test
	void csvHasOneGeneralisedRowPerPublicIncident() throws Exception {
		String csv = body("/public/incidents.csv?from=2026-02-01&to=2026-03-31");
		List<String> expected = new ArrayList<>();
		expected.add("date,category,category_label,block,neighbourhood,cell_lat,cell_lon");
		for (int i = 0; i < 5; i++) {
			expected.add("2026-03-10,BURGLARY,Burglary,4300 BLOCK MARGARETTA AVE,Tower Grove South," + centre[0] + ","
					+ centre[1]);
		}
		for (int i = 0; i < 5; i++) {
			expected.add("2026-03-09,LARCENY,Larceny-theft,4400 BLOCK MARGARETTA AVE,Tower Grove South," + centre[0]
					+ "," + centre[1]);
		}
		assertThat(csv.split("\r\n")).containsExactlyElementsOf(expected);
	}

	@Test
	void pageDefaultsToTheLast28DaysOfDataAndCountsWhatItShows() throws Exception {
		incidents.add(OffenseCategory.ROBBERY, "ROBBERY", "100 MAIN ST", LAT, LON, DAY.minusDays(40));
		String page = body("/public/map");
		assertThat(page).contains("2026-02-11").contains("2026-03-10").doesNotContain("100 BLOCK MAIN ST")
				.contains("<td>Burglary</td><td>5</td>").contains("<td>Robbery</td><td>0</td>").contains("About this data");
	}

	@Test
	void atomFeedListsRecentPublicIncidents() throws Exception {
		String atom = body("/public/incidents.atom");
		assertThat(atom).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
				.contains("<title>Burglary, 4300 BLOCK MARGARETTA AVE</title>");
	}

	@Test
	void withholdsACategoryWithFewerThanFiveInANeighbourhoodFromEveryOutput() throws Exception {
		// robbery: 4 in Tower Grove South (withheld, all 4), 5 in Shaw (shown)
		for (int i = 0; i < 4; i++) {
			incidents.add(OffenseCategory.ROBBERY, "ROBBERY-HIGHWAY", "3115 S GRAND BLVD", LAT, LON, DAY);
		}
		for (int i = 0; i < 5; i++) {
			incidents.add(OffenseCategory.ROBBERY, "ROBBERY-HIGHWAY", "3911 FLORA PL", 38.6139, -90.2548, DAY, 8, "Shaw");
		}
		String range = "?from=2026-02-01&to=2026-03-31";
		String page = body("/public/map" + range);
		String robberies = body("/public/map" + range + "&category=ROBBERY");
		String csv = body("/public/incidents.csv" + range);
		String geojson = body("/public/incidents.geojson" + range);
		String atom = body("/public/incidents.atom");
		for (String out : List.of(page, robberies, csv, geojson, atom)) {
			assertThat(out).contains("3900 BLOCK FLORA PL").doesNotContain("3100 BLOCK S GRAND BLVD");
		}
		assertThat(csv.split("\r\n")).hasSize(1 + 15).filteredOn(l -> l.contains("ROBBERY")).hasSize(5);
		assertThat(json.readTree(geojson).get("features")).hasSize(15);
		assertThat(atom.split("<entry>")).hasSize(1 + 15);
		// the counts agree with the rows: 5 robberies, 15 incidents; the panel says why
		assertThat(robberies).containsPattern("<td>Robbery</td>\\s*<td[^>]*>5</td>").contains("id=\"small-groups\"");
		assertThat(json.readTree(geojson).get("metadata").get("smallGroups").asString())
				.contains("fewer than 5 in one neighbourhood");
		assertThat(atom).contains("fewer than 5 in one neighbourhood");
	}

	@Test
	void atomFeedCarriesCurrentCommunityNotices() throws Exception {
		long agency = agencies.defaultAgency().id().value();
		long shown = notice(agency, "Overdose alert for the city", "Carry naloxone; never use alone.", null);
		long withdrawn = notice(agency, "Withdrawn notice", "Old advice.", null);
		jdbc.sql("UPDATE resident_notice SET withdrawn_at = published_at, withdrawn_by = 'partner', "
				+ "withdrawn_reason = 'over' WHERE id = :id").param("id", withdrawn).update();
		notice(agency, "Small notice", "3 overdoses this week.", null);

		String atom = body("/public/incidents.atom");
		assertThat(atom).contains("<title>Overdose alert for the city</title>")
				.contains("/public/notices/" + shown + "\"").contains("Carry naloxone; never use alone.")
				.contains("overdose-notice:" + shown + "</id>").doesNotContain("Withdrawn notice")
				.doesNotContain("Small notice").contains("<title>Burglary, 4300 BLOCK MARGARETTA AVE</title>");
		// the notices feed keeps them too
		assertThat(body("/public/notices.atom")).contains("<title>Overdose alert for the city</title>");
	}

	long notice(long agency, String title, String text, String count) {
		jdbc.sql("""
				INSERT INTO resident_notice (agency_id, area_level, area_code, area_name, title, body, count_text,
				    published_by, published_at)
				VALUES (:agency, 'jurisdiction', 'stl', 'the city', :title, :body, :count, 'partner', :at)""")
				.param("agency", agency).param("title", title).param("body", text).param("count", count)
				.param("at", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)).update();
		return jdbc.sql("SELECT MAX(id) FROM resident_notice").query(Long.class).single();
	}

	@Test
	void refusesWritesToTheMap() throws Exception {
		assertThat(mvc.perform(post("/public/map")).andReturn().getResponse().getStatus()).isIn(403, 405);
	}
}
