package org.beacon.incidents.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.beacon.incidents.FakeGeographyConfiguration;
import org.beacon.incidents.IncidentFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=4")
@AutoConfigureMockMvc
@Import(FakeGeographyConfiguration.class)
class IncidentImportControllerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void importsAnUploadAndAnswersWithTheCounts() throws Exception {
		byte[] sample = Files.readAllBytes(IncidentFixtures.resource(IncidentFixtures.HARMONIZED));

		mvc.perform(multipart("/api/incidents/imports").file(new MockMultipartFile("file", "sample.csv", "text/csv", sample))
				.param("profile", "stl-slmpd").param("agency", "stl").with(user("analyst").roles("ANALYST")).with(csrf()))
				.andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(jsonPath("$.read").value(128)).andExpect(jsonPath("$.imported").value(104))
				.andExpect(jsonPath("$.reversed").value(24)).andExpect(jsonPath("$.rejected").value(0))
				.andExpect(jsonPath("$.runId").value(greaterThan(0)));
	}

	@Test
	void rejectsAFileWithoutARequiredColumnAsProblemNamingIt() throws Exception {
		byte[] file = "Complaint,CodedMonth,DateOccur,Count\n14-0001,2014-01,1/1/2014 0:01,1\n".getBytes(StandardCharsets.UTF_8);

		mvc.perform(multipart("/api/incidents/imports").file(new MockMultipartFile("file", "short.csv", "text/csv", file))
				.param("profile", "stl-slmpd").with(user("analyst").roles("ANALYST")).with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(400)).andExpect(jsonPath("$.title").value("Import rejected"))
				.andExpect(jsonPath("$.detail").value(containsString("missing required column Crime")))
				.andExpect(jsonPath("$.missingColumns[0]").value("Crime"))
				.andExpect(jsonPath("$.foundColumns[2]").value("DateOccur"));
	}

	@Test
	void configuresTheGenericProfileFromColumnsAndServesTheErrorReport() throws Exception {
		byte[] file = "when,lat,lon,what\n2020-05-01 10:00,38.6,-90.2,THEFT\n2020-05-01 11:00,91.5,-90.2,THEFT\n"
				.getBytes(StandardCharsets.UTF_8);

		String body = mvc.perform(multipart("/api/incidents/imports")
				.file(new MockMultipartFile("file", "points.csv", "text/csv", file)).param("profile", "generic")
				.param("columns", "time=when,lat=lat,lon=lon,type=what").with(user("analyst").roles("ANALYST"))
				.with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1))
				.andExpect(jsonPath("$.rejected").value(1))
				.andExpect(jsonPath("$.errors[0].line").value(3)).andReturn().getResponse().getContentAsString();
		long runId = Long.parseLong(body.replaceAll(".*\"runId\":(\\d+).*", "$1"));

		mvc.perform(get("/api/incidents/imports/{runId}/errors", runId).with(user("analyst").roles("ANALYST")))
				.andExpect(status().isOk()).andExpect(content().string(
						"file,line,column,value,rule\npoints.csv,3,lat,91.5,\"latitude must be within [-90, 90]\"\n"));
	}

	@Test
	void refusesAnonymousUploads() throws Exception {
		mvc.perform(multipart("/api/incidents/imports").file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[1]))
				.param("profile", "stl-slmpd").with(csrf())).andExpect(status().isUnauthorized());
	}
}
