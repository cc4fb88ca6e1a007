package org.beacon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several nodes of one deployment taking leases on each module's lock table: one holder at a time. The job row
 * is the test's own, so the schedulers of the running application never hold it.
 */
@SpringBootTest
class JobLeasesIntegrationTests {

	static final String JOB = "test.lease";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@ParameterizedTest
	@ValueSource(strings = { "job_lock", "alert_job_lock" })
	void aSecondNodeWaitsUntilTheFirstReleasesTheLease(String table) {
		JobLeases first = freshRow(table);
		JobLeases second = node(table);

		assertThat(first.tryLock(JOB, Duration.ofMinutes(5))).isTrue();
		assertThat(second.tryLock(JOB, Duration.ofMinutes(5))).isFalse();
		assertThat(first.tryLock(JOB, Duration.ofMinutes(5))).as("the holder renews").isTrue();
		second.unlock(JOB);
		assertThat(first.tryLock(JOB, Duration.ofMinutes(5))).as("only the holder can release").isTrue();
		first.unlock(JOB);
		assertThat(second.tryLock(JOB, Duration.ofMinutes(5))).isTrue();
		assertThat(holder(table)).isEqualTo(second.node());
	}

	@ParameterizedTest
	@ValueSource(strings = { "job_lock", "alert_job_lock" })
	void aLeaseLeftByADeadNodeExpires(String table) {
		JobLeases deadNode = freshRow(table);
		assertThat(deadNode.tryLock(JOB, Duration.ofSeconds(-1))).isTrue(); // already expired

		JobLeases live = node(table);
		assertThat(live.tryLock(JOB, Duration.ofMinutes(5))).isTrue();
		assertThat(holder(table)).isEqualTo(live.node());
	}

	@ParameterizedTest
	@ValueSource(strings = { "job_lock", "alert_job_lock" })
	void ofNodesRacingForAFreeLeaseExactlyOneWins(String table) throws Exception {
		freshRow(table);
		int nodes = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < nodes; i++) {
			JobLeases node = node(table);
			attempts.add(() -> {
				start.await();
				return node.tryLock(JOB, Duration.ofMinutes(5));
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(nodes);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (Callable<Boolean> attempt : attempts) {
				results.add(pool.submit(attempt));
			}
			start.countDown();
			int winners = 0;
			for (Future<Boolean> result : results) {
				winners += result.get() ? 1 : 0;
			}
			assertThat(winners).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refusesATableNameThatSqlWouldReadAsMore() {
		assertThatThrownBy(() -> node("job_lock; DROP TABLE job_lock")).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("table must be a plain lower-case SQL name; was 'job_lock; DROP TABLE job_lock'");
	}

	/** A node of its own, and the test's job row in {@code table}, free since 2000. */
	private JobLeases freshRow(String table) {
		jdbc.sql("DELETE FROM " + table + " WHERE name = :name").param("name", JOB).update();
		jdbc.sql("INSERT INTO " + table + " (name, locked_by, locked_until) VALUES (:name, NULL, "
				+ "TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00:00')").param("name", JOB).update();
		return node(table);
	}

	private JobLeases node(String table) {
		return new JobLeases(jdbc, table, context.getBeanProvider(Clock.class));
	}

	private String holder(String table) {
		return jdbc.sql("SELECT locked_by FROM " + table + " WHERE name = :name").param("name", JOB).query(String.class)
				.single();
	}
}
