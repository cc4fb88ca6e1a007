package org.beacon.publicsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beacon.agency.Agencies;
import org.beacon.incidents.OffenseCategory;
import org.beacon.overdose.ResidentNoticePublished;
import org.beacon.publicsafety.internal.AlertChannels;
import org.beacon.publicsafety.internal.AlertDeliveries;
import org.beacon.publicsafety.internal.AlertRetry;
import org.beacon.publicsafety.internal.AlertSubscriptions;
import org.beacon.publicsafety.internal.DigestJob;
import org.beacon.publicsafety.internal.Subscription;
import org.beacon.publicsafety.internal.SubscriptionRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;

/**
 * Resident alerts end to end with a real SMTP server (GreenMail): double opt-in, a digest against the baseline
 * with RFC 8058 headers, exactly once per period, an SMTP outage that delays but neither loses nor doubles, one-click
 * unsubscribe, signed webhooks and overdose notices; a webhook that always refuses is given up after the third
 * attempt (here without waits between them) while the other recipients get theirs.
 */
@SpringBootTest(properties = { "beacon.alerts.scheduling.enabled=false", "beacon.overdose.scheduling.enabled=false",
		"spring.mail.host=127.0.0.1", "spring.mail.properties.mail.smtp.connectiontimeout=2000",
		"spring.mail.properties.mail.smtp.timeout=2000", "beacon.alerts.base-url=https://beacon.example",
		"beacon.alerts.redelivery-min-age=0s", "beacon.alerts.webhook-allow-private=true",
		"beacon.public.reads-per-minute=100000", "beacon.public.writes-per-hour=100000",
		"beacon.alerts.max-attempts=3", "beacon.alerts.retry-first=0s",
		"spring.datasource.hikari.maximum-pool-size=4" })
@AutoConfigureMockMvc
@Import(FakeIncidents.Config.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AlertDeliveryIntegrationTests {

	static final int SMTP_PORT = freePort();

	static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static final double LAT = 38.601734, LON = -90.248119;

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeIncidents incidents;

	@Autowired
	AlertSubscriptions subscriptions;

	@Autowired
	SubscriptionRepository repository;

	@Autowired
	DigestJob job;

	@Autowired
	AlertDeliveries deliveries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Agencies agencies;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void mailServerUp() throws Exception {
		if (!MAIL.isRunning()) {
			MAIL.start();
		}
		MAIL.purgeEmailFromAllMailboxes();
		incidents.clear();
		jdbc.sql("UPDATE alert_subscription SET state = 'UNSUBSCRIBED'").update();
	}

	@AfterAll
	static void stopMail() {
		MAIL.stop();
	}

	LocalDate yesterday() {
		return LocalDate.now(agencies.defaultAgency().timeZone()).minusDays(1);
	}

	/** 6 burglaries yesterday; 16 in the 8 days before (mean 2.0); a rape yesterday that must never show. */
	void burglaries() {
		LocalDate day = yesterday();
		for (int i = 0; i < 6; i++) {
			incidents.add(OffenseCategory.BURGLARY, "BURGLARY", "4321 MARGARETTA AVE", LAT, LON, day);
		}
		for (int d = 1; d <= 8; d++) {
			for (int i = 0; i < 2; i++) {
				incidents.add(OffenseCategory.BURGLARY, "BURGLARY", "4321 MARGARETTA AVE", LAT, LON, day.minusDays(d));
			}
		}
		incidents.add(OffenseCategory.RAPE, "RAPE", "4321 MARGARETTA AVE", LAT, LON, day);
		// outside the radius: 38.70 is about 11 km north
		incidents.add(OffenseCategory.BURGLARY, "BURGLARY", "100 FAR ST", 38.70, LON, day);
	}

	Subscription subscribed(String email, String webhook, boolean onlyAboveUsual) throws Exception {
		long id = subscriptions.subscribe(new AlertSubscriptions.Request(email, webhook, AlertPlace.RADIUS, null, LAT, LON,
				500.0, null, Set.of(), Subscription.Frequency.DAILY, onlyAboveUsual));
		// as a resident would: the confirmation link arrives, then they confirm
		await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(email, "Confirm").size() == 1);
		assertThat(subscriptions.confirm(confirmToken(mailTo(email, "Confirm").get(0)))).isPresent();
		return repository.find(id).orElseThrow();
	}

	static String confirmToken(MimeMessage mail) {
		return GreenMailUtil.getBody(mail).replace("=\r\n", "").replaceAll("(?s).*confirm\\?token=([A-Za-z0-9_-]+).*", "$1");
	}

	static String unsubscribeToken(MimeMessage mail) throws Exception {
		String header = mail.getHeader("List-Unsubscribe")[0];
		assertThat(header).matches("<https://beacon\\.example/public/alerts/unsubscribe\\?token=[A-Za-z0-9_-]{43}>");
		return header.replaceAll(".*token=([A-Za-z0-9_-]+)>", "$1");
	}

	List<MimeMessage> mailTo(String address, String subjectStart) throws Exception {
		return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().startsWith(subjectStart);
			}
			catch (Exception e) {
				return false;
			}
		}).toList();
	}

	String state(long subscription, String period) {
		return jdbc.sql("SELECT state FROM alert_delivery WHERE subscription_id = :s AND period = :p")
				.param("s", subscription).param("p", period).query(String.class).optional().orElse(null);
	}

	@Test
	void confirmationLinkIsMailedAndNothingElseIsSentUntilConfirmed() throws Exception {
		mvc.perform(post("/public/alerts").param("email", "ann@example.org").param("place", "RADIUS")
				.param("lat", Double.toString(LAT)).param("lon", Double.toString(LON)).param("radius", "500")
				.param("frequency", "DAILY")).andReturn();
		await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("ann@example.org", "Confirm").size() == 1);
		String token = confirmToken(mailTo("ann@example.org", "Confirm").get(0));
		Subscription pending = subscriptions.byConfirmToken(token).orElseThrow();
		assertThat(pending.state()).isEqualTo("PENDING");
		burglaries();
		assertThat(job.publishDue()).isZero();

		assertThat(mvc.perform(get("/public/alerts/confirm").param("token", token)).andReturn().getResponse()
				.getContentAsString()).contains("Confirm");
		assertThat(repository.find(pending.id()).orElseThrow().state()).isEqualTo("PENDING");
		mvc.perform(post("/public/alerts/confirm").param("token", token)).andReturn();
		assertThat(repository.find(pending.id()).orElseThrow().state()).isEqualTo("ACTIVE");
	}

	@Test
	void digestComparesWithTheBaselineOnceAndCarriesOneClickUnsubscribe() throws Exception {
		burglaries();
		Subscription s = subscribed("bob@example.org", null, false);

		assertThat(job.publishDue()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("bob@example.org", "Incidents").size() == 1);
		MimeMessage digest = mailTo("bob@example.org", "Incidents").get(0);
		String text = GreenMailUtil.getBody(digest).replace("=\r\n", "").replace("\r\n", "\n");
		assertThat(text).contains("Burglary: 6; usually 2.0.").doesNotContain("Rape").contains("Prevention tip: Lock doors")
				.contains("What is being done:");
		String unsubscribe = unsubscribeToken(digest);
		assertThat(text).contains("Stop these alerts: https://beacon.example/public/alerts/unsubscribe?token=" + unsubscribe);
		assertThat(subscriptions.byUnsubscribeToken(unsubscribe).orElseThrow().id()).isEqualTo(s.id());
		assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

		// the next run finds the period published already
		assertThat(job.publishDue()).isZero();
		job.resubmit();
		Thread.sleep(500);
		assertThat(mailTo("bob@example.org", "Incidents")).hasSize(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(state(s.id(), "DAILY:" + yesterday())));
	}

	@Test
	void smtpOutageDelaysTheDigestAndRedeliveryDeliversItOnce() throws Exception {
		burglaries();
		Subscription s = subscribed("cat@example.org", null, false);
		String period = "DAILY:" + yesterday();
		MAIL.stop();

		assertThat(job.publishDue()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				SELECT COUNT(*) FROM alert_delivery WHERE subscription_id = :s AND period = :p
				AND state = 'PENDING' AND attempts >= 1 AND last_error IS NOT NULL""").param("s", s.id()).param("p", period)
				.query(Long.class).single() == 1);

		MAIL.start();
		// the registry marks the publication failed just after the listener throws: resubmit until it is taken;
		// a resubmission that overlaps another cannot send twice (the ledger row is claimed)
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			job.resubmit();
			return "DELIVERED".equals(state(s.id(), period));
		});
		job.resubmit();
		Thread.sleep(500);
		assertThat(mailTo("cat@example.org", "Incidents")).hasSize(1);
	}

	@Test
	void onlyAboveUsualSkipsAnOrdinaryPeriod() throws Exception {
		LocalDate day = yesterday();
		for (int d = 0; d <= 8; d++) {
			incidents.add(OffenseCategory.LARCENY, "LARCENY", "4321 MARGARETTA AVE", LAT, LON, day.minusDays(d));
		}
		Subscription s = subscribed("dan@example.org", null, true);
		assertThat(job.publishDue()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(20)).until(() -> "SKIPPED".equals(state(s.id(), "DAILY:" + day)));
		assertThat(mailTo("dan@example.org", "Incidents")).isEmpty();
	}

	@Test
	void formIsPublicAndExplainsARefusedRequest() throws Exception {
		var page = mvc.perform(get("/public/alerts")).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getHeader("Set-Cookie")).isNull();
		assertThat(page.getContentAsString()).contains("Crime alerts by e-mail").doesNotContain(">Rape<");
		var refused = mvc.perform(post("/public/alerts").param("email", "not-an-address").param("place", "RADIUS"))
				.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("Please give a valid e-mail address.");
		var tooSmall = mvc.perform(post("/public/alerts").param("email", "hal@example.org").param("place", "RADIUS")
				.param("lat", "38.6").param("lon", "-90.2").param("radius", "50")).andReturn().getResponse();
		assertThat(tooSmall.getStatus()).isEqualTo(422);
		assertThat(tooSmall.getContentAsString()).contains("between 250 and 5,000 metres");
	}

	@Test
	void oneClickUnsubscribeEndsAlertsAndForgetsTheAddress() throws Exception {
		burglaries();
		Subscription s = subscribed("eve@example.org", null, false);
		assertThat(job.publishDue()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("eve@example.org", "Incidents").size() == 1);
		String token = unsubscribeToken(mailTo("eve@example.org", "Incidents").get(0));
		// the link opened in a browser asks first
		assertThat(mvc.perform(get("/public/alerts/unsubscribe").param("token", token)).andReturn().getResponse()
				.getStatus()).isEqualTo(200);
		assertThat(repository.find(s.id()).orElseThrow().state()).isEqualTo("ACTIVE");

		// RFC 8058: the mail client POSTs List-Unsubscribe=One-Click to the header's URL
		int status = mvc.perform(post("/public/alerts/unsubscribe").param("token", token)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
				.andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(200);
		Subscription ended = repository.find(s.id()).orElseThrow();
		assertThat(ended.state()).isEqualTo("UNSUBSCRIBED");
		assertThat(ended.email()).isNull();
		assertThat(job.publishDue()).isZero();
	}

	@Test
	void webhookDigestIsSignedWithTheSubscriptionSecret() throws Exception {
		List<String[]> received = new CopyOnWriteArrayList<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				received.add(new String[] { exchange.getRequestHeaders().getFirst(AlertChannels.SIGNATURE_HEADER),
						new String(in.readAllBytes(), StandardCharsets.UTF_8) });
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		try {
			burglaries();
			Subscription s = subscribed("fay@example.org",
					"http://127.0.0.1:" + server.getAddress().getPort() + "/hook", false);
			assertThat(job.publishDue()).isEqualTo(1);
			await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 1);
			String[] hook = received.get(0);
			assertThat(hook[0]).isEqualTo(AlertChannels.signature(s.webhookSecret(), hook[1]));
			assertThat(hook[1]).contains("\"category\":\"BURGLARY\"").contains("\"count\":\"6\"").doesNotContain("RAPE");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void aRefusingWebhookIsGivenUpAfterTheLastAttemptAndNoLongerHoldsItsDigest() throws Exception {
		java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/gone", exchange -> {
			refused.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(410, -1);
			exchange.close();
		});
		server.start();
		try {
			burglaries();
			Subscription jon = subscribed("jon@example.org",
					"http://127.0.0.1:" + server.getAddress().getPort() + "/gone", false);
			Subscription kim = subscribed("kim@example.org", null, false);
			String period = "DAILY:" + yesterday();

			assertThat(job.publishDue()).isEqualTo(2);
			await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("kim@example.org", "Incidents").size() == 1);
			await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(state(kim.id(), period)));
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
				job.resubmit();
				return "FAILED".equals(state(jon.id(), period + "#webhook"));
			});

			assertThat(refused.get()).isEqualTo(3);
			assertThat(jdbc.sql("""
					SELECT attempts FROM alert_delivery WHERE subscription_id = :s AND period = :p AND failed_at IS NOT NULL
					AND last_error = 'webhook answered HTTP 410'""").param("s", jon.id()).param("p", period + "#webhook")
					.query(Integer.class).single()).isEqualTo(3);
			// jon's e-mail went out; his digest's publication is complete, so nothing retries it
			assertThat(state(jon.id(), period)).isEqualTo("DELIVERED");
			assertThat(mailTo("jon@example.org", "Incidents")).hasSize(1);
			await().atMost(Duration.ofSeconds(10)).until(() -> incompleteDigests(jon.id()) == 0);
			job.resubmit();
			Thread.sleep(500);
			assertThat(refused.get()).isEqualTo(3);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void aFailedDeliveryWaitsItsBackOffBeforeTheNextClaim() throws Exception {
		long id = subscriptions.subscribe(new AlertSubscriptions.Request("lea@example.org", null, AlertPlace.RADIUS, null,
				LAT, LON, 500.0, null, Set.of(), Subscription.Frequency.DAILY, false));
		var agency = agencies.defaultAgency().id();
		long row = deliveries.ensure(agency, id, "TEST:backoff");
		var retry = new AlertRetry(2, Duration.ofMinutes(10), Duration.ofHours(6));
		java.time.Instant t0 = java.time.Instant.parse("2026-03-10T12:00:00Z");

		assertThat(deliveries.claim(row, t0, Duration.ofMinutes(5))).isTrue();
		assertThat(deliveries.failed(row, "refused", t0, retry)).isFalse();
		assertThat(deliveries.allWaiting(id, List.of("TEST:backoff"), t0.plusSeconds(60))).isTrue();
		assertThat(deliveries.claim(row, t0.plus(Duration.ofMinutes(9)), Duration.ofMinutes(5))).isFalse();
		assertThat(deliveries.claim(row, t0.plus(Duration.ofMinutes(10)), Duration.ofMinutes(5))).isTrue();
		// the second failure is the last of 2: given up once, and never claimed again
		assertThat(deliveries.failed(row, "refused", t0.plus(Duration.ofMinutes(10)), retry)).isTrue();
		assertThat(deliveries.state(row)).isEqualTo("FAILED");
		assertThat(deliveries.claim(row, t0.plus(Duration.ofDays(2)), Duration.ofMinutes(5))).isFalse();
		assertThat(deliveries.allWaiting(id, List.of("TEST:backoff"), t0.plus(Duration.ofDays(2)))).isFalse();
	}

	long incompleteDigests(long subscription) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM event_publication
				WHERE completion_date IS NULL AND event_type LIKE '%DigestDue'
				  AND serialized_event LIKE :id""").param("id", "%\"subscriptionId\":" + subscription + ",%")
				.query(Long.class).single();
	}

	@Test
	void overdoseNoticeReachesSubscribersOfTheArea() throws Exception {
		Subscription s = subscribed("gus@example.org", null, false);
		transactions.executeWithoutResult(tx -> events.publishEvent(
				new ResidentNoticePublished(s.agency(), "jurisdiction", "STL", 42)));
		await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("gus@example.org", "Overdose notice").size() == 1);
		assertThat(GreenMailUtil.getBody(mailTo("gus@example.org", "Overdose notice").get(0)))
				.contains("https://beacon.example/public/notices/42");
		await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(state(s.id(), "NOTICE:42")));
	}

	@Test
	void linksWorkButOnlyTheirHashesAreStored() throws Exception {
		Subscription s = subscribed("ida@example.org", null, false);
		String confirm = confirmToken(mailTo("ida@example.org", "Confirm").get(0));
		transactions.executeWithoutResult(tx -> events.publishEvent(
				new ResidentNoticePublished(s.agency(), "jurisdiction", "STL", 43)));
		await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("ida@example.org", "Overdose notice").size() == 1);
		String unsubscribe = unsubscribeToken(mailTo("ida@example.org", "Overdose notice").get(0));

		for (String token : List.of(confirm, unsubscribe)) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_token WHERE token_hash = :t").param("t", token)
					.query(Long.class).single()).as("plain token stored").isZero();
			assertThat(jdbc.sql("SELECT subscription_id FROM alert_token WHERE token_hash = :h")
					.param("h", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
							.digest(token.getBytes(StandardCharsets.UTF_8))))
					.query(Long.class).single()).isEqualTo(s.id());
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = 'alert_subscription' "
				+ "AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND LOWER(column_name) LIKE '%token%'")
				.query(Long.class).single()).isZero();
		// a token does one thing only, and a changed one nothing
		assertThat(subscriptions.byUnsubscribeToken(confirm)).isEmpty();
		assertThat(subscriptions.byConfirmToken(unsubscribe)).isEmpty();
		assertThat(subscriptions.byUnsubscribeToken(unsubscribe.substring(1) + "A")).isEmpty();
		assertThat(subscriptions.byUnsubscribeToken(unsubscribe)).isPresent();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
