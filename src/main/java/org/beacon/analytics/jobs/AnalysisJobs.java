package org.beacon.analytics.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.beacon.analytics.AnalysisCancelledException;
import org.beacon.analytics.AnalysisTable;
import org.beacon.shared.AgencyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs analyses in the background on this node and keeps their state in {@code analysis_job}: progress,
 * result, failure, cancellation. Any node answers a poll or a cancellation from the table; the node running
 * a job learns of a cancellation at its next progress write or heartbeat. Only the user who started a job,
 * or an administrator, sees it. Starting a job deletes jobs last updated more than {@link #KEEP} ago.
 */
@Service
public class AnalysisJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AnalysisJobs.class);

	/** Analyses are CPU-bound and Knox is parallel inside: two at a time per node. */
	static final int THREADS = 2;

	/** Enough to compare a few settings side by side; more would only queue behind each other. */
	public static final int MAX_RUNNING_PER_USER = 3;

	/** Results are there for the page that asked; a day later they go. */
	static final Duration KEEP = Duration.ofDays(1);

	/** A running job's row is touched this often even while one unit takes long. */
	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	static final String WAITING = "waiting to start";

	private final AnalysisJobRepository repository;
	private final Analyses analyses;
	private final Clock clock;
	private final ExecutorService ownExecutor;
	private final JobExecutor executor;
	/** Jobs running (or waiting) on this node, for the heartbeat and a quick local cancel; not shared. */
	private final Map<String, JobProgress> local = new ConcurrentHashMap<>();
	private ScheduledExecutorService heartbeat;

	AnalysisJobs(AnalysisJobRepository repository, Analyses analyses, ObjectProvider<Clock> clock,
			ObjectProvider<JobExecutor> executor) {
		this.repository = repository;
		this.analyses = analyses;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		JobExecutor supplied = executor.getIfAvailable();
		this.ownExecutor = supplied == null ? Executors.newFixedThreadPool(THREADS, daemons("beacon-analysis-")) : null;
		this.executor = supplied != null ? supplied : ownExecutor::execute;
	}

	/**
	 * Starts a job and returns it at once, running (waiting for a thread of this node).
	 *
	 * @throws TooManyJobsException when the user has {@link #MAX_RUNNING_PER_USER} jobs running
	 */
	public AnalysisJob start(AgencyId agency, AnalysisRequest request, String user) {
		OffsetDateTime now = now();
		int expired = repository.expire(now.minus(KEEP));
		if (expired > 0) {
			log.debug("Deleted {} analysis jobs older than {}", expired, KEEP);
		}
		int running = repository.running(user, now.minus(AnalysisJob.STALE_AFTER));
		if (running >= MAX_RUNNING_PER_USER) {
			throw new TooManyJobsException(running);
		}
		String id = UUID.randomUUID().toString();
		repository.insert(id, agency, request.method(), request.parameters(), user, WAITING, now);
		JobProgress progress = new JobProgress(id, repository, clock);
		local.put(id, progress);
		startHeartbeat();
		executor.execute(() -> run(agency, request, progress));
		return repository.find(agency, id).orElseThrow();
	}

	/**
	 * The job, when {@code user} may see it (started it, or is an administrator). A running job whose node
	 * stopped writing is failed first.
	 */
	public Optional<AnalysisJob> find(AgencyId agency, String id, String user, boolean admin) {
		Optional<AnalysisJob> job = repository.find(agency, id)
				.filter(j -> admin || j.startedBy().equals(user));
		OffsetDateTime now = now();
		if (job.isPresent() && job.get().stalled(now)
				&& repository.failStalled(id, now.minus(AnalysisJob.STALE_AFTER),
						"stopped: the server running it went away; start the analysis again", now)) {
			return repository.find(agency, id);
		}
		return job;
	}

	/** A done job's table; empty while running, or when failed or cancelled. */
	public Optional<AnalysisTable> result(AnalysisJob job) {
		return repository.result(job.id()).map(StoredTables::read);
	}

	/**
	 * Cancels a running job (true), on whichever node it runs; it stops at its next unit. False when it had
	 * ended already.
	 */
	public boolean cancel(AnalysisJob job) {
		boolean cancelled = repository.cancel(job.id(), now());
		JobProgress progress = local.get(job.id());
		if (progress != null) {
			progress.cancel();
		}
		return cancelled;
	}

	/** Forgets a finished job and its result. */
	public void delete(AnalysisJob job) {
		repository.delete(job.id());
	}

	@Override
	public void destroy() throws InterruptedException {
		for (JobProgress progress : local.values()) {
			progress.cancel();
			repository.finish(progress.id(), AnalysisJob.State.FAILED, null,
					"stopped: the server shut down; start the analysis again", now());
		}
		synchronized (this) {
			if (heartbeat != null) {
				heartbeat.shutdownNow();
			}
		}
		if (ownExecutor != null) {
			ownExecutor.shutdownNow();
			ownExecutor.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	private void run(AgencyId agency, AnalysisRequest request, JobProgress progress) {
		String id = progress.id();
		long started = System.nanoTime();
		try {
			progress.phase("reading incidents");
			if (progress.cancelled()) {
				return;
			}
			AnalysisTable table = analyses.run(agency, request, progress);
			if (repository.finish(id, AnalysisJob.State.DONE, StoredTables.write(table), null, now())) {
				log.info("Analysis job {} ({}) done in {} s", id, request.method(),
						Math.round((System.nanoTime() - started) / 1e9));
			}
		}
		catch (AnalysisCancelledException e) {
			log.info("Analysis job {} ({}) cancelled", id, request.method());
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			repository.finish(id, AnalysisJob.State.FAILED, null, e.getMessage(), now());
		}
		catch (RuntimeException | OutOfMemoryError e) {
			log.error("Analysis job {} ({}) failed", id, request.method(), e);
			repository.finish(id, AnalysisJob.State.FAILED, null, "failed: " + e, now());
		}
		finally {
			local.remove(id);
		}
	}

	private synchronized void startHeartbeat() {
		if (heartbeat == null) {
			heartbeat = Executors.newSingleThreadScheduledExecutor(daemons("beacon-analysis-heartbeat-"));
			long millis = HEARTBEAT.toMillis();
			heartbeat.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	private void beat() {
		for (JobProgress progress : local.values()) {
			try {
				progress.beat();
			}
			catch (RuntimeException e) {
				// the database is away for a moment; the next beat tries again
				log.warn("Analysis job {}: heartbeat failed: {}", progress.id(), e.getMessage());
			}
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	private static ThreadFactory daemons(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
