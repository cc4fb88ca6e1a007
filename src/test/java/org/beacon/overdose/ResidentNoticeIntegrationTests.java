package org.beacon.overdose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.beacon.identity.IdentityFixtures.PASSWORD;
import static org.beacon.identity.IdentityFixtures.account;
import static org.beacon.identity.IdentityFixtures.login;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.beacon.agency.Agencies;
import org.beacon.identity.IdentityIntegrationTest;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccounts;
import org.beacon.overdose.internal.AlarmRepository;
import org.beacon.overdose.internal.StoredAlarm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;

/** From an alarm to a public, area-level harm-reduction notice with no count below the privacy minimum. */
@IdentityIntegrationTest
@RecordApplicationEvents
class ResidentNoticeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Agencies agencies;

	@Autowired
	OverdoseEvents events;

	@Autowired
	AlarmRepository alarms;

	@Autowired
	ApplicationEvents published;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aPartnerPublishesANoticeThatEveryoneCanReadWithoutACookie() throws Exception {
		StoredAlarm alarm = alarmWith(LocalDate.of(2029, 8, 10), 6);
		MockHttpSession partner = login(mvc, account(accounts, agencies, "partner", Role.PARTNER).username(), PASSWORD);

		String form = body(mvc.perform(get("/overdose/alarms/" + alarm.id() + "/notice").session(partner)));
		assertThat(form).contains("naloxone", "Good Samaritan", "test strips", "988");

		String location = mvc.perform(post("/overdose/alarms/" + alarm.id() + "/notice").session(partner).with(csrf())
				.param("area", "jurisdiction|jurisdiction").param("title", "Overdose alert for the city")
				.param("body", "Carry naloxone. Test strips are free at the library. Call or text 988.")
				.param("mentionCount", "true"))
				.andExpect(redirectedUrlPattern("/public/notices/*"))
				.andReturn().getResponse().getRedirectedUrl();
		long noticeId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		var page = mvc.perform(get(location)).andExpect(status().isOk())
				.andExpect(header().doesNotExist("Set-Cookie")).andReturn().getResponse();
		assertThat(page.getContentAsString()).contains("Overdose alert for the city",
				"6 suspected overdoses were reported in the city on 2029-08-10.", "Carry naloxone.");
		assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'");
		assertThat(body(mvc.perform(get("/public/notices")))).contains("/public/notices/" + noticeId);
		assertThat(published.stream(ResidentNoticePublished.class))
				.anySatisfy(e -> {
					assertThat(e.noticeId()).isEqualTo(noticeId);
					assertThat(e.areaLevel()).isEqualTo("jurisdiction");
					assertThat(e.agency()).isEqualTo(agencies.defaultAgency().id());
				});
	}

	@Test
	void saysFewerThanFiveAndRefusesATextThatStatesASmallCount() throws Exception {
		StoredAlarm alarm = alarmWith(LocalDate.of(2029, 9, 20), 4);
		assertThat(alarm.count()).isEqualTo(4);
		MockHttpSession supervisor = login(mvc, account(accounts, agencies, "supervisor", Role.SUPERVISOR).username(), PASSWORD);

		String refused = body(mvc.perform(post("/overdose/alarms/" + alarm.id() + "/notice").session(supervisor).with(csrf())
				.param("area", "jurisdiction|jurisdiction").param("title", "Alert")
				.param("body", "There were 4 suspected overdoses near the park.")).andExpect(status().isBadRequest()));
		assertThat(refused).contains("counts below 5 are not published");

		String location = mvc.perform(post("/overdose/alarms/" + alarm.id() + "/notice").session(supervisor).with(csrf())
				.param("area", "jurisdiction|jurisdiction").param("title", "Alert")
				.param("body", "Carry naloxone.").param("mentionCount", "true"))
				.andExpect(redirectedUrlPattern("/public/notices/*")).andReturn().getResponse().getRedirectedUrl();
		String page = body(mvc.perform(get(location)));
		assertThat(page).contains("Fewer than 5 suspected overdoses were reported in the city on 2029-09-20.")
				.doesNotContain(" 4 suspected");
	}

	@Test
	void neverPublishesACellOrAPoint() throws Exception {
		StoredAlarm alarm = alarmWith(LocalDate.of(2029, 8, 10), 6);
		MockHttpSession partner = login(mvc, account(accounts, agencies, "partner", Role.PARTNER).username(), PASSWORD);

		String refused = body(mvc.perform(post("/overdose/alarms/" + alarm.id() + "/notice").session(partner).with(csrf())
				.param("area", "h3:9|8926d6a0d4fffff").param("title", "Alert").param("body", "Carry naloxone."))
				.andExpect(status().isBadRequest()));

		assertThat(refused).contains("never a point or a cell");
	}

	@Test
	void saysBeforePublishingThatACountyWithoutABoundaryReachesNoSubscriber() throws Exception {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO overdose_alarm (agency_id, method, area_level, area_code, area_name, alarm_date, window_start,
				    event_count, statistic, threshold, series_json, notify, state, detected_at)
				VALUES (:agency, 'c2', 'county', 'Nowhere County', 'Nowhere County', DATE '2029-10-01', DATE '2029-10-01',
				    7, 4.0, 3.0, '{}', FALSE, 'NEW', CURRENT_TIMESTAMP)""")
				.param("agency", agencies.defaultAgency().id().value()).update(keys, "id");
		long alarm = keys.getKey().longValue();
		MockHttpSession partner = login(mvc, account(accounts, agencies, "partner", Role.PARTNER).username(), PASSWORD);

		String form = body(mvc.perform(get("/overdose/alarms/" + alarm + "/notice").session(partner)).andExpect(status().isOk()));
		String refused = body(mvc.perform(post("/overdose/alarms/" + alarm + "/notice").session(partner).with(csrf())
				.param("area", "county|Nowhere County").param("title", "Alert").param("body", "Carry naloxone."))
				.andExpect(status().isBadRequest()));

		assertThat(form).contains("Nowhere County (county): no boundary, not sent to subscribers",
				"class=\"error\" role=\"alert\">The chosen area has no boundary among", "name=\"pageOnly\"");
		assertThat(refused).contains("the area Nowhere County (county) has no boundary among Beacon&#39;s areas, so no "
				+ "subscriber can be sent this notice");
		mvc.perform(post("/overdose/alarms/" + alarm + "/notice").session(partner).with(csrf())
				.param("area", "county|Nowhere County").param("title", "Alert").param("body", "Carry naloxone.")
				.param("pageOnly", "true"))
				.andExpect(redirectedUrlPattern("/public/notices/*"));
	}

	@Test
	void theAtomFeedListsCurrentNoticesAndNotWithdrawnOnes() throws Exception {
		StoredAlarm alarm = alarmWith(LocalDate.of(2029, 8, 10), 6);
		MockHttpSession partner = login(mvc, account(accounts, agencies, "partner", Role.PARTNER).username(), PASSWORD);
		String title = "Feed test " + System.nanoTime();
		String location = mvc.perform(post("/overdose/alarms/" + alarm.id() + "/notice").session(partner).with(csrf())
				.param("area", "jurisdiction|jurisdiction").param("title", title).param("body", "Carry naloxone."))
				.andReturn().getResponse().getRedirectedUrl();
		String id = location.substring(location.lastIndexOf('/') + 1);

		var feed = mvc.perform(get("/public/notices.atom")).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/atom+xml;charset=UTF-8")).andReturn().getResponse();
		Document atom = parse(feed.getContentAsString());
		assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(feed.getContentAsString()).contains("<title>" + title + "</title>",
				"urn:beacon:stl:overdose-notice:" + id);

		mvc.perform(post("/overdose/notices/" + id + "/withdraw").session(partner).with(csrf()).param("reason", "posted twice"))
				.andExpect(status().is3xxRedirection());

		assertThat(body(mvc.perform(get("/public/notices.atom")))).doesNotContain(title);
		assertThat(body(mvc.perform(get("/public/notices/" + id)))).contains("withdrawn").doesNotContain("Carry naloxone.");
		mvc.perform(post("/public/notices")).andExpect(status().isForbidden());
	}

	/** {@code count} overdoses on {@code day} after a quiet month: a jurisdiction C2 alarm with that count. */
	private StoredAlarm alarmWith(LocalDate day, int count) {
		var agency = agencies.defaultAgency().id();
		// the data must begin before the baseline: before the first event there is no data, not zero overdoses
		OverdoseEntry opening = OverdoseFixtures.pointOn(day.minusDays(40), 38.63, -90.2);
		events.record(agency, new OverdoseEntry(opening.occurredAt(), opening.occurredDate(), true, opening.lat(),
				opening.lon(), opening.precision(), null, null, null, false, true, 1, List.of(), opening.source(), null, "api",
				"notice-opening-" + day), "test");
		for (int i = 0; i < count; i++) {
			OverdoseEntry e = OverdoseFixtures.pointOn(day, 38.63 + i * 0.001, -90.2);
			events.record(agency, new OverdoseEntry(e.occurredAt(), e.occurredDate(), true, e.lat(), e.lon(), e.precision(),
					null, null, null, false, true, 1, e.suspectedDrugs(), e.source(), null, "api", "notice-" + day + "-" + i),
					"test");
		}
		return await().atMost(Duration.ofSeconds(30)).until(() -> find(day), a -> a.isPresent() && a.get().count() == count)
				.orElseThrow();
	}

	private Optional<StoredAlarm> find(LocalDate day) {
		return alarms.list(agencies.defaultAgency().id(), null, 1000).stream()
				.filter(a -> a.method().equals("c2") && a.areaLevel().equals("jurisdiction") && a.alarmDate().equals(day))
				.findFirst();
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}
}
