package org.beacon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.beacon.BeaconApplication;
import org.beacon.TestDatabaseEnvironment;
import org.beacon.agency.Agencies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Two application nodes on one database, as behind a load balancer: a staff member signs in on one node
 * and is signed in on the other, because the session lives in the database; signing out on either ends it
 * on both. Real HTTP, real cookies, the real login form.
 */
class SharedSessionIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
	private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	static ConfigurableApplicationContext nodeA;
	static ConfigurableApplicationContext nodeB;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void startTwoNodes() {
		String database = TestDatabaseEnvironment.newDatabaseName();
		nodeA = node(database);
		nodeB = node(database);
	}

	@AfterAll
	static void stopNodes() {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
	}

	private static ConfigurableApplicationContext node(String database) {
		return new SpringApplicationBuilder(BeaconApplication.class)
				.properties(Map.of("server.port", "0", TestDatabaseEnvironment.SHARED_DATABASE, database,
						"beacon.sessions.store", "jdbc", "spring.main.banner-mode", "off"))
				.run();
	}

	@Test
	void aSessionStartedOnOneNodeIsHonouredAndEndedOnTheOther() throws Exception {
		StaffAccount nurse = IdentityFixtures.account(nodeA.getBean(StaffAccounts.class), nodeA.getBean(Agencies.class),
				"nurse", Role.CASE_MANAGER);

		HttpResponse<String> loginPage = get(nodeA, "/login", null);
		String anonymous = sessionCookie(loginPage);
		HttpResponse<String> login = post(nodeA, "/login", anonymous, Map.of("username", nurse.username(), "password",
				IdentityFixtures.PASSWORD, "_csrf", csrf(loginPage.body())));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		String session = sessionCookie(login);
		assertThat(session).as("a new session id after login (fixation protection)").isNotEqualTo(anonymous);
		assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Lax");

		HttpResponse<String> onB = get(nodeB, "/account", session);
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains(nurse.username());

		JdbcClient db = JdbcClient.create(nodeA.getBean(javax.sql.DataSource.class));
		assertThat(db.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
				.param(nurse.username()).query(Integer.class).single()).isEqualTo(30 * 60);

		HttpResponse<String> logout = post(nodeB, "/logout", session, Map.of("_csrf", csrf(onB.body())));
		assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));

		HttpResponse<String> afterLogout = get(nodeA, "/account", session);
		assertThat(afterLogout.statusCode()).isEqualTo(302);
		assertThat(afterLogout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(db.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(nurse.username())
				.query(Integer.class).single()).isZero();
	}

	@Test
	void endsASessionIdleForMoreThanThirtyMinutes() throws Exception {
		StaffAccount idle = IdentityFixtures.account(nodeA.getBean(StaffAccounts.class), nodeA.getBean(Agencies.class),
				"idle", Role.ANALYST);
		HttpResponse<String> loginPage = get(nodeA, "/login", null);
		String session = sessionCookie(post(nodeA, "/login", sessionCookie(loginPage), Map.of("username",
				idle.username(), "password", IdentityFixtures.PASSWORD, "_csrf", csrf(loginPage.body()))));
		@SuppressWarnings("unchecked")
		FindByIndexNameSessionRepository<Session> sessions = nodeA.getBean(FindByIndexNameSessionRepository.class);
		JdbcClient db = JdbcClient.create(nodeA.getBean(javax.sql.DataSource.class));

		assertThat(sessions.findByPrincipalName(idle.username()).values()).singleElement()
				.satisfies(stored -> assertThat(stored.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30)));
		assertThat(db.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
				.param(idle.username()).query(Integer.class).single()).isEqualTo(1800);

		lastUsed(db, idle, Duration.ofMinutes(29));
		assertThat(get(nodeB, "/account", session).statusCode()).as("idle 29 minutes: still signed in").isEqualTo(200);

		lastUsed(db, idle, Duration.ofMinutes(31));
		HttpResponse<String> expired = get(nodeB, "/account", session);
		assertThat(expired.statusCode()).isEqualTo(302);
		assertThat(expired.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	/** Sets when the account's session was last used, as if it had been idle for {@code ago}. */
	private static void lastUsed(JdbcClient db, StaffAccount account, Duration ago) {
		long at = System.currentTimeMillis() - ago.toMillis();
		db.sql("UPDATE spring_session SET last_access_time = ?, expiry_time = ? WHERE principal_name = ?")
				.param(at).param(at + Duration.ofMinutes(30).toMillis()).param(account.username()).update();
	}

	private HttpResponse<String> get(ConfigurableApplicationContext node, String path, String session)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).GET();
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ConfigurableApplicationContext node, String path, String session,
			Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet().stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(uri(node, path))
				.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + session)
				.POST(HttpRequest.BodyPublishers.ofString(body)).build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext node, String path) {
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	private static String sessionCookie(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
				.map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no SESSION cookie"));
	}
}
