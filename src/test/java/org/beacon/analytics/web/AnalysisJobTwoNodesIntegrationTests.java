package org.beacon.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.beacon.BeaconApplication;
import org.beacon.TestDatabaseEnvironment;
import org.beacon.agency.Agencies;
import org.beacon.identity.IdentityFixtures;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccount;
import org.beacon.identity.StaffAccounts;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.IncidentImports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two application nodes on one database, as behind a load balancer: a job started on node A is polled to
 * its end on node B, whose answer carries the result node B computes synchronously, and is forgotten on B
 * so A no longer knows it. Real HTTP with HTTP Basic; the 300-row December 2020 SLMPD excerpt (255 with
 * coordinates) as incidents.
 */
class AnalysisJobTwoNodesIntegrationTests {

	/** Weekly naive backtest over the three whole weeks from Monday 30 November to Sunday 20 December 2020 (the incidents fall on 1 to 3 December). */
	private static final String BACKTEST = "backtest?from=2020-11-30&to=2020-12-20&cell=300";

	/** How long node B is polled at most: far beyond the run's fraction of a second, for a busy machine. */
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static ConfigurableApplicationContext nodeA;
	static ConfigurableApplicationContext nodeB;
	static String basic;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTwoNodesWithIncidents() throws IOException {
		String database = TestDatabaseEnvironment.newDatabaseName();
		nodeA = node(database);
		nodeB = node(database);
		Agencies agencies = nodeA.getBean(Agencies.class);
		StaffAccount analyst = IdentityFixtures.account(nodeA.getBean(StaffAccounts.class), agencies, "two-nodes",
				Role.ANALYST);
		basic = "Basic " + Base64.getEncoder().encodeToString((analyst.username() + ":" + IdentityFixtures.PASSWORD)
				.getBytes(StandardCharsets.UTF_8));
		nodeA.getBean(IncidentImports.class).importFile(agencies.defaultAgency().id(),
				new ClassPathResource("staffweb/stl-sample.csv").getFile().toPath(), "stl-slmpd", Map.of(),
				ImportProgress.NONE);
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
						"spring.main.banner-mode", "off"))
				.run();
	}

	@Test
	void aJobStartedOnOneNodeIsPolledToItsResultAndForgottenOnTheOther() throws Exception {
		HttpResponse<String> started = send(nodeA, "POST", "/api/analytics/jobs/" + BACKTEST);
		assertThat(started.statusCode()).isEqualTo(202);
		String id = JSON.readTree(started.body()).get("id").stringValue();
		assertThat(started.headers().firstValue("Location")).hasValueSatisfying(
				l -> assertThat(l).endsWith("/api/analytics/jobs/" + id));

		JsonNode job = pollUntilFinished(nodeB, id);
		HttpResponse<String> synchronous = send(nodeB, "GET", "/api/analytics/" + BACKTEST);

		assertThat(job.get("state").stringValue()).isEqualTo("done");
		assertThat(job.get("done").asLong()).isEqualTo(3);
		assertThat(job.get("total").asLong()).isEqualTo(3);
		assertThat(job.get("label").stringValue()).isEqualTo("week 3 of 3");
		assertThat(synchronous.statusCode()).isEqualTo(200);
		assertThat(job.get("result")).isEqualTo(JSON.readTree(synchronous.body()));
		assertThat(job.get("result").get("rows")).hasSize(3);
		JsonNode firstWeek = job.get("result").get("rows").get(0);
		assertThat(firstWeek.get(0).stringValue()).isEqualTo("2020-11-30");
		// 255 rows with coordinates: 254 counted, one of them reversed by the 255th (Count -1, unfounded)
		assertThat(firstWeek.get(1).asLong()).as("incidents of 1 to 3 December").isEqualTo(253);

		assertThat(send(nodeB, "DELETE", "/api/analytics/jobs/" + id).statusCode()).isEqualTo(204);
		assertThat(send(nodeA, "GET", "/api/analytics/jobs/" + id).statusCode()).isEqualTo(404);
	}

	private JsonNode pollUntilFinished(ConfigurableApplicationContext node, String id) throws Exception {
		Instant giveUp = Instant.now().plus(PATIENCE);
		while (true) {
			HttpResponse<String> poll = send(node, "GET", "/api/analytics/jobs/" + id);
			assertThat(poll.statusCode()).isEqualTo(200);
			JsonNode job = JSON.readTree(poll.body());
			if (!job.get("state").stringValue().equals("running") || Instant.now().isAfter(giveUp)) {
				return job;
			}
			Thread.sleep(100);
		}
	}

	private HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", basic).method(method, HttpRequest.BodyPublishers.noBody()).build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}
}
