package org.beacon.publicsafety.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;
import java.util.TreeSet;

import org.beacon.publicsafety.AlertPlace;
import org.beacon.publicsafety.internal.AlertSubscriptions;
import org.beacon.publicsafety.internal.AlertTokens;
import org.beacon.publicsafety.internal.Subscription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The public rate limits as configured, through the real filter chain: every GET under {@code /public} counts
 * against the per-address read limit (the test finds the paths itself, so a new public page cannot slip past),
 * and one-click unsubscribes, which mailbox providers send from a few addresses, do not count against the
 * per-address limit on subscriptions.
 */
@SpringBootTest(properties = { "beacon.public.reads-per-minute=1", "beacon.public.writes-per-hour=20",
		"beacon.alerts.scheduling.enabled=false", "beacon.overdose.scheduling.enabled=false",
		"spring.datasource.hikari.maximum-pool-size=3" })
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PublicRateLimitIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RequestMappingHandlerMapping handlers;

	@Autowired
	AlertSubscriptions subscriptions;

	@Autowired
	AlertTokens tokens;

	/** Every GET handler pattern under /public, as the application maps them. */
	Set<String> publicGets() {
		Set<String> found = new TreeSet<>();
		for (RequestMappingInfo info : handlers.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			info.getPatternValues().stream().filter(p -> p.equals("/public") || p.startsWith("/public/"))
					.forEach(found::add);
		}
		return found;
	}

	@Test
	void everyPublicGetIsBehindTheReadLimit() throws Exception {
		Set<String> paths = publicGets();
		assertThat(paths).contains("/public/map", "/public/incidents.csv", "/public/incidents.geojson",
				"/public/incidents.atom", "/public/alerts", "/public/notices", "/public/notices/{id}",
				"/public/notices.atom");
		int client = 0;
		for (String pattern : paths) {
			String path = pattern.replaceAll("\\{[^}]+}", "1");
			String address = "192.0.2." + (++client);
			// one read a minute: the first is served (or refused for its own reasons), the second is limited
			int first = mvc.perform(get(path).with(r -> remote(r, address))).andReturn().getResponse().getStatus();
			int second = mvc.perform(get(path).with(r -> remote(r, address))).andReturn().getResponse().getStatus();
			assertThat(first).as(path + " first request").isNotEqualTo(429);
			assertThat(second).as(path + " is not behind the public read limit").isEqualTo(429);
		}
	}

	@Test
	void thirtyOneClickUnsubscribesFromOneAddressAllSucceed() throws Exception {
		String provider = "198.51.100.7";
		for (int i = 0; i < 30; i++) {
			long id = subscriptions.subscribe(new AlertSubscriptions.Request("r" + i + "@example.org", null,
					AlertPlace.RADIUS, null, 38.6, -90.25, 500.0, null, Set.of(), Subscription.Frequency.WEEKLY, false));
			String token = tokens.issue(id, AlertTokens.Purpose.UNSUBSCRIBE);
			int status = mvc.perform(post("/public/alerts/unsubscribe").param("token", token)
					.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click")
					.with(r -> remote(r, provider))).andReturn().getResponse().getStatus();
			assertThat(status).as("unsubscribe " + (i + 1)).isEqualTo(200);
		}
		// subscriptions from one address are still limited: 20 an hour
		int limited = 0;
		for (int i = 0; i < 21; i++) {
			int status = mvc.perform(post("/public/alerts").param("email", "not-an-address")
					.with(r -> remote(r, provider))).andReturn().getResponse().getStatus();
			if (status == 429) {
				limited++;
			}
		}
		assertThat(limited).isEqualTo(1);
	}

	@Test
	void aTokenlessUnsubscribeCountsAgainstTheWriteLimit() throws Exception {
		String client = "203.0.113.9";
		int limited = 0;
		for (int i = 0; i < 21; i++) {
			int status = mvc.perform(post("/public/alerts/unsubscribe").with(r -> remote(r, client))).andReturn()
					.getResponse().getStatus();
			if (status == 429) {
				limited++;
			}
		}
		assertThat(limited).isEqualTo(1);
	}

	private static org.springframework.mock.web.MockHttpServletRequest remote(
			org.springframework.mock.web.MockHttpServletRequest request, String address) {
		request.setRemoteAddr(address);
		return request;
	}
}
