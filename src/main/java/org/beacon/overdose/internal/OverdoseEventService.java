package org.beacon.overdose.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.beacon.geography.Geography;
import org.beacon.identity.AuditTrail;
import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.OverdoseEntry;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.overdose.OverdoseEventRecorded;
import org.beacon.overdose.OverdoseEvents;
import org.beacon.overdose.OverdoseEventsImported;
import org.beacon.overdose.OverdoseImportResult;
import org.beacon.overdose.ParsedEvents;
import org.beacon.shared.AgencyId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores, imports and reads overdose events; see {@link OverdoseEvents}. */
@Service
class OverdoseEventService implements OverdoseEvents {

	private final OverdoseEventRepository repository;
	private final Geography geography;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<AuditTrail> audit;
	private final ObjectProvider<Clock> clock;

	OverdoseEventService(OverdoseEventRepository repository, Geography geography, ApplicationEventPublisher events,
			ObjectProvider<AuditTrail> audit, ObjectProvider<Clock> clock) {
		this.repository = repository;
		this.geography = geography;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public OverdoseEvent record(AgencyId agency, OverdoseEntry entry, String actor) {
		OverdoseEvent placed = new EventPlacement(agency, geography).place(0, entry, actor, now());
		var id = repository.insert(placed);
		if (id.isEmpty()) {
			return repository.findBySource(agency, entry.sourceName(), entry.sourceId()).orElseThrow();
		}
		OverdoseEvent stored = repository.find(agency, id.get()).orElseThrow();
		audit.ifAvailable(trail -> trail.record("overdose.event.record", "overdose_event:" + stored.id(), "success"));
		events.publishEvent(new OverdoseEventRecorded(agency, stored.id(), entry.occurredDate()));
		return stored;
	}

	@Override
	@Transactional
	public OverdoseImportResult importFile(AgencyId agency, Path file, ImportProfile profile, String actor) {
		ParsedEvents parsed = read(agency, file, profile, actor);
		int imported = repository.insertAll(parsed.events());
		LocalDate first = parsed.events().stream().map(e -> e.entry().occurredDate()).min(Comparator.naturalOrder())
				.orElse(null);
		LocalDate last = parsed.events().stream().map(e -> e.entry().occurredDate()).max(Comparator.naturalOrder())
				.orElse(null);
		String target = profile.code() + ":" + file.getFileName() + " read=" + parsed.read() + " imported=" + imported
				+ " rejected=" + parsed.problems().size();
		audit.ifAvailable(trail -> record(trail, actor, "overdose.import", target));
		if (imported > 0) {
			events.publishEvent(new OverdoseEventsImported(agency, profile.code(), imported, first, last));
		}
		return new OverdoseImportResult(profile.code(), parsed.read(), imported, parsed.events().size() - imported,
				parsed.problems(), first, last);
	}

	@Override
	public ParsedEvents read(AgencyId agency, Path file, ImportProfile profile) {
		return read(agency, file, profile, "analysis");
	}

	private ParsedEvents read(AgencyId agency, Path file, ImportProfile profile, String actor) {
		OverdoseCsvReader.Read read = OverdoseCsvReader.read(file, profile);
		EventPlacement placement = new EventPlacement(agency, geography);
		Instant now = now();
		List<OverdoseEvent> placed = read.entries().stream().map(e -> placement.place(0, e, actor, now)).toList();
		return new ParsedEvents(read.rows(), placed, read.problems());
	}

	@Override
	public List<OverdoseEvent> events(AgencyId agency, LocalDate from, LocalDate to) {
		return repository.between(agency, from, to);
	}

	/** The command line has no request: name the actor explicitly; a web request knows its user. */
	private static void record(AuditTrail trail, String actor, String action, String target) {
		if (actor == null || actor.isBlank()) {
			trail.record(action, target, "success");
		}
		else {
			trail.record(actor, "local", action, target, "success");
		}
	}

	private Instant now() {
		return clock.getIfAvailable(Clock::systemUTC).instant();
	}
}
