package org.beacon.publicsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beacon.BeaconApplication;
import org.beacon.TestDatabaseEnvironment;
import org.beacon.publicsafety.internal.AlertSubscriptions;
import org.beacon.publicsafety.internal.DigestJob;
import org.beacon.publicsafety.internal.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * "An alert is delivered at least once, even across a restart or an SMTP outage, and not twice to the same
 * subscriber for the same digest." A resident's digest falls due on a node whose mail server is down; the node
 * stops with the digest owed (its {@link DigestDue} publication incomplete, its ledger row PENDING after one failed
 * attempt). The mail server comes back, and the next node on the same database sends the digest on start-up (the
 * event publication registry republishes what was outstanding; no scheduled job runs), once. A third node finds
 * nothing owed and sends nothing.
 * <p>
 * Runs on both databases: in the PostgreSQL leg the nodes share one schema; in the H2 leg they share an H2 file
 * database in a temporary folder, which each node opens anew as a restarted deployment does (a shared in-memory H2
 * database would outlive the first node's connections, which no real restart meets).
 */
class AlertDigestAcrossRestartIntegrationTests {

	static final double LAT = 38.601734, LON = -90.248119;

	@Test
	void aDigestOwedWhenTheNodeStoppedIsSentOnceByTheNextNodeAndNotAgainByTheThird(@TempDir Path dir)
			throws Exception {
		int smtpPort = freePort();
		GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		String database = TestDatabaseEnvironment.newDatabaseName();
		String inbox = "restart-" + database + "@example.org";
		long subscription;
		String period;

		mail.start();
		try (ConfigurableApplicationContext first = node(database, dir, smtpPort)) {
			AlertSubscriptions subscriptions = first.getBean(AlertSubscriptions.class);
			subscription = subscriptions.subscribe(new AlertSubscriptions.Request(inbox, null, AlertPlace.RADIUS, null,
					LAT, LON, 500.0, null, Set.of(), Subscription.Frequency.DAILY, false));
			await().atMost(Duration.ofSeconds(30)).until(() -> messages(mail, inbox, "Confirm").size() == 1);
			assertThat(subscriptions.confirm(confirmToken(messages(mail, inbox, "Confirm").get(0)))).isPresent();
			await().atMost(Duration.ofSeconds(30)).until(() -> incomplete(first, "SubscriptionRequested") == 0);

			mail.stop();
			assertThat(first.getBean(DigestJob.class).publishDue()).isEqualTo(1);
			period = ledger(first, subscription).period();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				Row row = ledger(first, subscription);
				return "PENDING".equals(row.state()) && row.attempts() == 1 && row.failed();
			});
			// the listener threw: the publication stays incomplete when the node stops
			await().atMost(Duration.ofSeconds(10)).until(() -> idle(first));
			assertThat(incomplete(first, "DigestDue")).isEqualTo(1);
		}

		mail.start();
		try {
			try (ConfigurableApplicationContext second = node(database, dir, smtpPort)) {
				await().atMost(Duration.ofSeconds(60)).until(() -> messages(mail, inbox, "Incidents").size() == 1);
				await().atMost(Duration.ofSeconds(30)).until(() -> incomplete(second, "DigestDue") == 0 && idle(second));
				assertThat(ledger(second, subscription)).isEqualTo(new Row(period, "DELIVERED", 2, false));
				MimeMessage digest = messages(mail, inbox, "Incidents").get(0);
				assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
			}

			try (ConfigurableApplicationContext third = node(database, dir, smtpPort)) {
				// start-up republished whatever was outstanding; wait until anything it started has run
				await().atMost(Duration.ofSeconds(30)).until(() -> idle(third));
				DigestJob job = third.getBean(DigestJob.class);
				assertThat(job.publishDue()).as("the period was published already").isZero();
				job.resubmit();
				await().atMost(Duration.ofSeconds(30)).until(() -> idle(third));
				assertThat(incomplete(third, "DigestDue")).isZero();
				assertThat(ledger(third, subscription)).isEqualTo(new Row(period, "DELIVERED", 2, false));
			}
			assertThat(messages(mail, inbox, "Incidents")).as("digests sent").hasSize(1);
		}
		finally {
			mail.stop();
		}
	}

	/** The digest's ledger row: its period, state, attempts, and whether an error is recorded. */
	record Row(String period, String state, int attempts, boolean failed) {
	}

	/**
	 * A node as a deployment runs it, on the shared test database, with the schedules off (only start-up
	 * republishes) and no back-off before a retry.
	 */
	private static ConfigurableApplicationContext node(String database, Path dir, int smtpPort) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BeaconApplication.class).properties(Map.ofEntries(
				Map.entry("server.port", "0"), Map.entry(TestDatabaseEnvironment.SHARED_DATABASE, database),
				Map.entry("spring.main.banner-mode", "off"), Map.entry("beacon.overdose.scan.enabled", "false"),
				Map.entry("beacon.overdose.scheduling.enabled", "false"),
				Map.entry("beacon.alerts.scheduling.enabled", "false"), Map.entry("spring.mail.host", "127.0.0.1"),
				Map.entry("spring.mail.port", String.valueOf(smtpPort)),
				Map.entry("spring.mail.properties.mail.smtp.connectiontimeout", "2000"),
				Map.entry("spring.mail.properties.mail.smtp.timeout", "2000"),
				Map.entry("beacon.alerts.base-url", "https://beacon.example"),
				Map.entry("beacon.alerts.retry-first", "0s")));
		if (!"postgres".equals(System.getProperty("beacon.test.db", "h2"))) {
			// above the test environment's in-memory database: a file each node opens anew
			builder.initializers(context -> context.getEnvironment().getPropertySources()
					.addFirst(new MapPropertySource("restartDatabase", Map.of("spring.datasource.url", "jdbc:h2:file:"
							+ dir.resolve(database).toAbsolutePath()
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"))));
		}
		return builder.run();
	}

	private static Row ledger(ConfigurableApplicationContext context, long subscription) {
		return context.getBean(JdbcClient.class).sql("""
				SELECT period, state, attempts, last_error FROM alert_delivery
				WHERE subscription_id = :s AND period LIKE 'DAILY:%'""").param("s", subscription)
				.query((rs, n) -> new Row(rs.getString("period"), rs.getString("state"), rs.getInt("attempts"),
						rs.getString("last_error") != null))
				.single();
	}

	private static long incomplete(ConfigurableApplicationContext context, String eventType) {
		return context.getBean(JdbcClient.class).sql("""
				SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE :type""")
				.param("type", "%." + eventType).query(Long.class).single();
	}

	/** No listener running or queued on the node's task executor (where the module listeners run). */
	private static boolean idle(ConfigurableApplicationContext context) {
		var executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class).getThreadPoolExecutor();
		return executor.getActiveCount() == 0 && executor.getQueue().isEmpty();
	}

	private static String confirmToken(MimeMessage message) {
		return GreenMailUtil.getBody(message).replace("=\r\n", "")
				.replaceAll("(?s).*confirm\\?token=([A-Za-z0-9_-]+).*", "$1");
	}

	private static List<MimeMessage> messages(GreenMail mail, String address, String subjectStart) {
		return List.of(mail.getReceivedMessages()).stream().filter(m -> {
			try {
				return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)
						&& m.getSubject().startsWith(subjectStart);
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
