package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.beacon.agency.Agencies;
import org.beacon.identity.IdentityFixtures;
import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccounts;
import org.beacon.overdose.DetectionIntegrationTests;
import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.OverdoseAlarmRaised;
import org.beacon.overdose.OverdoseEvents;
import org.beacon.overdose.OverdoseFixtures;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Alarms reach partners and supervisors by e-mail and signed webhook, and a mail outage delays them without
 * losing or doubling them; an address the server always refuses is given up after three attempts (no pause
 * between them here, so the test need not wait). Only jurisdiction C2 runs here, so today's spike makes exactly one alarm per agency.
 * The context has a mail server of its own, so it is closed after the class and its connections freed.
 */
@SpringBootTest(properties = { "beacon.overdose.scan.enabled=false", "beacon.overdose.detection.by=jurisdiction",
		"beacon.overdose.scheduling.enabled=false", "spring.mail.host=127.0.0.1",
		"spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=2000",
		"beacon.overdose.notifications.base-url=https://beacon.example",
		"beacon.overdose.notifications.redelivery-min-age=0s", "spring.datasource.hikari.maximum-pool-size=4",
		"beacon.overdose.notifications.max-attempts=3", "beacon.overdose.notifications.first-retry-delay=0s" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AlarmDeliveryIntegrationTests {

	static final int SMTP_PORT = freePort();

	static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeEach
	void mailServerUp() {
		if (!MAIL.isRunning()) {
			MAIL.start();
		}
	}

	@AfterAll
	static void stopMail() {
		MAIL.stop();
	}

	@Autowired
	OverdoseEvents events;

	@Autowired
	Redelivery redelivery;

	@Autowired
	AlarmRepository alarms;

	@Autowired
	RecipientRepository recipients;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Agencies agencies;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMailOutageDelaysTheAlarmAndTheRetryDeliversItOncePerRecipient(@TempDir Path dir) throws Exception {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		String partner = staff(agency, "partner", Role.PARTNER);
		String supervisor = staff(agency, "supervisor", Role.SUPERVISOR);
		String officer = staff(agency, "officer", Role.OFFICER);
		recipients.insert(agency, partner, "Partner", partner + "@health.example", null, null, "test", Instant.now());
		recipients.insert(agency, supervisor, "Supervisor", supervisor + "@police.example", null, null, "test", Instant.now());
		recipients.insert(agency, officer, "Not a partner", officer + "@police.example", null, null, "test", Instant.now());
		MAIL.stop();

		events.importFile(agency, DetectionIntegrationTests.spike(dir, today()), ImportProfile.TEMPE, "test");

		StoredAlarm alarm = awaitAlarm(agency);
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.forAlarm(agency, alarm.id()).size() == 2
				&& deliveries.forAlarm(agency, alarm.id()).stream().allMatch(d -> d.attempts() >= 1 && d.lastError() != null));
		assertThat(deliveries.forAlarm(agency, alarm.id())).allSatisfy(d -> assertThat(d.state()).isEqualTo("PENDING"));
		assertThat(incompleteAlarmPublications(alarm.id())).isEqualTo(1);

		MAIL.start();
		incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof OverdoseAlarmRaised raised
				&& raised.alarmId() == alarm.id());

		await().atMost(Duration.ofSeconds(30)).until(() -> incompleteAlarmPublications(alarm.id()) == 0);
		assertThat(deliveries.forAlarm(agency, alarm.id())).allSatisfy(d -> assertThat(d.state()).isEqualTo("DELIVERED"));
		assertThat(messagesTo(partner + "@health.example")).hasSize(1);
		assertThat(messagesTo(supervisor + "@police.example")).hasSize(1);
		assertThat(messagesTo(officer + "@police.example")).isEmpty();
		MimeMessage mail = messagesTo(partner + "@health.example").get(0);
		assertThat(mail.getSubject()).isEqualTo("Overdose spike: Jurisdiction (jurisdiction), " + today());
		String text = mailText(mail);
		assertThat(text).contains("C2: 6 suspected overdoses in Jurisdiction on " + today(),
				"https://beacon.example/overdose/alarms/" + alarm.id());

		incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof OverdoseAlarmRaised);
		Thread.sleep(500);
		assertThat(messagesTo(partner + "@health.example")).hasSize(1);
	}

	@Test
	void signsWebhooksAndResendsOnlyWhatFailed(@TempDir Path dir) throws Exception {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		AtomicInteger answer = new AtomicInteger(503);
		List<Received> received = new CopyOnWriteArrayList<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hooks/beacon", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				received.add(new Received(new String(in.readAllBytes(), StandardCharsets.UTF_8),
						exchange.getRequestHeaders().getFirst("X-Beacon-Signature"),
						exchange.getRequestHeaders().getFirst("X-Beacon-Event")));
			}
			exchange.sendResponseHeaders(answer.get(), -1);
			exchange.close();
		});
		server.start();
		try {
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/beacon";
			String inbox = "outreach-" + agency.value() + "@health.example";
			recipients.insert(agency, null, "Health department", inbox, url, "s3cret-key", "test", Instant.now());

			events.importFile(agency, DetectionIntegrationTests.spike(dir, today()), ImportProfile.TEMPE, "test");

			StoredAlarm alarm = awaitAlarm(agency);
			await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1 && messagesTo(inbox).size() == 1
					&& deliveries.forAlarm(agency, alarm.id()).stream().anyMatch(d -> d.lastError() != null));
			assertThat(incompleteAlarmPublications(alarm.id())).isEqualTo(1);
			assertThat(deliveries.forAlarm(agency, alarm.id())).extracting(DeliveryRepository.Delivery::channel,
					DeliveryRepository.Delivery::state).containsExactlyInAnyOrder(
							org.assertj.core.groups.Tuple.tuple("EMAIL", "DELIVERED"),
							org.assertj.core.groups.Tuple.tuple("WEBHOOK", "PENDING"));

			answer.set(204);
			incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof OverdoseAlarmRaised raised
					&& raised.alarmId() == alarm.id());

			await().atMost(Duration.ofSeconds(30)).until(() -> incompleteAlarmPublications(alarm.id()) == 0);
			assertThat(received).hasSize(2);
			assertThat(messagesTo(inbox)).as("the e-mail went out the first time and is not sent again").hasSize(1);
			Received hook = received.get(1);
			assertThat(hook.event()).isEqualTo("overdose.alarm");
			assertThat(hook.signature()).isEqualTo("sha256=" + hmac("s3cret-key", hook.body()));
			assertThat(hook.body()).contains("\"alarm_id\":" + alarm.id(), "\"area_level\":\"jurisdiction\"",
					"\"count\":6", "\"url\":\"https://beacon.example/overdose/alarms/" + alarm.id() + "\"");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void theScheduledRedeliveryJobSendsWhatAnOutageHeldBack(@TempDir Path dir) throws Exception {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		String inbox = "redelivery-" + agency.value() + "@health.example";
		recipients.insert(agency, null, "Health department", inbox, null, null, "test", Instant.now());
		MAIL.stop();

		events.importFile(agency, DetectionIntegrationTests.spike(dir, today()), ImportProfile.TEMPE, "test");
		StoredAlarm alarm = awaitAlarm(agency);
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.forAlarm(agency, alarm.id()).stream()
				.anyMatch(d -> d.attempts() == 1 && d.lastError() != null));

		MAIL.start();
		// the scheduled run may hold the redelivery lease at this moment (then this call does nothing and that run
		// sends the mail), so ask again until the held-back publication is complete
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			redelivery.resubmit();
			return incompleteAlarmPublications(alarm.id()) == 0;
		});

		assertThat(messagesTo(inbox)).hasSize(1);
		assertThat(deliveries.forAlarm(agency, alarm.id())).singleElement().satisfies(d -> {
			assertThat(d.state()).isEqualTo("DELIVERED");
			assertThat(d.attempts()).isEqualTo(2);
		});
	}

	@Test
	void everyPartnerAndSupervisorWithAnAddressIsMailedWithoutBeingAddedByHand(@TempDir Path dir) throws Exception {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		String partner = staff(agency, "auto-partner", Role.PARTNER);
		String supervisor = staff(agency, "auto-super", Role.SUPERVISOR);
		String officer = staff(agency, "auto-officer", Role.OFFICER);
		staff(agency, "auto-nomail", Role.PARTNER); // no address: nothing to send, nothing pending
		accounts.changeEmail(partner, partner + "@health.example");
		accounts.changeEmail(supervisor, supervisor + "@police.example");
		accounts.changeEmail(officer, officer + "@police.example");
		// also added by hand with the same address: still one e-mail
		recipients.insert(agency, partner, "Partner by hand", partner + "@health.example", null, null, "test", Instant.now());

		events.importFile(agency, DetectionIntegrationTests.spike(dir, today()), ImportProfile.TEMPE, "test");

		StoredAlarm alarm = awaitAlarm(agency);
		await().atMost(Duration.ofSeconds(30)).until(() -> incompleteAlarmPublications(alarm.id()) == 0
				&& deliveries.forAlarm(agency, alarm.id()).size() == 2);
		long supervisorId = accounts.findByUsername(supervisor).orElseThrow().id();
		assertThat(deliveries.forAlarm(agency, alarm.id()))
				.extracting(d -> d.recipientId() != 0 ? "recipient" : "account " + d.accountId(), DeliveryRepository.Delivery::state)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("recipient", "DELIVERED"),
						org.assertj.core.groups.Tuple.tuple("account " + supervisorId, "DELIVERED"));
		assertThat(messagesTo(partner + "@health.example")).hasSize(1);
		assertThat(messagesTo(supervisor + "@police.example")).hasSize(1);
		assertThat(messagesTo(officer + "@police.example")).isEmpty();
	}

	@Test
	void aPartnerWhoseAddressIsEnteredLaterStillGetsTheOpenAlarm(@TempDir Path dir) throws Exception {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		String partner = staff(agency, "late-partner", Role.PARTNER);

		events.importFile(agency, DetectionIntegrationTests.spike(dir, today()), ImportProfile.TEMPE, "test");
		StoredAlarm alarm = awaitAlarm(agency);
		await().atMost(Duration.ofSeconds(30)).until(() -> incompleteAlarmPublications(alarm.id()) == 0);
		assertThat(deliveries.forAlarm(agency, alarm.id())).isEmpty();

		accounts.changeEmail(partner, partner + "@health.example");
		redelivery.resubmit();

		assertThat(messagesTo(partner + "@health.example")).hasSize(1);
		assertThat(deliveries.forAlarm(agency, alarm.id())).singleElement()
				.satisfies(d -> assertThat(d.state()).isEqualTo("DELIVERED"));
	}

	@Test
	void anAddressTheServerAlwaysRefusesIsGivenUpAfterTheLastAttemptWhileTheOthersGoOut(@TempDir Path dir)
			throws Exception {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		String refused = "refused-" + agency.value() + "@health.example";
		String accepted = "accepted-" + agency.value() + "@health.example";
		recipients.insert(agency, null, "Refused inbox", refused, null, null, "test", Instant.now());
		recipients.insert(agency, null, "Working inbox", accepted, null, null, "test", Instant.now());
		var users = MAIL.getUserManager();
		var deliverNormally = users.getMessageDeliveryHandler();
		users.setMessageDeliveryHandler((message, address) -> {
			if (address.getEmail().equals(refused)) {
				throw new jakarta.mail.MessagingException("550 mailbox unavailable: " + refused);
			}
			return deliverNormally.handle(message, address);
		});
		try {
			events.importFile(agency, DetectionIntegrationTests.spike(dir, today()), ImportProfile.TEMPE, "test");
			StoredAlarm alarm = awaitAlarm(agency);
			await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(accepted).size() == 1
					&& deliveries.forAlarm(agency, alarm.id()).stream().anyMatch(d -> d.lastError() != null));
			assertThat(incompleteAlarmPublications(alarm.id())).isEqualTo(1);

			for (int attempt = 2; attempt <= 3; attempt++) {
				int expected = attempt;
				incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof OverdoseAlarmRaised raised
						&& raised.alarmId() == alarm.id());
				await().atMost(Duration.ofSeconds(30)).until(() -> refusedDelivery(agency, alarm.id()).attempts() == expected
						&& !"SENDING".equals(refusedDelivery(agency, alarm.id()).state()));
			}

			await().atMost(Duration.ofSeconds(30)).until(() -> incompleteAlarmPublications(alarm.id()) == 0);
			assertThat(refusedDelivery(agency, alarm.id())).satisfies(d -> {
				assertThat(d.state()).isEqualTo("FAILED");
				assertThat(d.attempts()).isEqualTo(3);
				assertThat(d.lastError()).startsWith("e-mail to recipient " + d.recipientId() + " failed");
				assertThat(d.nextAttemptAt()).isNull();
			});
			redelivery.resubmit();
			assertThat(refusedDelivery(agency, alarm.id()).attempts()).as("given up: not tried again").isEqualTo(3);
			assertThat(messagesTo(accepted)).hasSize(1);
			assertThat(messagesTo(refused)).isEmpty();
		}
		finally {
			users.setMessageDeliveryHandler(deliverNormally);
		}
	}

	private DeliveryRepository.Delivery refusedDelivery(AgencyId agency, long alarmId) {
		long refusedId = recipients.list(agency).stream().filter(r -> r.label().equals("Refused inbox")).findFirst()
				.orElseThrow().id();
		return deliveries.forAlarm(agency, alarmId).stream().filter(d -> d.recipientId() == refusedId).findFirst()
				.orElseThrow();
	}

	record Received(String body, String signature, String event) {
	}

	private StoredAlarm awaitAlarm(AgencyId agency) {
		return await().atMost(Duration.ofSeconds(30)).until(
				() -> alarms.list(agency, null, 10).stream().filter(a -> a.alarmDate().equals(today())).findFirst(),
				java.util.Optional::isPresent).orElseThrow();
	}

	private long incompleteAlarmPublications(long alarmId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM event_publication
				WHERE completion_date IS NULL AND event_type LIKE '%OverdoseAlarmRaised'
				  AND serialized_event LIKE :id""").param("id", "%\"alarmId\":" + alarmId + ",%").query(Long.class).single();
	}

	private String staff(AgencyId agency, String prefix, Role role) {
		return accounts.create(new NewStaffAccount(agency, IdentityFixtures.uniqueName(prefix), "Test " + prefix,
				Set.of(role), IdentityFixtures.PASSWORD, false)).username();
	}

	private static List<MimeMessage> messagesTo(String address) {
		return List.of(MAIL.getReceivedMessages()).stream().filter(m -> {
			try {
				return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	/** The text/plain part, wherever the multipart nesting put it. */
	private static String mailText(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return part.getContent().toString();
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = mailText(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private static String hmac(String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static LocalDate today() {
		return LocalDate.now(OverdoseFixtures.ST_LOUIS);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
