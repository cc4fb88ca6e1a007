package org.beacon.publicsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.agency.Agencies;
import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccounts;
import org.beacon.overdose.ResidentNoticePublished;
import org.beacon.publicsafety.internal.AlertDeliveries;
import org.beacon.publicsafety.internal.AlertRetry;
import org.beacon.publicsafety.internal.AlertSubscriptions;
import org.beacon.publicsafety.internal.DigestJob;
import org.beacon.publicsafety.internal.Subscription;
import org.beacon.publicsafety.internal.SubscriptionRepository;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
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
 * The staff page of alert delivery over real deliveries: GreenMail for SMTP (up, then down), one webhook that
 * answers 204 and one that answers 410, overdose notices sent through the real notifier and retried by the real
 * redelivery (here at most 2 attempts, without waits). The page counts for its agency and window only, lists the
 * failures newest first without any address, and is for administrators and supervisors.
 */
@SpringBootTest(properties = { "beacon.alerts.scheduling.enabled=false", "beacon.overdose.scheduling.enabled=false",
		"spring.mail.host=127.0.0.1", "spring.mail.properties.mail.smtp.connectiontimeout=2000",
		"spring.mail.properties.mail.smtp.timeout=2000", "beacon.alerts.redelivery-min-age=0s",
		"beacon.alerts.webhook-allow-private=true", "beacon.alerts.max-attempts=2", "beacon.alerts.retry-first=0s",
		"spring.datasource.hikari.maximum-pool-size=4" })
@AutoConfigureMockMvc
@Import(FakeIncidents.Config.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AlertHealthPageIntegrationTests {

	static final int SMTP_PORT = freePort();

	static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static final double LAT = 38.601734, LON = -90.248119;

	static final String PASSWORD = "alert health page password 42";

	/** Anything that looks like an e-mail address. */
	static final Pattern ANY_ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

	static HttpServer hooks;

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void servers() throws IOException {
		MAIL.start();
		hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		hooks.createContext("/ok", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		hooks.createContext("/gone", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(410, -1);
			exchange.close();
		});
		hooks.start();
	}

	@AfterAll
	static void stopServers() {
		MAIL.stop();
		hooks.stop(0);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	AlertSubscriptions subscriptions;

	@Autowired
	SubscriptionRepository repository;

	@Autowired
	AlertDeliveries deliveries;

	@Autowired
	DigestJob job;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void countsSentPendingAndGivenUpByChannelForTheAgencyAndMasksEveryAddress() throws Exception {
		AgencyId agency = agencies.defaultAgency().id();
		Subscription ann = confirmed(subscribed("ann@example.org", null));
		Subscription bob = confirmed(subscribed("bob@example.org", hook("/ok")));
		Subscription cal = confirmed(subscribed("cal@example.org", hook("/gone")));
		subscribed("dee@example.org", null);
		Subscription eve = confirmed(subscribed("eve@example.org", null));
		repository.unsubscribe(eve.id(), Instant.now());

		// mail up: every e-mail goes, cal's webhook fails twice and is given up
		notice(1);
		await().atMost(Duration.ofSeconds(20)).until(() -> count("NOTICE:1", "DELIVERED") == 4);
		redeliverUntil(() -> "FAILED".equals(state(cal.id(), "NOTICE:1#webhook")));
		// mail down: the e-mails of notice 2 fail twice and are given up; bob's webhook still gets it
		MAIL.stop();
		notice(2);
		await().atMost(Duration.ofSeconds(20)).until(() -> failedOnce("NOTICE:2") == 4);
		redeliverUntil(() -> count("NOTICE:2", "FAILED") == 4);
		// still down: notice 3's e-mails and cal's webhook wait for their second attempt
		notice(3);
		await().atMost(Duration.ofSeconds(20))
				.until(() -> failedOnce("NOTICE:3") == 4 && count("NOTICE:3", "DELIVERED") == 1);
		long refused = refused(agency, ann.id(),
				"550 5.1.1 <ann@example.org>: Recipient address rejected, see https://hooks.example.net/s3cret-path",
				Instant.now());
		outsideThePage(agency, ann.id());

		String page = page(staff("alertadmin1", Role.ADMIN));

		// e-mail: 5 confirmations and 3 of notice 1 sent; 3 of notice 3 waiting; 3 of notice 2 and 1 refused given up
		assertThat(row(page, "channel-email")).containsExactly("E-mail", "8", "3", "4");
		// webhook: bob's 3 notices sent; cal's notice 3 waiting; cal's notices 1 and 2 given up
		assertThat(row(page, "channel-webhook")).containsExactly("Webhook", "3", "1", "2");
		assertThat(text(page, "active-subscriptions")).isEqualTo("3");
		assertThat(text(page, "unconfirmed-subscriptions")).isEqualTo("1");

		List<String> failures = ids(page, "id=\"delivery-(\\d+)\"");
		assertThat(failures).hasSize(10).first().isEqualTo(Long.toString(refused));
		assertThat(row(page, "delivery-" + refused)).containsExactly(failedAt(refused, "failed_at"), "E-mail",
				"#" + ann.id(), "TEST:refused", "1", "given up",
				"550 5.1.1 &lt;[address]&gt;: Recipient address rejected, see [url]");
		long waiting = id(cal.id(), "NOTICE:3#webhook");
		assertThat(row(page, "delivery-" + waiting)).containsExactly(failedAt(waiting, "next_attempt_at"), "Webhook",
				"#" + cal.id(), "overdose notice 3", "1", "waiting for a retry", "webhook answered HTTP 410");
		assertThat(page).doesNotContain("other agency", "long ago");

		assertThat(ANY_ADDRESS.matcher(page).results().map(m -> m.group()).toList()).isEmpty();
		for (Subscription s : List.of(bob, cal)) {
			assertThat(page).doesNotContain(s.webhookUrl(), s.webhookSecret());
		}
	}

	@Test
	void isForAdministratorsAndSupervisorsOnly() throws Exception {
		assertThat(page(staff("alertsupervisor1", Role.SUPERVISOR))).contains("Resident alert delivery");

		MockHttpServletResponse anonymous = mvc.perform(get("/staff/alerts")).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(302);
		assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
		for (Role role : List.of(Role.OFFICER, Role.ANALYST, Role.PARTNER)) {
			String name = "alert" + role.name().toLowerCase() + "1";
			account(name, role);
			assertThat(mvc.perform(get("/staff/alerts").with(user(name).roles(role.name()))).andReturn().getResponse()
					.getStatus()).as(role.name()).isEqualTo(403);
		}
	}

	@Test
	void linkedFromTheNavigationForAdministratorsOnly() throws Exception {
		String admin = page(staff("alertadmin2", Role.ADMIN));
		assertThat(admin).contains("href=\"/staff/alerts\"");
		account("alertofficer2", Role.OFFICER);
		String queue = mvc.perform(get("/staff/reports").with(user("alertofficer2").roles("OFFICER"))).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(queue).contains("Reports and tips").doesNotContain("href=\"/staff/alerts\"");
	}

	Subscription subscribed(String email, String webhook) throws Exception {
		long id = subscriptions.subscribe(new AlertSubscriptions.Request(email, webhook, AlertPlace.RADIUS, null, LAT, LON,
				500.0, null, Set.of(), Subscription.Frequency.DAILY, false));
		await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(state(id, "CONFIRM")));
		return repository.find(id).orElseThrow();
	}

	Subscription confirmed(Subscription s) throws Exception {
		MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(s.email());
			}
			catch (Exception e) {
				return false;
			}
		}).findFirst().orElseThrow();
		String token = GreenMailUtil.getBody(mail).replace("=\r\n", "")
				.replaceAll("(?s).*confirm\\?token=([A-Za-z0-9_-]+).*", "$1");
		assertThat(subscriptions.confirm(token)).isPresent();
		return repository.find(s.id()).orElseThrow();
	}

	String hook(String path) {
		return "http://127.0.0.1:" + hooks.getAddress().getPort() + path;
	}

	void notice(int id) {
		transactions.executeWithoutResult(tx -> events.publishEvent(
				new ResidentNoticePublished(agencies.defaultAgency().id(), "jurisdiction", "STL", id)));
	}

	/** Resubmits the incomplete notices until the condition holds; a claim keeps overlapping runs from doubling. */
	void redeliverUntil(java.util.concurrent.Callable<Boolean> condition) {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			job.resubmit();
			return condition.call();
		});
	}

	/** A delivery the mail server refused, quoting the address, given up at its only attempt. */
	long refused(AgencyId agency, long subscription, String error, Instant at) {
		long id = deliveries.ensure(agency, subscription, "TEST:refused");
		assertThat(deliveries.claim(id, at, Duration.ofMinutes(5))).isTrue();
		assertThat(deliveries.failed(id, error, at, new AlertRetry(1, Duration.ZERO, Duration.ZERO))).isTrue();
		return id;
	}

	/** Rows the page must not count: finished 8 days ago, and of another agency. */
	void outsideThePage(AgencyId agency, long subscription) {
		Instant longAgo = Instant.now().minus(Duration.ofDays(8));
		long old = deliveries.ensure(agency, subscription, "TEST:old");
		deliveries.claim(old, longAgo, Duration.ofMinutes(5));
		deliveries.finished(old, "DELIVERED", longAgo);
		long oldFailure = deliveries.ensure(agency, subscription, "TEST:old#webhook");
		deliveries.claim(oldFailure, longAgo, Duration.ofMinutes(5));
		deliveries.failed(oldFailure, "long ago", longAgo, new AlertRetry(1, Duration.ZERO, Duration.ZERO));

		AgencyId other = agencies.ensure("alerthealth-other", "Other", ZoneId.of("America/Chicago"), "auto").id();
		long zed = repository.insert(new Subscription(0, other, "zed@example.org", null, null, AlertPlace.RADIUS, null,
				null, LAT, LON, 500.0, null, Set.of(), Subscription.Frequency.DAILY, false, "PENDING", Instant.now()));
		long sent = deliveries.ensure(other, zed, "CONFIRM");
		deliveries.claim(sent, Instant.now(), Duration.ofMinutes(5));
		deliveries.finished(sent, "DELIVERED", Instant.now());
		refused(other, zed, "other agency", Instant.now());
	}

	void account(String username, Role role) {
		if (accounts.findByUsername(username).isEmpty()) {
			accounts.create(new NewStaffAccount(agencies.defaultAgency().id(), username, username, Set.of(role), PASSWORD,
					false));
		}
	}

	/** A signed-in staff member with an account of the default agency. */
	UserRequestPostProcessor staff(String username, Role role) {
		account(username, role);
		return user(username).roles(role.name());
	}

	String page(org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/staff/alerts").with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	String state(long subscription, String period) {
		return jdbc.sql("SELECT state FROM alert_delivery WHERE subscription_id = :s AND period = :p")
				.param("s", subscription).param("p", period).query(String.class).optional().orElse(null);
	}

	long id(long subscription, String period) {
		return jdbc.sql("SELECT id FROM alert_delivery WHERE subscription_id = :s AND period = :p")
				.param("s", subscription).param("p", period).query(Long.class).single();
	}

	/** Rows of the notice's e-mails and webhooks in the state. */
	long count(String notice, String state) {
		return jdbc.sql("SELECT COUNT(*) FROM alert_delivery WHERE (period = :p OR period = :w) AND state = :state")
				.param("p", notice).param("w", notice + "#webhook").param("state", state).query(Long.class).single();
	}

	/** Rows of the notice waiting for a retry after one failed attempt. */
	long failedOnce(String notice) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM alert_delivery WHERE (period = :p OR period = :w) AND state = 'PENDING'
				AND attempts = 1 AND last_error IS NOT NULL""")
				.param("p", notice).param("w", notice + "#webhook").query(Long.class).single();
	}

	/** The column's time as the page writes it, in the agency's zone. */
	String failedAt(long delivery, String column) {
		OffsetDateTime t = jdbc.sql("SELECT " + column + " FROM alert_delivery WHERE id = :id").param("id", delivery)
				.query(OffsetDateTime.class).single();
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(agencies.defaultAgency().timeZone())
				.format(t.toInstant());
	}

	/** The cells of the table row with this id, as written in the HTML. */
	static List<String> row(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("page has row " + id).isNotNegative();
		String tr = page.substring(start, page.indexOf("</tr>", start));
		List<String> cells = new ArrayList<>();
		Matcher m = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(tr);
		while (m.find()) {
			cells.add(m.group(1).trim());
		}
		return cells;
	}

	static String text(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
		assertThat(m.find()).as("page has " + id).isTrue();
		return m.group(1).trim();
	}

	static List<String> ids(String page, String regex) {
		return Pattern.compile(regex).matcher(page).results().map(m -> m.group(1)).toList();
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
