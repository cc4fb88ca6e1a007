package org.beacon.incidents.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.beacon.incidents.ImportResult;
import org.beacon.incidents.ImportResult.RowError;
import org.beacon.shared.AgencyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import run. A reader thread parses batches while this thread writes the previous one, each batch in
 * its own transaction: new rows inserted, changed rows (other content hash) updated, the rest counted
 * unchanged. At the end pending reversals are paired with their originals in one pass. Totals count only
 * what committed, so they are true even when a later batch fails; a killed run is repaired by running it
 * again.
 */
final class ImportSession {

	private static final Logger log = LoggerFactory.getLogger(ImportSession.class);

	/** Rows written after which the planner's statistics are refreshed at the end of the run. */
	private static final long ANALYZE_AFTER_ROWS = 10_000;
	private static final Object END = new Object();
	private static final int PAIRING_ATTEMPTS = 3;

	private final AgencyId agency;
	private final String source;
	private final long run;
	private final IncidentStore store;
	private final ImportRuns runs;
	private final TransactionTemplate transactions;
	private final int reportedErrors;
	private final Clock clock;

	/** While the source had no rows when the run started, no batch needs to look its keys up. */
	private volatile boolean fresh;
	private final List<RowError> firstErrors = new ArrayList<>();
	private long read;
	private long imported;
	private long updated;
	private long unchanged;
	private long rejected;
	private long reversed;

	ImportSession(AgencyId agency, String source, long run, IncidentStore store, ImportRuns runs,
			TransactionTemplate transactions, int reportedErrors, Clock clock) {
		this.agency = agency;
		this.source = source;
		this.run = run;
		this.store = store;
		this.runs = runs;
		this.transactions = transactions;
		this.reportedErrors = reportedErrors;
		this.clock = clock;
		this.fresh = store.isEmpty(agency, source);
	}

	/**
	 * Reads every record, writing a batch every {@code batchSize} rows and telling {@code progress} how many
	 * rows were read after each. An exception from the reader, a batch or {@code progress} ends the run;
	 * what committed before stays.
	 */
	ImportResult run(Iterator<CsvRow> records, RowReader reader, int batchSize, LongConsumer progress) {
		long started = System.nanoTime();
		BatchReader batches = new BatchReader(records, reader, batchSize,
				store.copies() ? this::copyRowsWhileFresh : null);
		Thread thread = new Thread(batches, "incident-import-reader");
		thread.setDaemon(true);
		thread.start();
		try {
			for (Object next = batches.take(); next != END; next = batches.take()) {
				write((Batch) next);
				progress.accept(read);
			}
		}
		finally {
			batches.stop();
			try {
				thread.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		long written = System.nanoTime();
		if (imported + updated >= ANALYZE_AFTER_ROWS) {
			store.analyze();
		}
		pairPendingReversals();
		if (log.isDebugEnabled()) {
			log.debug("rows read and written in {} ms, statistics and reversal pairing in {} ms",
					(written - started) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
		}
		return result();
	}

	/**
	 * The batch's incidents as COPY input, made on the reader thread while the source is fresh (every row is
	 * new then); otherwise null, and the writer encodes just the rows that turn out new.
	 */
	private CopyBinary copyRowsWhileFresh(List<ParsedRow> rows) {
		return fresh ? IncidentStore.copyRows(agency, source, rows) : null;
	}

	private ImportResult result() {
		return new ImportResult(read, imported, updated, unchanged, rejected, reversed, firstErrors, run);
	}

	private static final class Batch {
		final List<ParsedRow> incidents = new ArrayList<>();
		final List<ParsedRow> reversals = new ArrayList<>();
		final List<RowError> errors = new ArrayList<>();
		long rows;
		/** All of {@link #incidents} as COPY input, made by the reader thread; null on H2 or when not fresh. */
		CopyBinary copyRows;
	}

	/**
	 * Parses batches on its own thread and hands them over through a queue of four: deep enough that neither
	 * thread waits for the other's slower batches, small enough for constant memory (about 4 MB a batch).
	 */
	private static final class BatchReader implements Runnable {

		private final Iterator<CsvRow> records;
		private final RowReader reader;
		private final int batchSize;
		private final java.util.function.Function<List<ParsedRow>, CopyBinary> copyRows;
		private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
		private volatile boolean stopped;

		BatchReader(Iterator<CsvRow> records, RowReader reader, int batchSize,
				java.util.function.Function<List<ParsedRow>, CopyBinary> copyRows) {
			this.records = records;
			this.reader = reader;
			this.batchSize = batchSize;
			this.copyRows = copyRows;
		}

		@Override
		public void run() {
			try {
				Batch batch = new Batch();
				while (!stopped && records.hasNext()) {
					ParsedRow row = reader.read(records.next(), batch.errors::add);
					batch.rows++;
					if (row != null) {
						(row.reversal() ? batch.reversals : batch.incidents).add(row);
					}
					if (batch.rows >= batchSize) {
						prepare(batch);
						hand(batch);
						batch = new Batch();
					}
				}
				if (batch.rows > 0) {
					prepare(batch);
					hand(batch);
				}
				hand(END);
			}
			catch (RuntimeException | Error e) {
				hand(e);
			}
		}

		private void prepare(Batch batch) {
			if (copyRows != null && !batch.incidents.isEmpty()) {
				batch.copyRows = copyRows.apply(batch.incidents);
			}
		}

		private void hand(Object item) {
			try {
				while (!stopped && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
					// the writer is busy; look again whether it gave up
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				stopped = true;
			}
		}

		Object take() {
			Object next;
			try {
				next = queue.take();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("import interrupted", e);
			}
			if (next instanceof RuntimeException e) {
				throw e;
			}
			if (next instanceof Error e) {
				throw e;
			}
			return next;
		}

		void stop() {
			stopped = true;
			queue.clear();
		}
	}

	private record Outcome(long imported, long updated, long unchanged, long reversed) {
	}

	private void write(Batch batch) {
		Outcome outcome;
		try {
			outcome = transactions.execute(status -> writeInTransaction(batch));
		}
		catch (DuplicateKeyException e) {
			// another import of the same source inserted these keys meanwhile: look them up and write again
			fresh = false;
			outcome = transactions.execute(status -> writeInTransaction(batch));
		}
		read += batch.rows;
		imported += outcome.imported();
		updated += outcome.updated();
		unchanged += outcome.unchanged();
		reversed += outcome.reversed();
		rejected += batch.errors.size();
		for (RowError error : batch.errors) {
			if (firstErrors.size() < reportedErrors) {
				firstErrors.add(error);
			}
		}
	}

	private Outcome writeInTransaction(Batch batch) {
		store.commitWithoutWaitingForDisk();
		Instant now = clock.instant();
		Split incidents = split("incident", batch.incidents);
		store.insertIncidents(agency, source, incidents.added,
				incidents.added.size() == batch.incidents.size() ? batch.copyRows : null, now);
		store.updateIncidents(incidents.stored, incidents.changed, now);
		Split reversals = split("incident_reversal", batch.reversals);
		store.insertReversals(agency, source, reversals.added, now);
		store.updateReversals(reversals.stored, reversals.changed, now);
		runs.errors(run, batch.errors);
		Outcome outcome = new Outcome(incidents.added.size(), incidents.changed.size() + reversals.changed.size(),
				incidents.unchanged + reversals.unchanged, reversals.added.size());
		runs.progress(run, new ImportResult(read + batch.rows, imported + outcome.imported(),
				updated + outcome.updated(), unchanged + outcome.unchanged(), rejected + batch.errors.size(),
				reversed + outcome.reversed(), List.of()));
		return outcome;
	}

	private static final class Split {
		final List<ParsedRow> added = new ArrayList<>();
		final List<ParsedRow> changed = new ArrayList<>();
		final List<IncidentStore.Existing> stored = new ArrayList<>();
		long unchanged;
	}

	private Split split(String table, List<ParsedRow> rows) {
		Split split = new Split();
		if (fresh) {
			split.added.addAll(rows);
			return split;
		}
		List<String> ids = new ArrayList<>(rows.size());
		rows.forEach(row -> ids.add(row.sourceId()));
		Map<String, IncidentStore.Existing> existing = store.existing(table, agency, source, ids);
		for (ParsedRow row : rows) {
			IncidentStore.Existing stored = existing.get(row.sourceId());
			if (stored == null) {
				split.added.add(row);
			}
			else if (stored.rowHash() != row.rowHash()) {
				split.changed.add(row);
				split.stored.add(stored);
			}
			else {
				split.unchanged++;
			}
		}
		return split;
	}

	/** Pairs pending reversals in one transaction; again, from the start, if a concurrent import got in between. */
	private void pairPendingReversals() {
		for (int attempt = 1;; attempt++) {
			try {
				transactions.executeWithoutResult(status -> applyPendingReversals());
				return;
			}
			catch (ConcurrencyFailureException e) {
				if (attempt == PAIRING_ATTEMPTS) {
					throw e;
				}
			}
		}
	}

	/**
	 * Pairs the source's pending reversals, oldest first, with unreversed originals: each takes the
	 * earliest-reported original with its match key, else one with its fallback key. Reversals from earlier
	 * runs whose original arrived now are paired too, so files may come in any order.
	 */
	private void applyPendingReversals() {
		store.commitWithoutWaitingForDisk();
		List<IncidentStore.Pending> pending = store.pending(agency, source);
		if (pending.isEmpty()) {
			return;
		}
		Set<String> keys = new LinkedHashSet<>();
		for (IncidentStore.Pending reversal : pending) {
			keys.add(reversal.matchKey());
			if (reversal.fallbackKey() != null) {
				keys.add(reversal.fallbackKey());
			}
		}
		Map<String, ArrayDeque<IncidentStore.Candidate>> byKey = new HashMap<>();
		for (IncidentStore.Candidate candidate : store.candidates(agency, source, keys)) {
			byKey.computeIfAbsent(candidate.matchKey(), k -> new ArrayDeque<>()).add(candidate);
		}
		List<IncidentStore.Pending> applied = new ArrayList<>();
		List<IncidentStore.Candidate> originals = new ArrayList<>();
		for (IncidentStore.Pending reversal : pending) {
			IncidentStore.Candidate original = take(byKey, reversal.matchKey());
			if (original == null && reversal.fallbackKey() != null) {
				original = take(byKey, reversal.fallbackKey());
			}
			if (original != null) {
				applied.add(reversal);
				originals.add(original);
			}
		}
		store.applyReversals(applied, originals, clock.instant());
	}

	private static IncidentStore.Candidate take(Map<String, ArrayDeque<IncidentStore.Candidate>> byKey, String key) {
		ArrayDeque<IncidentStore.Candidate> queue = byKey.get(key);
		return queue == null ? null : queue.poll();
	}
}
