package org.beacon.overdose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.beacon.identity.IdentityFixtures.PASSWORD;
import static org.beacon.identity.IdentityFixtures.account;
import static org.beacon.identity.IdentityFixtures.login;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.beacon.agency.Agencies;
import org.beacon.identity.IdentityIntegrationTest;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccounts;
import org.beacon.overdose.internal.AlarmRepository;
import org.beacon.overdose.internal.RecipientRepository;
import org.beacon.overdose.internal.StoredAlarm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The alarm pages, acknowledgement and the recipients page, through the real staff chain. */
@IdentityIntegrationTest
class AlarmPagesIntegrationTests {

	static final LocalDate SPIKE_DAY = LocalDate.of(2029, 6, 15);

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
	RecipientRepository recipients;

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsTheAlarmWithItsChartAndMapData() throws Exception {
		StoredAlarm alarm = spikeAlarm();
		MockHttpSession partner = login(mvc, account(accounts, agencies, "partner", Role.PARTNER).username(), PASSWORD);

		String list = body(mvc.perform(get("/overdose/alarms").param("show", "all").session(partner)).andExpect(status().isOk()));
		String page = body(mvc.perform(get("/overdose/alarms/" + alarm.id()).session(partner)).andExpect(status().isOk()));

		assertThat(list).contains("/overdose/alarms/" + alarm.id(), "2029-06-15");
		assertThat(page).contains("id=\"alarm-chart\"", "data-url=\"/overdose/alarms/" + alarm.id() + ".json\"",
				"chart.umd.js", "/js/overdose-alarm.js", "6 suspected overdoses on 2029-06-15");
		mvc.perform(get("/overdose/alarms/" + alarm.id() + ".json").session(partner))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.method").value("c2"))
				.andExpect(jsonPath("$.series.count[28]").value(6))
				.andExpect(jsonPath("$.series.start").value("2029-05-18"))
				.andExpect(jsonPath("$.map.areas.type").value("FeatureCollection"));
	}

	@Test
	void aSupervisorAcknowledgesAnAlarmAndTheAuditTrailKeepsIt() throws Exception {
		StoredAlarm alarm = spikeAlarm();
		String username = account(accounts, agencies, "supervisor", Role.SUPERVISOR).username();
		MockHttpSession supervisor = login(mvc, username, PASSWORD);

		mvc.perform(post("/overdose/alarms/" + alarm.id() + "/acknowledge").session(supervisor).with(csrf())
				.param("note", "Outreach team on its way; naloxone restocked at the library"))
				.andExpect(redirectedUrl("/overdose/alarms/" + alarm.id()));

		StoredAlarm after = alarms.find(agencies.defaultAgency().id(), alarm.id()).orElseThrow();
		assertThat(after.state()).isEqualTo("ACKNOWLEDGED");
		assertThat(after.acknowledgedBy()).isEqualTo(username);
		assertThat(after.acknowledgement()).startsWith("Outreach team");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'overdose.alarm.acknowledge' AND target = :t AND actor = :a")
				.param("t", "overdose_alarm:" + alarm.id()).param("a", username).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void onlyPartnersAndSupervisorsRespondAndOfficersDoNotReadAlarms() throws Exception {
		StoredAlarm alarm = spikeAlarm();
		MockHttpSession analyst = login(mvc, account(accounts, agencies, "analyst", Role.ANALYST).username(), PASSWORD);
		MockHttpSession officer = login(mvc, account(accounts, agencies, "officer", Role.OFFICER).username(), PASSWORD);

		mvc.perform(get("/overdose/alarms/" + alarm.id()).session(analyst)).andExpect(status().isOk());
		mvc.perform(post("/overdose/alarms/" + alarm.id() + "/acknowledge").session(analyst).with(csrf()))
				.andExpect(status().isForbidden());
		mvc.perform(get("/overdose/alarms").session(officer)).andExpect(status().isForbidden());
	}

	@Test
	void aSupervisorAddsAWebhookRecipientAndSeesItsSecretOnce() throws Exception {
		MockHttpSession supervisor = login(mvc, account(accounts, agencies, "supervisor", Role.SUPERVISOR).username(), PASSWORD);
		MockHttpSession partner = login(mvc, account(accounts, agencies, "partner", Role.PARTNER).username(), PASSWORD);
		String label = "Health department " + System.nanoTime();

		mvc.perform(post("/overdose/recipients").session(supervisor).with(csrf()).param("label", label)
				.param("webhookUrl", "https://health.example/hooks/beacon"))
				.andExpect(redirectedUrl("/overdose/recipients"))
				.andExpect(flash().attribute("secretFor", label));
		mvc.perform(post("/overdose/recipients").session(supervisor).with(csrf()).param("label", "x").param("email", "not-an-address"))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/overdose/recipients").session(partner)).andExpect(status().isForbidden());

		assertThat(recipients.list(agencies.defaultAgency().id())).filteredOn(r -> r.label().equals(label)).singleElement()
				.satisfies(r -> {
					assertThat(r.webhookSecret()).hasSize(64);
					assertThat(r.username()).isNull();
					assertThat(r.enabled()).isTrue();
					// no test should send anything to health.example
					recipients.setEnabled(agencies.defaultAgency().id(), r.id(), false);
				});
	}

	@Test
	void partnersAndSupervisorsSeeTheUnacknowledgedAlarmsOnEveryPageAndTheAlarmShowsAFailedDelivery() throws Exception {
		var agency = agencies.defaultAgency().id();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO overdose_alarm (agency_id, method, area_level, area_code, area_name, alarm_date, window_start,
				    event_count, statistic, threshold, series_json, notify, state, detected_at)
				VALUES (:agency, 'c2', 'jurisdiction', 'banner', 'Banner test', DATE '2029-07-01', DATE '2029-07-01', 5, 4.0,
				    3.0, '{}', TRUE, 'NEW', CURRENT_TIMESTAMP)""").param("agency", agency.value()).update(keys, "id");
		long alarmId = keys.getKey().longValue();
		long inbox = recipients.insert(agency, null, "Unreachable inbox", "nobody@health.example", null, null, "test",
				java.time.Instant.now());
		recipients.setEnabled(agency, inbox, false);
		jdbc.sql("""
				INSERT INTO overdose_delivery (agency_id, alarm_id, recipient_id, channel, state, attempts, last_error)
				VALUES (:agency, :alarm, :inbox, 'EMAIL', 'FAILED', 8, '550 mailbox unavailable')""")
				.param("agency", agency.value()).param("alarm", alarmId).param("inbox", inbox).update();
		try {
			long open = alarms.countNew(agency);
			MockHttpSession supervisor = login(mvc, account(accounts, agencies, "banner-super", Role.SUPERVISOR).username(), PASSWORD);
			MockHttpSession analyst = login(mvc, account(accounts, agencies, "banner-analyst", Role.ANALYST).username(), PASSWORD);

			String home = body(mvc.perform(get("/staff/reports").session(supervisor)).andExpect(status().isOk()));
			String alarmPage = body(mvc.perform(get("/overdose/alarms/" + alarmId).session(supervisor)).andExpect(status().isOk()));
			String analystPage = body(mvc.perform(get("/staff/reports").session(analyst)).andExpect(status().isOk()));

			assertThat(open).isPositive();
			assertThat(home).contains("id=\"overdose-alarm-banner\"", "href=\"/overdose/alarms?show=new\"",
					open == 1 ? "1 overdose spike alarm is not acknowledged yet"
							: open + " overdose spike alarms are not acknowledged yet");
			assertThat(analystPage).doesNotContain("overdose-alarm-banner");
			assertThat(alarmPage).contains("id=\"failed-deliveries\"",
					"1 delivery(ies) failed on every attempt and will not be tried again", "Unreachable inbox",
					"FAILED: not retried", "550 mailbox unavailable");
		}
		finally {
			jdbc.sql("UPDATE overdose_alarm SET state = 'ACKNOWLEDGED' WHERE id = :id").param("id", alarmId).update();
		}
	}

	/** Six overdoses on 2029-06-15 after a quiet month: a jurisdiction C2 alarm (historical for the 2030 clock). */
	private StoredAlarm spikeAlarm() {
		var agency = agencies.defaultAgency().id();
		Optional<StoredAlarm> existing = find();
		if (existing.isEmpty()) {
			// the data must begin before the baseline: before the first event there is no data, not zero overdoses
			OverdoseEntry opening = OverdoseFixtures.pointOn(SPIKE_DAY.minusDays(40), 38.63, -90.2);
			events.record(agency, new OverdoseEntry(opening.occurredAt(), opening.occurredDate(), true, opening.lat(),
					opening.lon(), opening.precision(), null, null, null, false, true, 1, List.of(), opening.source(), null,
					"api", "alarm-page-opening"), "test");
			for (int i = 0; i < 6; i++) {
				OverdoseEntry e = OverdoseFixtures.pointOn(SPIKE_DAY, 38.63 + i * 0.001, -90.2);
				events.record(agency, new OverdoseEntry(e.occurredAt(), e.occurredDate(), true, e.lat(), e.lon(),
						e.precision(), null, null, null, false, true, 1, e.suspectedDrugs(), e.source(), null, "api",
						"alarm-page-" + i), "test");
			}
		}
		// entries arrive one by one, so the alarm may first be stored with fewer and then refreshed
		return await().atMost(Duration.ofSeconds(30)).until(this::find, a -> a.isPresent() && a.get().count() == 6)
				.orElseThrow();
	}

	private Optional<StoredAlarm> find() {
		return alarms.list(agencies.defaultAgency().id(), null, 1000).stream()
				.filter(a -> a.method().equals("c2") && a.areaLevel().equals("jurisdiction") && a.alarmDate().equals(SPIKE_DAY))
				.findFirst();
	}

	private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}
}
