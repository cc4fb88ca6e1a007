package org.beacon.staffweb.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import org.beacon.identity.AuditTrail;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.ImportRejectedException;
import org.beacon.incidents.ImportResult;
import org.beacon.incidents.IncidentImports;
import org.beacon.shared.AgencyId;
import org.beacon.shared.CountingInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs incident imports in the background on this node and keeps their status in {@code import_job}, so a
 * progress poll answered by any node sees it. The upload is a file on this node's disk; only the status is
 * shared.
 */
@Service
public class ImportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** How many rejected rows a job keeps for the page; the importer's own report has them all. */
	static final int ERRORS_SHOWN = 20;

	/** Progress is written at most this often, so a fast import does not spend its time on status rows. */
	private static final long PROGRESS_INTERVAL_MILLIS = 500;

	/** Progress goes to the log this often, for whoever watches the console (e.g. the demo load). */
	private static final long LOG_INTERVAL_MILLIS = 10_000;

	/** Two concurrent imports per node at most; more would only compete for the same database. */
	private static final int THREADS = 2;

	private final ImportJobRepository repository;
	private final IncidentImports imports;
	private final ObjectProvider<AuditTrail> auditTrail;
	private final Clock clock;
	private final ExecutorService executor;

	ImportJobs(ImportJobRepository repository, IncidentImports imports, ObjectProvider<AuditTrail> auditTrail,
			ObjectProvider<Clock> clock) {
		this.repository = repository;
		this.imports = imports;
		this.auditTrail = auditTrail;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(THREADS, task -> {
			Thread thread = new Thread(task, "beacon-import-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Who started an import and from where, for the audit trail (the work runs outside the request). */
	public record Requester(String user, String address) {
	}

	/**
	 * Starts importing an uploaded file that was saved to {@code file}; the file is deleted when the job
	 * ends. Returns the job id at once.
	 */
	public String start(AgencyId agency, Path file, String sourceName, String profile, Map<String, String> columns,
			Requester requester) {
		String id = UUID.randomUUID().toString();
		long size = sizeOf(file);
		repository.insert(id, agency, sourceName, requester.user(), size, now());
		executor.execute(() -> {
			try {
				// the importer records the import in the audit trail, in the name of who uploaded the file
				ImportResult result = onBehalfOf(requester,
						() -> importIncidents(id, agency, file, sourceName, profile, columns));
				log.info("Import {} of {} finished: {}", id, sourceName, result.summary());
			}
			catch (RuntimeException e) {
				log.debug("Import {} of {} failed", id, sourceName, e);
			}
			finally {
				deleteQuietly(file);
			}
		});
		return id;
	}

	/**
	 * Claims a job with a fixed id (e.g. {@link ImportJob#DEMO}) so only one node runs it: true when this
	 * node inserted it, or took over a failed or stalled one. {@code whenAbsentOnly} runs before a first
	 * insert and can refuse it (e.g. "only into an empty database").
	 */
	public boolean claim(String id, AgencyId agency, String sourceName, String startedBy,
			Supplier<Boolean> whenAbsentOnly) {
		OffsetDateTime now = now();
		if (repository.find(id).isPresent()) {
			return repository.reclaim(id, now.minus(ImportJob.STALE_AFTER), now);
		}
		return whenAbsentOnly.get() && repository.insert(id, agency, sourceName, startedBy, -1, now);
	}

	/**
	 * Runs the server's own work for a claimed job on the import threads, e.g. the demo sample it loads at
	 * start-up; the work reports through the job id. Nobody asked for it, so the audit trail records it as
	 * {@link AuditTrail#SYSTEM} at {@link AuditTrail#STARTUP}.
	 */
	public void runInBackground(Runnable work) {
		executor.execute(() -> onBehalfOf(new Requester(AuditTrail.SYSTEM, AuditTrail.STARTUP), () -> {
			work.run();
			return null;
		}));
	}

	/**
	 * Imports a file into a claimed job, on the calling thread, writing progress and the outcome to the job.
	 * A {@code .gz} file (by its magic bytes) is decompressed; progress counts the bytes as stored.
	 *
	 * @throws RuntimeException what the importer threw; the job is marked failed first
	 */
	public ImportResult importIncidents(String id, AgencyId agency, Path file, String sourceName, String profile,
			Map<String, String> columns) {
		InputStream in;
		try {
			in = Files.newInputStream(file);
		}
		catch (IOException e) {
			// the importer never saw the file, so it recorded nothing
			fail(id, "could not read " + sourceName + ": " + e.getMessage());
			auditTrail.ifAvailable(trail -> trail.record(agency, "incidents.import", sourceName, "failure"));
			throw new UncheckedIOException(e);
		}
		try (in) {
			return importIncidents(id, agency, in, sizeOf(file), sourceName, profile, columns);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The same from a stream of known (or -1) size, e.g. a classpath resource. */
	public ImportResult importIncidents(String id, AgencyId agency, InputStream stored, long totalBytes,
			String sourceName, String profile, Map<String, String> columns) {
		CountingInputStream counted = new CountingInputStream(stored);
		ThrottledProgress progress = new ThrottledProgress(id, counted, totalBytes);
		try (InputStream csv = decompressed(counted)) {
			ImportResult result = imports.importStream(agency, csv, sourceName, -1, profile, columns, progress);
			repository.finish(id, ImportJob.Status.DONE, result.read(), result.summary(),
					result.errors().stream().limit(ERRORS_SHOWN).map(Object::toString).toList(), now());
			return result;
		}
		catch (ImportRejectedException e) {
			fail(id, "rejected: " + e.getMessage());
			throw e;
		}
		catch (IOException e) {
			fail(id, "could not read " + sourceName + ": " + e.getMessage());
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			log.error("Import {} of {} failed", id, sourceName, e);
			fail(id, "failed: " + e.getMessage());
			throw e;
		}
	}

	/** Records how far a job is; {@code totalBytes} -1 when unknown. */
	public void progressed(String id, long bytesRead, long totalBytes, long rows) {
		repository.progressed(id, bytesRead, totalBytes, rows, now());
	}

	/** Marks a job finished without an import result, e.g. when a step before the import failed. */
	public void fail(String id, String reason) {
		repository.finish(id, ImportJob.Status.FAILED, 0, reason, List.of(), now());
	}

	/** Marks a job done with a summary line of its own. */
	public void done(String id, long rows, String summary) {
		repository.finish(id, ImportJob.Status.DONE, rows, summary, List.of(), now());
	}

	public Optional<ImportJob> find(AgencyId agency, String id) {
		return repository.find(agency, id);
	}

	public List<ImportJob> recent(AgencyId agency, int limit) {
		return repository.recent(agency, limit);
	}

	public OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	@Override
	public void destroy() throws InterruptedException {
		executor.shutdown();
		if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
			// a job cut off here stays RUNNING until it counts as stalled; a rerun is idempotent
			executor.shutdownNow();
		}
	}

	private static InputStream decompressed(InputStream in) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
		buffered.mark(2);
		int b1 = buffered.read();
		int b2 = buffered.read();
		buffered.reset();
		boolean gzip = b1 == 0x1f && b2 == 0x8b;
		return gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
	}

	private <T> T onBehalfOf(Requester requester, Supplier<T> work) {
		AuditTrail trail = auditTrail.getIfAvailable();
		return trail == null ? work.get() : trail.onBehalfOf(requester.user(), requester.address(), work);
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException e) {
			return -1;
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("Could not delete upload {}: {}", file, e.getMessage());
		}
	}

	/** Writes the importer's progress to the job row, at most every {@link #PROGRESS_INTERVAL_MILLIS}. */
	private final class ThrottledProgress implements ImportProgress {

		private final String id;
		private final CountingInputStream stored;
		private final long totalBytes;
		private long lastWrite;
		private long lastLog;

		ThrottledProgress(String id, CountingInputStream stored, long totalBytes) {
			this.id = id;
			this.stored = stored;
			this.totalBytes = totalBytes;
		}

		@Override
		public void progressed(long bytesRead, long ignoredTotal, long rows) {
			long nowMillis = clock.millis();
			if (nowMillis - lastWrite >= PROGRESS_INTERVAL_MILLIS) {
				lastWrite = nowMillis;
				ImportJobs.this.progressed(id, stored.count(), totalBytes, rows);
			}
			if (nowMillis - lastLog >= LOG_INTERVAL_MILLIS) {
				lastLog = nowMillis;
				log.info("Import {}: {} rows, {} of {} bytes", id, rows, stored.count(),
						totalBytes < 0 ? "?" : totalBytes);
			}
		}
	}
}
