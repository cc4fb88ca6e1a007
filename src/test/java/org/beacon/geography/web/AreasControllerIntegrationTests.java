package org.beacon.geography.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaFixtures;
import org.beacon.geography.Geography;
import org.beacon.identity.IdentityFixtures;
import org.beacon.geography.AreaKind;
import org.beacon.identity.Role;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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

		mvc.perform(get("/api/areas").param("kind", "neighbourhood").with(as("analyst", Role.ANALYST)))
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
		mvc.perform(get("/api/areas").param("kind", "BEAT").with(as("analyst", Role.ANALYST)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.features.length()").value(0));
		mvc.perform(get("/api/areas").param("kind", "neighborhood").with(as("analyst", Role.ANALYST)))
				.andExpect(status().isOk());
	}

	@Test
	void rejectsAnUnknownKindWithProblemDetails() throws Exception {
		mvc.perform(get("/api/areas").param("kind", "planet").with(as("analyst", Role.ANALYST)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.detail").value(startsWith("kind must be one of")));
	}

	@Test
	void importsAnUploadedFeatureCollectionAndReportsRejectedFeatures() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "invalid-features.geojson", "application/geo+json",
				AreaFixtures.text(AreaFixtures.invalidFeatures()).getBytes(StandardCharsets.UTF_8));

		mvc.perform(multipart("/api/areas").file(file).param("kind", "beat").param("idProperty", "NHD_NUM")
				.param("nameProperty", "NHD_NAME").with(as("admin", Role.ADMIN)).with(csrf()))
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

		mvc.perform(multipart("/api/areas").file(file).with(as("admin", Role.ADMIN)).with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.errors[0]").value(startsWith("broken.geojson: file.json")));
	}

	@Test
	void refusesAreaAndDemographicsImportsByPartnersAndOfficers() throws Exception {
		for (Role role : new Role[] { Role.PARTNER, Role.OFFICER }) {
			MockMultipartFile areas = new MockMultipartFile("file", "areas.geojson", "application/geo+json",
					AreaFixtures.text(AreaFixtures.invalidFeatures()).getBytes(StandardCharsets.UTF_8));
			MockMultipartFile figures = new MockMultipartFile("file", "figures.csv", "text/csv",
					"code,population\n53,1385\n".getBytes(StandardCharsets.UTF_8));

			mvc.perform(multipart("/api/areas").file(areas).param("kind", "jurisdiction").with(as("not-an-analyst", role))
					.with(csrf())).andExpect(status().isForbidden());
			mvc.perform(multipart("/api/areas/demographics").file(figures).with(as("not-an-analyst", role))
					.with(csrf())).andExpect(status().isForbidden());
		}

		assertThat(geography.areas(agencies.defaultAgency().id(), AreaKind.JURISDICTION)).isEmpty();
	}

	@Test
	void servesAndImportsTheSignedInUsersOwnAgencysAreas() throws Exception {
		AgencyId own = agencies.ensure("areas-b", "Agency B", ZoneId.of("America/Chicago"), "auto").id();
		MockMultipartFile file = new MockMultipartFile("file", "invalid-features.geojson", "application/geo+json",
				AreaFixtures.text(AreaFixtures.invalidFeatures()).getBytes(StandardCharsets.UTF_8));

		mvc.perform(multipart("/api/areas").file(file).param("kind", "district").param("idProperty", "NHD_NUM")
				.param("nameProperty", "NHD_NAME").with(IdentityFixtures.staff(own, "analyst-b", Role.ANALYST))
				.with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));

		assertThat(geography.areas(own, AreaKind.DISTRICT)).hasSize(2);
		assertThat(geography.areas(agencies.defaultAgency().id(), AreaKind.DISTRICT)).isEmpty();
		mvc.perform(get("/api/areas").param("kind", "district").with(IdentityFixtures.staff(own, "officer-b", Role.OFFICER)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.features.length()").value(2));
		mvc.perform(get("/api/areas").param("kind", "district").with(as("analyst", Role.ANALYST)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.features.length()").value(0));
	}

	/** A signed-in staff member of the default agency. */
	private RequestPostProcessor as(String username, Role role) {
		return IdentityFixtures.staff(agencies.defaultAgency().id(), username, role);
	}
}
