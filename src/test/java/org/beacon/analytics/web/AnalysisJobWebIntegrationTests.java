package org.beacon.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;

import org.beacon.analytics.AnalyticsTestIncidents;
import org.beacon.analytics.jobs.AnalysisJobs;
import org.beacon.analytics.jobs.HeldJobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job endpoints over the four test burglaries (3 January to 11 January 2024). Jobs wait until the test
 * runs them ({@link HeldJobExecutor}), so each state is seen without racing a background thread.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ AnalyticsTestIncidents.class, HeldJobExecutor.class })
class AnalysisJobWebIntegrationTests {

	/** Weekly naive backtest over the two whole weeks of 1 to 14 January 2024. */
	private static final String BACKTEST = "backtest?category=burglary&cell=500&from=2024-01-01&to=2024-01-14&forecast=naive";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RequestPostProcessor ANA = user("ana").roles("ANALYST");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	HeldJobExecutor.Held held;

	@Autowired
	AnalysisJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void runWhatWaits() {
		held.runAll();
	}

	@Test
	void startsAJobThatIsPolledUntilDoneWithTheSynchronousResult() {
		MvcTestResult started = mvc.post().uri("/api/analytics/jobs/" + BACKTEST).with(ANA).exchange();

		assertThat(started).hasStatus(HttpStatus.ACCEPTED);
		JsonNode job = json(started);
		String id = job.get("id").stringValue();
		assertThat(started.getResponse().getHeader("Location")).isEqualTo("http://localhost/api/analytics/jobs/" + id);
		assertThat(job.get("state").stringValue()).isEqualTo("running");
		assertThat(job.get("label").stringValue()).isEqualTo("waiting to start");
		assertThat(job.get("done").asLong()).isZero();
		assertThat(job.get("method").stringValue()).isEqualTo("backtest");
		assertThat(job.has("result")).isFalse();
		assertThat(mvc.get().uri("/api/analytics/jobs/" + id + "/result").with(ANA).exchange())
			.hasStatus(HttpStatus.CONFLICT).bodyText().contains("still running");

		assertThat(held.runAll()).isEqualTo(1);
		JsonNode done = json(mvc.get().uri("/api/analytics/jobs/" + id).with(ANA).exchange());
		MvcTestResult synchronous = mvc.get().uri("/api/analytics/" + BACKTEST).with(ANA).exchange();

		assertThat(done.get("state").stringValue()).isEqualTo("done");
		assertThat(done.get("done").asLong()).isEqualTo(2);
		assertThat(done.get("total").asLong()).isEqualTo(2);
		assertThat(done.get("label").stringValue()).isEqualTo("week 2 of 2");
		assertThat(done.get("eta_seconds").isNull()).isTrue();
		assertThat(done.get("elapsed_seconds").asDouble()).isNotNegative();
		assertThat(done.get("result_url").stringValue()).isEqualTo("/api/analytics/jobs/" + id + "/result");
		assertThat(done.get("result")).isEqualTo(json(synchronous));
		assertThat(done.get("result").get("rows")).hasSize(2);

		MvcTestResult csv = mvc.get().uri("/api/analytics/jobs/" + id + "/result?format=csv").with(ANA).exchange();
		MvcTestResult syncCsv = mvc.get().uri("/api/analytics/" + BACKTEST + "&format=csv").with(ANA).exchange();
		assertThat(csv).hasStatusOk().hasHeader("Content-Disposition", "attachment; filename=\"beacon-backtest.csv\"");
		assertThat(body(csv)).startsWith("period_start,events,pai_1")
			.isEqualTo(body(syncCsv));
	}

	@Test
	void answersTheResultOfACellMethodAsGeoJson() {
		String id = json(mvc.post().uri("/api/analytics/jobs/gistar?cell=500").with(ANA).exchange()).get("id").stringValue();
		held.runAll();

		MvcTestResult geojson = mvc.get().uri("/api/analytics/jobs/" + id + "/result?format=geojson").with(ANA).exchange();
		MvcTestResult synchronous = mvc.get().uri("/api/analytics/gistar?cell=500&format=geojson").with(ANA).exchange();

		assertThat(geojson).hasStatusOk().hasContentType("application/geo+json");
		assertThat(body(geojson))
			.isEqualTo(body(synchronous));
	}

	@Test
	void cancelsAWaitingJobWhichThenNeverRuns() {
		String id = json(mvc.post().uri("/api/analytics/jobs/knox?from=2023-06-01").with(ANA).exchange()).get("id")
			.stringValue();

		MvcTestResult cancelled = mvc.delete().uri("/api/analytics/jobs/" + id).with(ANA).exchange();
		assertThat(cancelled).hasStatusOk();
		assertThat(json(cancelled).get("state").stringValue()).isEqualTo("cancelled");

		held.runAll();
		JsonNode after = json(mvc.get().uri("/api/analytics/jobs/" + id).with(ANA).exchange());
		assertThat(after.get("state").stringValue()).isEqualTo("cancelled");
		assertThat(after.get("label").stringValue()).as("it never read its incidents").isEqualTo("waiting to start");
		assertThat(mvc.get().uri("/api/analytics/jobs/" + id + "/result").with(ANA).exchange())
			.hasStatus(HttpStatus.CONFLICT).bodyText().contains("cancelled");

		// deleting a finished job forgets it
		assertThat(mvc.delete().uri("/api/analytics/jobs/" + id).with(ANA).exchange()).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/analytics/jobs/" + id).with(ANA).exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void showsAJobOnlyToWhoStartedItAndToAdministrators() {
		String id = json(mvc.post().uri("/api/analytics/jobs/counts?cell=500").with(ANA).exchange()).get("id")
			.stringValue();
		held.runAll();

		MvcTestResult other = mvc.get().uri("/api/analytics/jobs/" + id).with(user("bob").roles("ANALYST")).exchange();
		assertThat(other).hasStatus(HttpStatus.NOT_FOUND).bodyText().contains("no analysis job");
		assertThat(mvc.delete().uri("/api/analytics/jobs/" + id).with(user("bob").roles("SUPERVISOR")).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/analytics/jobs/" + id + "/result").with(user("bob").roles("ANALYST")).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/analytics/jobs/" + id).with(user("olly").roles("OFFICER")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/analytics/jobs/counts").with(user("olly").roles("OFFICER")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult admin = mvc.get().uri("/api/analytics/jobs/" + id).with(user("root").roles("ADMIN")).exchange();
		assertThat(admin).hasStatusOk();
		assertThat(json(admin).get("started_by").stringValue()).isEqualTo("ana");
		assertThat(json(admin).get("state").stringValue()).isEqualTo("done");
	}

	@Test
	void refusesABadMethodOrParameterNamingItAndStartsNothing() {
		int before = jobCount();

		assertBadRequest("/api/analytics/jobs/hexbins", "method", "method must be one of counts, kde");
		assertBadRequest("/api/analytics/jobs/backtest?cell=abc&from=2024-01-01&to=2024-01-14", "cell",
				"cell must be a number of metres; was 'abc'");
		assertBadRequest("/api/analytics/jobs/backtest?to=2024-01-14", "from", "a backtest needs from and to");
		assertBadRequest("/api/analytics/jobs/kde?kernel=triangle", "kernel", "kernel must be quartic, gaussian or");
		assertBadRequest("/api/analytics/jobs/counts?from=2024-13-01", "from", "from must be a date as yyyy-MM-dd");
		assertBadRequest("/api/analytics/jobs/counts?category=jaywalking", "category", "unknown category 'jaywalking'");
		assertBadRequest("/api/analytics/jobs/allocate?units=0", "units", "units must be at least 1");
		assertBadRequest("/api/analytics/jobs/counts?cell=20", "cell", "cell must be at least 50.0 m");

		assertThat(jobCount()).isEqualTo(before);
	}

	@Test
	void letsAUserRunThreeJobsAtOnce() {
		RequestPostProcessor many = user("many").roles("ANALYST");
		for (int k = 0; k < AnalysisJobs.MAX_RUNNING_PER_USER; k++) {
			assertThat(mvc.post().uri("/api/analytics/jobs/counts").with(many).exchange()).hasStatus(HttpStatus.ACCEPTED);
		}

		assertThat(mvc.post().uri("/api/analytics/jobs/counts").with(many).exchange())
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS).bodyText().contains("3 analyses running");
		held.runAll();
		assertThat(mvc.post().uri("/api/analytics/jobs/counts").with(many).exchange()).hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void servesThePageItsJobsUnderItsSessionWithTheCsrfToken() {
		MvcTestResult withoutToken = mvc.post().uri("/analytics/data/jobs/counts").with(ANA).exchange();
		MvcTestResult started = mvc.post().uri("/analytics/data/jobs/counts?cell=500").with(ANA).with(csrf()).exchange();

		assertThat(withoutToken).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(started).hasStatus(HttpStatus.ACCEPTED);
		String id = json(started).get("id").stringValue();
		assertThat(json(started).get("url").stringValue()).isEqualTo("/analytics/data/jobs/" + id);
		held.runAll();
		JsonNode done = json(mvc.get().uri("/analytics/data/jobs/" + id).with(ANA).exchange());
		assertThat(done.get("result_url").stringValue()).isEqualTo("/analytics/data/jobs/" + id + "/result");
		assertThat(done.get("result").get("rows")).hasSize(2);
	}

	private void assertBadRequest(String uri, String parameter, String message) {
		MvcTestResult result = mvc.post().uri(uri).with(ANA).exchange();
		assertThat(result).as(uri).hasStatus(HttpStatus.BAD_REQUEST);
		JsonNode body = json(result);
		assertThat(body.get("parameter").stringValue()).as(uri).isEqualTo(parameter);
		assertThat(body.get("error").stringValue()).as(uri).contains(message);
	}

	private int jobCount() {
		return jdbc.sql("SELECT count(*) FROM analysis_job").query(Integer.class).single();
	}

	private static JsonNode json(MvcTestResult result) {
		return JSON.readTree(body(result));
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}
}
