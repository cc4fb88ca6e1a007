package org.beacon.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.beacon.agency.Agencies;
import org.beacon.analytics.AnalysisOptions;
import org.beacon.analytics.AnalyticsTestIncidents;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The job table as two nodes share it: progress written by the running node, a cancellation made on
 * another node noticed at the next write or heartbeat, a node that stopped writing, and old jobs expiring.
 * (Same context as the web tests of jobs, so it is started once.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ AnalyticsTestIncidents.class, HeldJobExecutor.class })
class AnalysisJobsIntegrationTests {

	@Autowired
	AnalysisJobRepository repository;

	@Autowired
	AnalysisJobs jobs;

	@Autowired
	HeldJobExecutor.Held held;

	@Autowired
	Agencies agencies;

	@Test
	void writesProgressAtMostTwiceASecondAndNoticesACancellationMadeElsewhere() {
		TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		String id = insert("progress-1", clock.now());
		JobProgress progress = new JobProgress(id, repository, clock);

		progress.progressed(1, 10, "week 1 of 10");
		clock.advanceMillis(100);
		progress.progressed(2, 10, "week 2 of 10");

		AnalysisJob written = find(id);
		// the second report came 100 ms after the first: not written
		assertThat(written.done()).isEqualTo(1);
		assertThat(written.total()).isEqualTo(10);
		assertThat(written.label()).isEqualTo("week 1 of 10");
		assertThat(written.countingSince()).isNotNull();

		assertThat(repository.cancel(id, clock.now())).isTrue();
		clock.advanceMillis(100);
		progress.progressed(3, 10, "week 3 of 10");
		assertThat(progress.cancelled()).as("no write yet, so nothing noticed").isFalse();
		clock.advanceMillis(JobProgress.WRITE_INTERVAL_MILLIS);
		progress.progressed(4, 10, "week 4 of 10");

		assertThat(progress.cancelled()).isTrue();
		AnalysisJob cancelled = find(id);
		assertThat(cancelled.state()).isEqualTo(AnalysisJob.State.CANCELLED);
		assertThat(cancelled.done()).as("the cancelled row takes no more progress").isEqualTo(1);
	}

	@Test
	void heartbeatKeepsARunningJobAliveAndNoticesACancellation() {
		TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		String id = insert("beat-1", clock.now().minusMinutes(1));
		JobProgress progress = new JobProgress(id, repository, clock);

		progress.beat();
		assertThat(find(id).updatedAt().toInstant()).isEqualTo(clock.instant());
		assertThat(progress.cancelled()).isFalse();

		repository.cancel(id, clock.now());
		progress.beat();
		assertThat(progress.cancelled()).isTrue();
	}

	@Test
	void failsARunningJobWhoseNodeStoppedWriting() {
		String id = insert("stalled-1", OffsetDateTime.now().minus(AnalysisJob.STALE_AFTER).minusSeconds(5));

		AnalysisJob job = jobs.find(agency(), id, "someone-else", true).orElseThrow();

		assertThat(job.state()).isEqualTo(AnalysisJob.State.FAILED);
		assertThat(job.error()).startsWith("stopped: the server running it went away");
	}

	@Test
	void startingAJobDeletesJobsLastUpdatedMoreThanADayAgo() {
		OffsetDateTime twoDaysAgo = OffsetDateTime.now().minusDays(2);
		String old = insert("old-1", twoDaysAgo);
		repository.finish(old, AnalysisJob.State.DONE, "{}", null, twoDaysAgo);
		String recent = insert("recent-1", OffsetDateTime.now().minusHours(1));
		repository.finish(recent, AnalysisJob.State.DONE, "{}", null, OffsetDateTime.now().minusHours(1));

		AnalysisJob started = jobs.start(agency(), new AnalysisRequest("counts", Set.of(), AnalysisOptions.defaults(),
				""), "expiry-tester");
		held.runAll();

		assertThat(repository.find(agency(), old)).isEmpty();
		assertThat(repository.find(agency(), recent)).isPresent();
		assertThat(find(started.id()).state()).isEqualTo(AnalysisJob.State.DONE);
	}

	private String insert(String id, OffsetDateTime at) {
		repository.insert(id, agency(), "backtest", "from=2024-01-01&to=2024-01-14", "tester", "waiting to start", at);
		return id;
	}

	private AnalysisJob find(String id) {
		return repository.find(agency(), id).orElseThrow();
	}

	private AgencyId agency() {
		return agencies.defaultAgency().id();
	}

	/** A clock the test moves. */
	static final class TestClock extends Clock {

		private Instant now;

		TestClock(Instant start) {
			this.now = start;
		}

		void advanceMillis(long millis) {
			now = now.plusMillis(millis);
		}

		OffsetDateTime now() {
			return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
