package org.beacon.publicsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.beacon.disclosure.PublicDisclosure;
import org.beacon.incidents.OffenseCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every public output of the map (page and list, GeoJSON, CSV, Atom) goes through {@link PublicDisclosure}: a
 * rape, a domestic offence and a juvenile case never appear, the exact address and point never appear, only the
 * hundred block and the cell centre do.
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

	double[] centre;

	@BeforeEach
	void data() {
		incidents.rows.clear();
		incidents.add(OffenseCategory.BURGLARY, "BURGLARY-RESIDENCE", "4321 MARGARETTA AVE", LAT, LON, DAY);
		incidents.add(OffenseCategory.LARCENY, "LARCENY-FROM AUTO", "4455 MARGARETTA AVE", LAT, LON, DAY.minusDays(1));
		incidents.add(OffenseCategory.RAPE, "RAPE", "1717 SECRET ST", 38.61, -90.25, DAY);
		incidents.add(OffenseCategory.FAMILY, "DOMESTIC ASSAULT", "1818 SECRET ST", 38.61, -90.25, DAY);
		incidents.add(OffenseCategory.SEX_OFFENSE, "SEX OFFENSE", "1919 SECRET ST", 38.61, -90.25, DAY);
		incidents.add(OffenseCategory.OTHER_ASSAULT, "ASSAULT-JUVENILE VICTIM", "2020 SECRET ST", 38.61, -90.25, DAY);
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
		assertThat(doc.get("features")).hasSize(2);
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
		assertThat(csv.split("\r\n")).containsExactly("date,category,category_label,block,neighbourhood,cell_lat,cell_lon",
				"2026-03-10,BURGLARY,Burglary,4300 BLOCK MARGARETTA AVE,Tower Grove South," + centre[0] + "," + centre[1],
				"2026-03-09,LARCENY,Larceny-theft,4400 BLOCK MARGARETTA AVE,Tower Grove South," + centre[0] + "," + centre[1]);
	}

	@Test
	void pageDefaultsToTheLast28DaysOfDataAndSuppressesSmallCounts() throws Exception {
		incidents.add(OffenseCategory.ROBBERY, "ROBBERY", "100 MAIN ST", LAT, LON, DAY.minusDays(40));
		String page = body("/public/map");
		assertThat(page).contains("2026-02-11").contains("2026-03-10").doesNotContain("100 BLOCK MAIN ST")
				.contains("fewer than 5").contains("About this data");
	}

	@Test
	void atomFeedListsRecentPublicIncidents() throws Exception {
		String atom = body("/public/incidents.atom");
		assertThat(atom).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
				.contains("<title>Burglary, 4300 BLOCK MARGARETTA AVE</title>");
	}

	@Test
	void refusesWritesToTheMap() throws Exception {
		assertThat(mvc.perform(post("/public/map")).andReturn().getResponse().getStatus()).isIn(403, 405);
	}
}
