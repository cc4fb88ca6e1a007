package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.beacon.agency.Agencies;
import org.beacon.overdose.DetectionIntegrationTests;
import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.OverdoseEvents;
import org.beacon.overdose.OverdoseFixtures;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The scheduled redelivery job hands failed alarm deliveries back to the notifier once the mail server is back. */
@SpringBootTest(properties = { "beacon.overdose.scan.enabled=false", "beacon.overdose.detection.by=jurisdiction",
		"beacon.overdose.scheduling.enabled=false", "spring.mail.host=127.0.0.1",
		"spring.mail.properties.mail.smtp.connectiontimeout=2000", "beacon.overdose.notifications.redelivery-min-age=0s" })
class RedeliveryIntegrationTests {

	static final int SMTP_PORT = freePort();

	static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@AfterAll
	static void stopMail() {
		MAIL.stop();
	}

	@Autowired
	Redelivery redelivery;

	@Autowired
	OverdoseEvents events;

	@Autowired
	AlarmRepository alarms;

	@Autowired
	RecipientRepository recipients;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	Agencies agencies;

	@Test
	void theRedeliveryJobSendsWhatTheOutageHeldBack(@TempDir Path dir) throws IOException {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		recipients.insert(agency, null, "Health department", "alarms@health.example", null, null, "test", Instant.now());
		LocalDate today = LocalDate.now(OverdoseFixtures.ST_LOUIS);

		events.importFile(agency, DetectionIntegrationTests.spike(dir, today), ImportProfile.TEMPE, "test");
		StoredAlarm alarm = await().atMost(Duration.ofSeconds(30))
				.until(() -> alarms.list(agency, null, 10).stream().findFirst(), java.util.Optional::isPresent).orElseThrow();
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.forAlarm(agency, alarm.id()).stream()
				.anyMatch(d -> d.attempts() == 1 && d.lastError() != null));

		MAIL.start();
		redelivery.resubmit();

		await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.getReceivedMessages().length == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(deliveries.forAlarm(agency, alarm.id()).get(0).state()));
		assertThat(deliveries.forAlarm(agency, alarm.id()).get(0).attempts()).isEqualTo(2);
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
