package org.beacon.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.analytics.AnalyticsTestIncidents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** Four burglaries from the test incidents: three in one 500 m cell, one in a cell 1 km east. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AnalyticsTestIncidents.class)
class AnalyticsWebIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void answersCountsAsJsonAndGiStarAsGeoJson() {
		MvcTestResult counts = mvc.get().uri("/api/analytics/counts?category=burglary&cell=500").exchange();
		MvcTestResult gistar = mvc.get().uri("/api/analytics/gistar?cell=500&format=geojson").exchange();

		assertThat(counts).hasStatusOk();
		assertThat(counts).bodyJson().extractingPath("$.columns")
				.asArray().containsExactly("cell_row", "cell_col", "center_lat", "center_lon", "count");
		assertThat(counts).bodyJson().extractingPath("$.rows[*][4]").asArray().containsExactly(3, 1);
		assertThat(gistar).hasStatusOk().hasContentType("application/geo+json");
		assertThat(gistar).bodyText().startsWith("{\"type\":\"FeatureCollection\"").contains("\"class\":\"not_significant\"");
	}

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void exportsCsvAndShowsThePage() {
		MvcTestResult csv = mvc.get().uri("/analytics/data/counts?cell=500&format=csv").exchange();
		MvcTestResult page = mvc.get().uri("/analytics").exchange();

		assertThat(csv).hasStatusOk().hasHeader("Content-Disposition", "attachment; filename=\"beacon-counts.csv\"");
		assertThat(csv).bodyText().startsWith("cell_row,cell_col,center_lat,center_lon,count\n");
		assertThat(page).hasStatusOk().bodyText().contains("/js/analytics.js").contains("id=\"map\"")
				.doesNotContain("<script>");
	}

	/**
	 * The naive forecast for 12 January is the week's three burglaries (two in the corner cell, one in the
	 * east cell); the study area is the two cells with burglaries, and the top 5 % flags one: the corner cell,
	 * holding three of the four.
	 */
	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void setsTheFairnessTableBesideAForecast() {
		MvcTestResult forecast = mvc.get()
			.uri("/api/analytics/forecast?category=burglary&cell=500&from=2024-01-01&to=2024-01-11&forecast=naive")
			.exchange();

		assertThat(forecast).hasStatusOk();
		assertThat(forecast).bodyJson().extractingPath("$.fairness.columns").asArray().startsWith("neighbourhood_id",
				"code", "name", "cells", "area_share", "incidents", "incident_share", "flagged_cells");
		assertThat(forecast).bodyJson().extractingPath("$.fairness.rows[0]").asArray().startsWith(0, "", "unknown", 2,
				1.0, 4, 1.0, 1, 1.0, 3);
		assertThat(forecast).bodyJson().extractingPath("$.fairness.summary[0]").asString()
			.startsWith("method=naive flags=top_share_0.05 study_cells=2 flagged_cells=1 flagged_incidents=3");
	}

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void allocatesUnitsToTheForecastAndRefusesNoUnits() {
		MvcTestResult allocation = mvc.get().uri("/api/analytics/allocate?category=burglary&cell=500&from=2024-01-01"
				+ "&to=2024-01-11&forecast=naive&units=3&radius=0&max_per_neighbourhood=1").exchange();

		assertThat(allocation).hasStatusOk();
		assertThat(allocation).bodyJson().extractingPath("$.columns").asArray().contains("unit", "captured",
				"cumulative_share");
		// one neighbourhood key (none), capped at one unit: the hottest cell only
		assertThat(allocation).bodyJson().extractingPath("$.rows").asArray().hasSize(1);
		assertThat(allocation).bodyJson().extractingPath("$.summary[0]").asString()
			.contains("units=3 placed=1 radius_m=0 max_per_neighbourhood=1");
		assertThat(mvc.get().uri("/api/analytics/allocate?units=0").exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText().contains("units must be at least 1");
	}

	/**
	 * The four burglaries make six pairs: the three at the corner are about 20 m apart (Manhattan) and 1, 6 and
	 * 7 days apart; each of them is about 1 km from the east one, 8, 7 and 1 days apart. Bands 0,500 m and 0,7
	 * days: [0, 500) m × [0, 7) days holds 2 pairs, × [7, ∞) 1; [500, ∞) m × [0, 7) days 1, × [7, ∞) 2.
	 */
	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void runsKnoxWithTheBandsAndSeedAskedForAndLabelsEachBand() {
		String asked = "/api/analytics/knox?bands=0,500&days=0,7&permutations=19&seed=7";
		MvcTestResult defaults = mvc.get().uri("/api/analytics/knox").exchange();
		MvcTestResult first = mvc.get().uri(asked).exchange();
		MvcTestResult again = mvc.get().uri(asked).exchange();
		MvcTestResult csv = mvc.get().uri(asked + "&format=csv").exchange();

		assertThat(defaults).bodyJson().extractingPath("$.columns").asArray().startsWith("space_band", "time_band",
				"space_from_m", "space_to_m", "time_from_days", "time_to_days", "observed");
		// the default bands 0,100,200,400,800 m and 0,7,14,28,56 days: 25 cells, the last open on both sides
		assertThat(defaults).bodyJson().extractingPath("$.rows").asArray().hasSize(25);
		assertThat(defaults).bodyJson().extractingPath("$.rows[0][0]").isEqualTo("[0, 100) m");
		assertThat(defaults).bodyJson().extractingPath("$.rows[24][0]").isEqualTo("[800, ∞) m");
		assertThat(defaults).bodyJson().extractingPath("$.rows[24][1]").isEqualTo("[56, ∞) days");
		assertThat(defaults).bodyJson().extractingPath("$.summary[0]").asString().endsWith("permutations=99 seed=1");

		assertThat(first).hasStatusOk();
		assertThat(first).bodyJson().extractingPath("$.rows[*][0]").asArray().containsExactly("[0, 500) m",
				"[0, 500) m", "[500, ∞) m", "[500, ∞) m");
		assertThat(first).bodyJson().extractingPath("$.rows[*][1]").asArray().containsExactly("[0, 7) days",
				"[7, ∞) days", "[0, 7) days", "[7, ∞) days");
		assertThat(first).bodyJson().extractingPath("$.rows[*][6]").asArray().containsExactly(2, 1, 1, 2);
		assertThat(first).bodyJson().extractingPath("$.summary[0]").asString().endsWith("permutations=19 seed=7");
		assertThat(again).bodyText().isEqualTo(body(first));
		assertThat(csv).bodyText().startsWith("space_band,time_band,space_from_m,space_to_m,time_from_days,"
				+ "time_to_days,observed,expected,ratio,p\n\"[0, 500) m\",\"[0, 7) days\",0.0,500.0,0,7,2,");
	}

	/**
	 * 200 m cells over the 1 km between the corner and the east burglary: queen weights join each cell to the
	 * cells beside it, a 500 m band also to those two cells away, so the corner's cluster spreads further and the
	 * z-scores change.
	 */
	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void takesGiStarWeightsAndFdrFromTheRequest() {
		MvcTestResult queen = mvc.get().uri("/api/analytics/gistar?cell=200").exchange();
		MvcTestResult band = mvc.get().uri("/api/analytics/gistar?cell=200&weights=band:500").exchange();
		MvcTestResult raw = mvc.get().uri("/api/analytics/gistar?cell=200&fdr=false").exchange();

		assertThat(queen).hasStatusOk();
		assertThat(band).hasStatusOk();
		List<Double> queenZ = zScores(queen);
		List<Double> bandZ = zScores(band);
		assertThat(queenZ).hasSizeGreaterThan(2).hasSameSizeAs(bandZ).allSatisfy(z -> assertThat(z).isFinite());
		assertThat(bandZ).allSatisfy(z -> assertThat(z).isFinite());
		assertThat(queenZ).isNotEqualTo(bandZ);
		assertThat(queen).bodyJson().extractingPath("$.summary[0]").asString().endsWith("fdr=true");
		assertThat(raw).bodyJson().extractingPath("$.summary[0]").asString().endsWith("fdr=false");
	}

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void answersBadRequestNamingEachBadParameter() {
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("backtest?from=2024-01-01&to=2024-01-31&shares=0.01,lots", "shares");
		bad.put("backtest?from=2024-01-01&to=2024-01-31&shares=0.01,1.5", "shares");
		bad.put("knox?bands=100,200", "bands");
		bad.put("knox?days=0,7,7", "days");
		bad.put("knox?permutations=100000", "permutations");
		bad.put("knox?seed=one", "seed");
		bad.put("gistar?fdr=perhaps", "fdr");
		bad.put("emerging?period=fortnight", "period");
		bad.put("forecast?forecast=kde&tau=0", "tau");
		bad.put("forecast?training_days=0", "training_days");
		bad.put("forecast?forecast=sepp&min_lag_hours=-1", "min_lag_hours");
		bad.put("forecast?forecast=sepp&trigger_sigma=5000", "trigger_sigma");
		bad.put("counts?counts_by=hexagons", "counts_by");
		bad.put("counts?counts_by=h3&h3_resolution=16", "h3_resolution");
		bad.put("counts?areas=12,north", "areas");
		bad.forEach((query, parameter) -> {
			MvcTestResult result = mvc.get().uri("/api/analytics/" + query).exchange();
			assertThat(result).as(query).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(result).as(query).bodyJson().extractingPath("$.parameter").isEqualTo(parameter);
			assertThat(result).as(query).bodyJson().extractingPath("$.error").asString().startsWith(parameter + " must");
		});
	}

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void limitsTheIncidentsToTheAreasNamedAndRefusesAnIdThatIsNoNeighbourhood() {
		// this context has incidents but no imported areas: an area named cannot be one of its neighbourhoods
		var result = mvc.get().uri("/api/analytics/counts?areas=12,40").exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.error").asString()
				.isEqualTo("areas: 12 is not a neighbourhood id of this agency (it has no neighbourhoods)");
	}

	private static List<Double> zScores(MvcTestResult result) {
		List<Double> z = new ArrayList<>();
		JsonPath.<List<Number>>read(body(result), "$.rows[*][5]").forEach(n -> z.add(n.doubleValue()));
		return z;
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	@WithMockUser(username = "olly", roles = "OFFICER")
	void refusesOfficers() {
		assertThat(mvc.get().uri("/api/analytics/counts").exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void answersBadRequestForAnUnknownMethod() {
		MvcTestResult result = mvc.get().uri("/api/analytics/hexbins").exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyText().contains("method must be one of");
	}
}
