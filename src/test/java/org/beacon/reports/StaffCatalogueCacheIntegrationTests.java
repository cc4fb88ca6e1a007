package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With the Open311 lookup cache on (the default {@code beacon.open311.lookup-ttl} of 30 seconds), a change on
 * the catalogue page is seen by the next lookup on this node, not after the ttl. Same properties as the rate-limit
 * tests, so the context is shared.
 */
@SpringBootTest(properties = { "beacon.tips.passphrase-iterations=1000", "beacon.anonymous.reads-per-client=3",
		"beacon.anonymous.writes-per-client=2", "beacon.anonymous.receipt-checks-per-client=1" })
@AutoConfigureMockMvc
@Import(StaffChainForTests.class)
class StaffCatalogueCacheIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ServiceCatalogue catalogue;

	@Autowired
	Agencies agencies;

	@Test
	void aChangeClearsTheLookupCacheAtOnce() throws Exception {
		AgencyId agency = agencies.defaultAgency().id();
		String code = "cache-" + Long.toString(System.nanoTime(), 36);
		catalogue.define(agency, new ServiceSpec(code, "Cache test", null, "other", List.of(), ServiceType.REALTIME, false,
				24, null, List.of()));
		assertThat(catalogue.service(agency, code).orElseThrow().privateCategory()).as("now kept in the cache").isFalse();

		mvc.perform(post("/staff/reports/catalogue/" + code).with(user("sergeant1").roles("SUPERVISOR")).with(csrf())
				.param("name", "Cache test").param("slaHours", "24").param("privateCategory", "true").param("active", "true"));
		ReportService changed = catalogue.service(agency, code).orElseThrow();

		assertThat(changed.privateCategory()).isTrue();
		mvc.perform(post("/staff/reports/catalogue/" + code).with(user("sergeant1").roles("SUPERVISOR")).with(csrf())
				.param("name", "Cache test").param("slaHours", "24").param("privateCategory", "true"));
		assertThat(catalogue.service(agency, code)).as("no longer offered").isEmpty();
	}
}
