package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.beacon.BeaconApplication;
import org.beacon.TestDatabaseEnvironment;
import org.beacon.agency.Agencies;
import org.beacon.overdose.DetectionIntegrationTests;
import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.OverdoseEvents;
import org.beacon.overdose.OverdoseFixtures;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * "Notifications are never lost: a restart ... delays them, it does not drop them." An alarm is raised on a node
 * whose mail server is down, the node stops with the delivery still owed, the mail server comes back, and a new
 * node on the same database sends the alarm on start-up (the event publication registry republishes what was
 * outstanding), once, with no scheduled job involved.
 * <p>
 * Runs in the PostgreSQL leg only: the H2 leg's shared database is in memory and outlives the first node's
 * connections, and H2 then fails to evaluate check constraints created through a connection that has closed
 * ("The database has been closed"), which no real restart meets (a restarted H2 file database is opened anew).
 */
@EnabledIfSystemProperty(named = "beacon.test.db", matches = "postgres")
class AlarmDeliveryAcrossRestartIntegrationTests {

	@Test
	void anAlarmOwedWhenTheNodeStoppedIsSentByTheNextNodeOnStartUp(@TempDir Path dir) throws IOException {
		int smtpPort = freePort();
		GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		String database = TestDatabaseEnvironment.newDatabaseName();
		AgencyId agency;
		long alarmId;
		String inbox;
		try (ConfigurableApplicationContext before = node(database, smtpPort)) {
			agency = OverdoseFixtures.newAgency(before.getBean(Agencies.class));
			inbox = "restart-" + agency.value() + "@health.example";
			before.getBean(RecipientRepository.class).insert(agency, null, "Health department", inbox, null, null, "test",
					Instant.now());
			before.getBean(OverdoseEvents.class).importFile(agency, DetectionIntegrationTests.spike(dir, today()),
					ImportProfile.TEMPE, "test");
			AlarmRepository alarms = before.getBean(AlarmRepository.class);
			alarmId = await().atMost(Duration.ofSeconds(60)).until(() -> alarms.list(agency, null, 10).stream()
					.filter(a -> a.alarmDate().equals(today())).findFirst(), java.util.Optional::isPresent).orElseThrow()
					.id();
			DeliveryRepository deliveries = before.getBean(DeliveryRepository.class);
			await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.forAlarm(agency, alarmId).stream()
					.anyMatch(d -> d.attempts() == 1 && d.lastError() != null));
			assertThat(incomplete(before, alarmId)).isEqualTo(1);
		}

		mail.start();
		try (ConfigurableApplicationContext after = node(database, smtpPort)) {
			await().atMost(Duration.ofSeconds(60)).until(() -> messagesTo(mail, inbox) == 1);
			await().atMost(Duration.ofSeconds(30)).until(() -> incomplete(after, alarmId) == 0);
			assertThat(after.getBean(DeliveryRepository.class).forAlarm(agency, alarmId)).singleElement().satisfies(d -> {
				assertThat(d.state()).isEqualTo("DELIVERED");
				assertThat(d.attempts()).isEqualTo(2);
			});
			assertThat(messagesTo(mail, inbox)).as("sent once").isEqualTo(1);
		}
		finally {
			mail.stop();
		}
	}

	/** A node as a deployment runs it, on the shared test database, with the schedules off and no retry pause. */
	private static ConfigurableApplicationContext node(String database, int smtpPort) {
		return new SpringApplicationBuilder(BeaconApplication.class).properties(Map.ofEntries(
				Map.entry("server.port", "0"), Map.entry(TestDatabaseEnvironment.SHARED_DATABASE, database),
				Map.entry("spring.main.banner-mode", "off"), Map.entry("beacon.overdose.scan.enabled", "false"),
				Map.entry("beacon.overdose.detection.by", "jurisdiction"),
				Map.entry("beacon.overdose.scheduling.enabled", "false"),
				Map.entry("beacon.alerts.scheduling.enabled", "false"), Map.entry("spring.mail.host", "127.0.0.1"),
				Map.entry("spring.mail.port", String.valueOf(smtpPort)),
				Map.entry("spring.mail.properties.mail.smtp.connectiontimeout", "2000"),
				Map.entry("spring.mail.properties.mail.smtp.timeout", "2000"),
				Map.entry("beacon.overdose.notifications.base-url", "https://beacon.example"),
				Map.entry("beacon.overdose.notifications.first-retry-delay", "0s"))).run();
	}

	private static long incomplete(ConfigurableApplicationContext context, long alarmId) {
		return context.getBean(JdbcClient.class).sql("""
				SELECT COUNT(*) FROM event_publication
				WHERE completion_date IS NULL AND event_type LIKE '%OverdoseAlarmRaised'
				  AND serialized_event LIKE :id""").param("id", "%\"alarmId\":" + alarmId + ",%").query(Long.class)
				.single();
	}

	private static long messagesTo(GreenMail mail, String address) {
		return List.of(mail.getReceivedMessages()).stream().filter(m -> {
			try {
				return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).count();
	}

	private static LocalDate today() {
		return LocalDate.now(OverdoseFixtures.ST_LOUIS);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
