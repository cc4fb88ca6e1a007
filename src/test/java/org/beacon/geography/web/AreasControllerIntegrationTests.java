package org.beacon.geography.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaFixtures;
import org.beacon.geography.Geography;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AreasControllerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Geography geography;

	@Autowired
	Agencies agencies;

	@Test
	void servesTheDefaultAgencysNeighbourhoodsAsGeoJson() throws Exception {
		geography.importAreas(agencies.defaultAgency().id(), AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);

		mvc.perform(get("/api/areas").param("kind", "neighbourhood").with(user("analyst").roles("ANALYST")))
				.andExpect(status().isOk())
				.andExpect(content().contentType("application/geo+json;charset=UTF-8"))
				.andExpect(jsonPath("$.type").value("FeatureCollection"))
				.andExpect(jsonPath("$.features.length()").value(4))
				.andExpect(jsonPath("$.features[?(@.properties.code == '53')].properties.name").value(hasItem("Fountain Park")))
				.andExpect(jsonPath("$.features[0].properties.id").isNumber())
				.andExpect(jsonPath("$.features[0].geometry.type").value("MultiPolygon"));
	}

	@Test
	void acceptsTheAmericanSpellingAndAnswersEmptyForAKindWithoutAreas() throws Exception {
		mvc.perform(get("/api/areas").param("kind", "BEAT").with(user("analyst").roles("ANALYST")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.features.length()").value(0));
		mvc.perform(get("/api/areas").param("kind", "neighborhood").with(user("analyst").roles("ANALYST")))
				.andExpect(status().isOk());
	}

	@Test
	void rejectsAnUnknownKindWithProblemDetails() throws Exception {
		mvc.perform(get("/api/areas").param("kind", "planet").with(user("analyst").roles("ANALYST")))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.detail").value(startsWith("kind must be one of")));
	}

	@Test
	void importsAnUploadedFeatureCollectionAndReportsRejectedFeatures() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "invalid-features.geojson", "application/geo+json",
				AreaFixtures.text(AreaFixtures.invalidFeatures()).getBytes(StandardCharsets.UTF_8));

		mvc.perform(multipart("/api/areas").file(file).param("kind", "beat").param("idProperty", "NHD_NUM")
				.param("nameProperty", "NHD_NAME").with(user("admin").roles("ADMIN")).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.read").value(5))
				.andExpect(jsonPath("$.imported").value(2))
				.andExpect(jsonPath("$.updated").value(0))
				.andExpect(jsonPath("$.unchanged").value(0))
				.andExpect(jsonPath("$.rejected").value(3))
				.andExpect(jsonPath("$.errors[0]").value(containsString("features[1] (code 901): geometry.invalid")));
	}

	@Test
	void answers400WhenNothingInTheUploadCanBeImported() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "broken.geojson", "application/geo+json",
				"{\"type\": \"FeatureCollection\", \"features\": [".getBytes(StandardCharsets.UTF_8));

		mvc.perform(multipart("/api/areas").file(file).with(user("admin").roles("ADMIN")).with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.errors[0]").value(startsWith("broken.geojson: file.json")));
	}
}
