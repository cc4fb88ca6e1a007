package org.beacon.incidents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.beacon.agency.Agencies;
import org.beacon.identity.IdentityFixtures;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccount;
import org.beacon.identity.StaffAccounts;
import org.beacon.shared.AgencyId;
import org.beacon.incidents.FakeGeographyConfiguration;
import org.beacon.incidents.IncidentFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=4")
@AutoConfigureMockMvc
@Import(FakeGeographyConfiguration.class)
class IncidentImportControllerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Agencies agencies;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void importsAnUploadAndAnswersWithTheCounts() throws Exception {
		byte[] sample = Files.readAllBytes(IncidentFixtures.resource(IncidentFixtures.HARMONIZED));

		mvc.perform(multipart("/api/incidents/imports").file(new MockMultipartFile("file", "sample.csv", "text/csv", sample))
				.param("profile", "stl-slmpd").param("agency", "stl").with(as("analyst", Role.ANALYST)).with(csrf()))
				.andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(jsonPath("$.read").value(128)).andExpect(jsonPath("$.imported").value(104))
				.andExpect(jsonPath("$.reversed").value(24)).andExpect(jsonPath("$.rejected").value(0))
				.andExpect(jsonPath("$.runId").value(greaterThan(0)));
	}

	@Test
	void rejectsAFileWithoutARequiredColumnAsProblemNamingIt() throws Exception {
		byte[] file = "Complaint,CodedMonth,DateOccur,Count\n14-0001,2014-01,1/1/2014 0:01,1\n".getBytes(StandardCharsets.UTF_8);

		mvc.perform(multipart("/api/incidents/imports").file(new MockMultipartFile("file", "short.csv", "text/csv", file))
				.param("profile", "stl-slmpd").with(as("analyst", Role.ANALYST)).with(csrf()))
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
				.param("columns", "time=when,lat=lat,lon=lon,type=what").with(as("analyst", Role.ANALYST))
				.with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1))
				.andExpect(jsonPath("$.rejected").value(1))
				.andExpect(jsonPath("$.errors[0].line").value(3)).andReturn().getResponse().getContentAsString();
		long runId = Long.parseLong(body.replaceAll(".*\"runId\":(\\d+).*", "$1"));

		mvc.perform(get("/api/incidents/imports/{runId}/errors", runId).with(as("analyst", Role.ANALYST)))
				.andExpect(status().isOk()).andExpect(content().string(
						"file,line,column,value,rule\npoints.csv,3,lat,91.5,\"latitude must be within [-90, 90]\"\n"));
	}

	@Test
	void refusesUploadsByPartnersAndOfficersAsTheImportPageDoes() throws Exception {
		long before = incidents(agencies.defaultAgency().id());

		for (Role role : new Role[] { Role.PARTNER, Role.OFFICER }) {
			mvc.perform(multipart("/api/incidents/imports").file(harmonizedSample()).param("profile", "stl-slmpd")
					.with(as("not-an-analyst", role)).with(csrf())).andExpect(status().isForbidden());
			mvc.perform(get("/api/incidents/imports/{runId}/errors", 1).with(as("not-an-analyst", role)))
					.andExpect(status().isForbidden());
		}

		assertThat(incidents(agencies.defaultAgency().id())).isEqualTo(before);
	}

	@Test
	void refusesAPartnerSigningInWithHttpBasic() throws Exception {
		StaffAccount partner = IdentityFixtures.account(accounts, agencies, "partner", Role.PARTNER);

		mvc.perform(multipart("/api/incidents/imports").file(harmonizedSample()).param("profile", "stl-slmpd")
				.with(httpBasic(partner.username(), IdentityFixtures.PASSWORD))).andExpect(status().isForbidden());
	}

	@Test
	void refusesAnImportIntoAnotherAgencyNamedByItsCode() throws Exception {
		AgencyId other = IncidentFixtures.newAgency(agencies);
		String otherCode = agencies.get(other).code();

		mvc.perform(multipart("/api/incidents/imports").file(harmonizedSample()).param("profile", "stl-slmpd")
				.param("agency", otherCode).with(as("analyst", Role.ANALYST)).with(csrf()))
				.andExpect(status().isForbidden());
		mvc.perform(multipart("/api/incidents/imports").file(harmonizedSample()).param("profile", "stl-slmpd")
				.param("agency", otherCode).with(as("root", Role.ADMIN)).with(csrf()))
				.andExpect(status().isForbidden());

		assertThat(incidents(other)).isZero();
	}

	@Test
	void importsIntoTheSignedInAnalystsOwnAgency() throws Exception {
		AgencyId own = IncidentFixtures.newAgency(agencies);
		long defaultBefore = incidents(agencies.defaultAgency().id());

		String body = mvc.perform(multipart("/api/incidents/imports").file(harmonizedSample()).param("profile", "stl-slmpd")
				.with(IdentityFixtures.staff(own, "analyst-b", Role.ANALYST)).with(csrf()))
				.andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(104))
				.andReturn().getResponse().getContentAsString();
		long runId = Long.parseLong(body.replaceAll(".*\"runId\":(\\d+).*", "$1"));

		assertThat(incidents(own)).isEqualTo(104);
		assertThat(incidents(agencies.defaultAgency().id())).isEqualTo(defaultBefore);
		// the run's error report is its own agency's: another agency's analyst is told there is no such run
		mvc.perform(get("/api/incidents/imports/{runId}/errors", runId).with(IdentityFixtures.staff(own, "analyst-b",
				Role.ANALYST))).andExpect(status().isOk());
		mvc.perform(get("/api/incidents/imports/{runId}/errors", runId).with(as("analyst", Role.ANALYST)))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("no import run " + runId));
	}

	@Test
	void refusesAnonymousUploads() throws Exception {
		mvc.perform(multipart("/api/incidents/imports").file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[1]))
				.param("profile", "stl-slmpd").with(csrf())).andExpect(status().isUnauthorized());
	}

	private static MockMultipartFile harmonizedSample() throws IOException {
		return new MockMultipartFile("file", "sample.csv", "text/csv",
				Files.readAllBytes(IncidentFixtures.resource(IncidentFixtures.HARMONIZED)));
	}

	/** Stored records of the agency, counted or not (reversed and unfounded ones too). */
	private long incidents(AgencyId agency) {
		return jdbc.sql("SELECT COUNT(*) FROM incident WHERE agency_id = :agency").param("agency", agency.value())
				.query(Long.class).single();
	}

	/** A signed-in staff member of the default agency. */
	private RequestPostProcessor as(String username, Role role) {
		return IdentityFixtures.staff(agencies.defaultAgency().id(), username, role);
	}
}
