package org.beacon.incidents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.geography.Geography;
import org.beacon.identity.AuditTrail;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.ImportRejectedException;
import org.beacon.incidents.ImportResult;
import org.beacon.incidents.IncidentImports;
import org.beacon.incidents.IncidentsImported;
import org.beacon.shared.AgencyId;
import org.beacon.shared.CountingInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.siegmar.fastcsv.reader.CsvReader;

/**
 * Imports a CSV file through a profile: streams it (plain or gzip, UTF-8 or windows-1252) with constant
 * memory, writes a transaction per batch so a killed import can simply be run again, and logs the run and
 * its rejected rows. See docs/methods/incident-import.md for the rules.
 */
@Service
@EnableConfigurationProperties(ImportSettings.class)
class IncidentImporter implements IncidentImports {

	private static final Logger log = LoggerFactory.getLogger(IncidentImporter.class);

	private final ImportProfiles profiles;
	private final IncidentStore store;
	private final ImportRuns runs;
	private final Agencies agencies;
	private final Geography geography;
	private final ObjectProvider<AuditTrail> audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final ImportSettings settings;
	private final Clock clock;

	IncidentImporter(ImportProfiles profiles, IncidentStore store, ImportRuns runs, Agencies agencies,
			Geography geography, ObjectProvider<AuditTrail> audit, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, ImportSettings settings) {
		this.profiles = profiles;
		this.store = store;
		this.runs = runs;
		this.agencies = agencies;
		this.geography = geography;
		this.audit = audit;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = settings;
		this.clock = Clock.systemUTC();
	}

	@Override
	public ImportResult importFile(AgencyId agency, Path file, String profile, Map<String, String> columns,
			ImportProgress progress) {
		if (!Files.isRegularFile(file)) {
			throw new ImportRejectedException(file + ": no such file");
		}
		try (InputStream in = Files.newInputStream(file)) {
			return importStream(agency, in, file.getFileName().toString(), Files.size(file), profile, columns,
					progress);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + file, e);
		}
	}

	@Override
	public ImportResult importStream(AgencyId agency, InputStream in, String sourceName, long totalBytes,
			String profileName, Map<String, String> columns, ImportProgress progress) {
		long started = System.nanoTime();
		ImportProfile profile;
		RowReader reader;
		Iterator<CsvRow> records;
		CountingInputStream counting = new CountingInputStream(in);
		try {
			profile = profiles.profile(profileName, columns == null ? Map.of() : columns);
			Agency owner = agencies.get(agency);
			SelectedColumns columnsRead = new SelectedColumns();
			records = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).skipEmptyLines(true)
					.build(columnsRead, new FallbackDecodingReader(decompressed(counting))).iterator();
			if (!records.hasNext()) {
				throw new ImportRejectedException(sourceName + ": the file is empty, it has no header");
			}
			List<String> header = records.next().all();
			reader = new RowReader(profile, header, sourceName, owner.timeZone(), geography.locator(agency), geography);
			columnsRead.keep(reader.columnsRead());
		}
		catch (ImportRejectedException e) {
			audit(agency, sourceName, "failure");
			throw e;
		}
		catch (IllegalArgumentException e) {
			audit(agency, sourceName, "failure");
			throw new ImportRejectedException(sourceName + ": " + e.getMessage());
		}
		long run = runs.start(agency, profile.source(), profile.name(), sourceName, clock.instant());
		// before any row is committed, so an import killed halfway is on record with what it wrote
		audit(agency, sourceName, "started");
		ImportSession session = new ImportSession(agency, profile.source(), run, store, runs, transactions,
				settings.reportedErrors(), clock);
		try {
			progress.progressed(counting.count(), totalBytes, 0);
			ImportResult result = session.run(records, reader, settings.batchSize(),
					rows -> progress.progressed(counting.count(), totalBytes, rows));
			transactions.executeWithoutResult(status -> {
				runs.finish(run, "succeeded", null, clock.instant());
				if (result.imported() + result.updated() + result.reversed() > 0) {
					events.publishEvent(new IncidentsImported(agency, profile.source(), result.imported(),
							result.updated(), result.reversed()));
				}
			});
			audit(agency, sourceName, "success");
			double seconds = (System.nanoTime() - started) / 1e9;
			log.info("{}: {} in {} s ({} rows/s, from opening the file to the last commit)", sourceName,
					result.summary(), String.format(Locale.ROOT, "%.2f", seconds),
					String.format(Locale.ROOT, "%,.0f", result.read() / Math.max(seconds, 1e-9)));
			return result;
		}
		catch (RuntimeException e) {
			runs.finish(run, "failed", e.toString(), clock.instant());
			audit(agency, sourceName, "failure");
			throw e;
		}
	}

	@Override
	public void errorReport(long runId, Consumer<ImportResult.RowError> consumer) {
		runs.errorReport(runId, consumer);
	}

	@Override
	public void errorReport(AgencyId agency, long runId, Consumer<ImportResult.RowError> consumer) {
		runs.errorReport(agency, runId, consumer);
	}

	private void audit(AgencyId agency, String target, String outcome) {
		audit.ifAvailable(trail -> trail.record(agency, "incidents.import", target, outcome));
	}

	/** The stream itself, or gunzipped when it starts with the gzip magic bytes (whatever its name). */
	private static InputStream decompressed(InputStream in) {
		try {
			PushbackInputStream peek = new PushbackInputStream(in, 2);
			int first = peek.read();
			int second = first < 0 ? -1 : peek.read();
			if (second >= 0) {
				peek.unread(second);
			}
			if (first >= 0) {
				peek.unread(first);
			}
			return first == 0x1f && second == 0x8b ? new GZIPInputStream(peek, 1 << 16) : peek;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the file", e);
		}
	}
}
