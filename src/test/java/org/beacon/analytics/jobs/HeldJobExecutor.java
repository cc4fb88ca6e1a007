package org.beacon.analytics.jobs;

import java.util.ArrayDeque;
import java.util.Queue;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test configuration: analysis jobs wait until the test runs them on its own thread ({@link #runAll()}), so a
 * test sees a job running, cancels it while it waits, or polls it done, without racing a background thread.
 */
@TestConfiguration(proxyBeanMethods = false)
public class HeldJobExecutor {

	@Bean
	Held heldJobs() {
		return new Held();
	}

	/** The executor; {@link #runAll()} runs what waits, in order. */
	public static class Held implements JobExecutor {

		private final Queue<Runnable> waiting = new ArrayDeque<>();

		@Override
		public synchronized void execute(Runnable job) {
			waiting.add(job);
		}

		/** Runs every waiting job on the caller's thread; returns how many ran. */
		public int runAll() {
			int ran = 0;
			for (Runnable job = next(); job != null; job = next()) {
				job.run();
				ran++;
			}
			return ran;
		}

		private synchronized Runnable next() {
			return waiting.poll();
		}
	}
}
