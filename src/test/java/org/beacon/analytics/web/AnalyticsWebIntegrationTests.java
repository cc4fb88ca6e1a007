package org.beacon.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

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
