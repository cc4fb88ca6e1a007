package org.beacon.reports.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.beacon.identity.AuditTrail;
import org.beacon.reports.ReportReceived;
import org.beacon.reports.ReportService;
import org.beacon.tips.DescriptionScreen;
import org.beacon.tips.IssuedReceipt;
import org.beacon.tips.ReceiptSubject;
import org.beacon.tips.Receipts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts service requests and carries out staff triage on them. Every change leaves an update row; staff
 * actions are audited when the identity module is present.
 */
@Service
public class ServiceRequestService {

	/** Duplicate suggestions: same service within this distance ... */
	static final double DUPLICATE_RADIUS_METRES = 100;
	/** ... and this many days either side. */
	static final Duration DUPLICATE_WINDOW = Duration.ofDays(14);

	private static final double METRES_PER_DEGREE_LAT = 111_320;

	private final ServiceRequestRepository repository;
	private final Receipts receipts;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<AuditTrail> audit;
	private final Clock clock;

	ServiceRequestService(ServiceRequestRepository repository, Receipts receipts,
			ApplicationEventPublisher events, ObjectProvider<AuditTrail> audit, ObjectProvider<Clock> clock) {
		this.repository = repository;
		this.receipts = receipts;
		this.events = events;
		this.audit = audit;
		// resolved once, not looked up in the bean factory on every Open311 request
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Stores a request. Resident text is held for moderation (with the reason when it describes someone only
	 * by race or ethnicity); a receipt is issued when asked for and no e-mail address was given.
	 */
	@Transactional
	public Submitted submit(NewRequest request, boolean wantsReceipt) {
		Instant now = now();
		Optional<String> holdReason = DescriptionScreen.holdReason(residentText(request));
		boolean wroteSomething = request.description() != null || request.address() != null || request.mediaUrl() != null;
		Moderation moderation = holdReason.isPresent() ? Moderation.HELD
				: wroteSomething ? Moderation.PENDING : Moderation.APPROVED;
		Optional<IssuedReceipt> receipt = wantsReceipt && !request.contact().hasEmail()
				? Optional.of(receipts.issue(request.agency(), ReceiptSubject.REPORT)) : Optional.empty();
		Instant expected = now.plus(request.service().slaHours(), ChronoUnit.HOURS);
		StoredRequest stored = insertWithFreshIds(request, moderation, holdReason.orElse(null),
				receipt.map(IssuedReceipt::id).orElse(null), now, expected);
		repository.addUpdate(stored, "received", false, null, null, now);
		events.publishEvent(new ReportReceived(request.agency(), stored.id(), request.service().code(), request.service().privateCategory()));
		return new Submitted(stored, receipt, holdReason);
	}

	/** Inserts the request and gives it back as stored, without reading it again. */
	private StoredRequest insertWithFreshIds(NewRequest request, Moderation moderation, String note, Long receiptId,
			Instant now, Instant expected) {
		for (int attempt = 1;; attempt++) {
			String publicId = PublicIds.requestId();
			String token = PublicIds.token();
			try {
				long id = repository.insert(request, publicId, token, RequestState.FOR_TRIAGE, moderation, note, receiptId,
						now, expected);
				ReportService s = request.service();
				return new StoredRequest(id, request.agency(), publicId, token, s.id(), s.code(), s.name(),
						s.privateCategory(), s.type(), s.slaHours(), s.serviceNotice(), request.description(), request.lat(),
						request.lon(), request.address(), request.addressId(), request.mediaUrl(), RequestState.FOR_TRIAGE,
						null, null, moderation, note, null, null, receiptId, request.channel(), now, now, expected, null);
			}
			catch (DuplicateKeyException collision) {
				if (attempt == 3) {
					throw collision;
				}
			}
		}
	}

	private static String residentText(NewRequest request) {
		StringBuilder text = new StringBuilder();
		if (request.description() != null) {
			text.append(request.description()).append('\n');
		}
		request.attributes().values().forEach(values -> values.forEach(v -> text.append(v).append('\n')));
		return text.toString();
	}

	// --- triage ---

	@Transactional
	public StoredRequest assign(StoredRequest r, String assignee, String actor) {
		String who = assignee == null || assignee.isBlank() ? null : assignee.trim();
		return change(r, copy(r).assignedTo(who).build(), "assignment", false,
				who == null ? "Unassigned" : "Assigned to " + who, actor, "reports.assign");
	}

	@Transactional
	public StoredRequest changeService(StoredRequest r, ReportService service, String actor) {
		Instant expected = r.requestedAt().plus(service.slaHours(), ChronoUnit.HOURS);
		return change(r, copy(r).service(service).expectedAt(expected).build(), "category", false,
				"Category changed from " + r.serviceName() + " to " + service.name(), actor, "reports.recategorise");
	}

	@Transactional
	public StoredRequest setState(StoredRequest r, RequestState state, String publicNote, String actor) {
		if (state == RequestState.CLOSED) {
			throw new IllegalArgumentException("close a request with an outcome");
		}
		String note = blankToNull(publicNote);
		return change(r, copy(r).state(state).outcome(null).closedAt(null).statusNotes(notes(state, null, note, r)).build(),
				"status", true, note == null ? state.label() : note, actor, "reports.status");
	}

	@Transactional
	public StoredRequest close(StoredRequest r, Outcome outcome, String publicNote, String actor) {
		String note = blankToNull(publicNote);
		Instant now = now();
		return change(r, copy(r).state(RequestState.CLOSED).outcome(outcome).closedAt(now)
				.statusNotes(notes(RequestState.CLOSED, outcome, note, r)).build(), "status", true,
				note == null ? outcome.label() : outcome.label() + ". " + note, actor, "reports.close");
	}

	@Transactional
	public StoredRequest reopen(StoredRequest r, String publicNote, String actor) {
		String note = blankToNull(publicNote);
		return change(r, copy(r).state(RequestState.OPEN).outcome(null).closedAt(null)
				.statusNotes(note == null ? "Reopened" : "Reopened. " + note).build(), "reopen", true,
				note == null ? "Reopened" : "Reopened. " + note, actor, "reports.reopen");
	}

	@Transactional
	public StoredRequest publicUpdate(StoredRequest r, String text, String actor) {
		String note = requireText(text);
		return change(r, copy(r).statusNotes(notes(r.state(), r.outcome(), note, r)).build(), "public", true, note, actor,
				"reports.update");
	}

	@Transactional
	public StoredRequest internalNote(StoredRequest r, String text, String actor) {
		return change(r, r, "internal", false, requireText(text), actor, "reports.note");
	}

	@Transactional
	public StoredRequest moderate(StoredRequest r, Moderation decision, String reason, String actor) {
		String note = decision == Moderation.APPROVED ? null : blankToNull(reason);
		return change(r, copy(r).moderation(decision).moderationNote(note).build(), "moderation", false,
				"Moderation: " + decision.db() + (note == null ? "" : " (" + note + ")"), actor, "reports.moderate");
	}

	@Transactional
	public StoredRequest markDuplicate(StoredRequest r, StoredRequest original, String actor) {
		if (original.id() == r.id()) {
			throw new IllegalArgumentException("a request cannot duplicate itself");
		}
		String note = "Duplicate of report " + original.publicId() + ".";
		return change(r, copy(r).duplicateOf(original.id()).state(RequestState.CLOSED).outcome(Outcome.DUPLICATE)
				.closedAt(now()).statusNotes(notes(RequestState.CLOSED, Outcome.DUPLICATE, note, r)).build(), "status", true,
				Outcome.DUPLICATE.label() + ": " + original.publicId(), actor, "reports.duplicate");
	}

	/** Sends a question to the resident's receipt dialogue. */
	@Transactional
	public void ask(StoredRequest r, String question, String actor) {
		if (r.receiptId() == null) {
			throw new IllegalStateException("report " + r.publicId() + " has no receipt to ask through");
		}
		receipts.ask(r.receiptId(), requireText(question), actor);
		repository.addUpdate(r, "question", false, question.trim(), actor, now());
		record(actor, "reports.ask", r);
	}

	/**
	 * Possible duplicates: other requests of the same service within {@value #DUPLICATE_RADIUS_METRES} m
	 * (haversine) and 14 days either side, nearest first.
	 */
	public List<Nearby> similarNearby(StoredRequest r) {
		if (!r.located()) {
			return List.of();
		}
		double dLat = DUPLICATE_RADIUS_METRES / METRES_PER_DEGREE_LAT;
		double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(r.lat())));
		List<Nearby> result = new ArrayList<>();
		for (StoredRequest other : repository.inBox(r.agency(), r.serviceId(), r.lat() - dLat, r.lat() + dLat, r.lon() - dLon,
				r.lon() + dLon, r.requestedAt().minus(DUPLICATE_WINDOW), r.requestedAt().plus(DUPLICATE_WINDOW), r.id())) {
			double metres = haversineMetres(r.lat(), r.lon(), other.lat(), other.lon());
			if (metres <= DUPLICATE_RADIUS_METRES) {
				result.add(new Nearby(other, metres));
			}
		}
		result.sort((a, b) -> Double.compare(a.metres(), b.metres()));
		return result;
	}

	/** Great-circle distance on a sphere of radius 6,371,008.8 m (IUGG mean Earth radius). */
	static double haversineMetres(double lat1, double lon1, double lat2, double lon2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	public Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private StoredRequest change(StoredRequest before, StoredRequest after, String kind, boolean publicUpdate, String body,
			String actor, String action) {
		Instant now = now();
		repository.update(after, now);
		StoredRequest saved = repository.byId(after.id()).orElseThrow();
		repository.addUpdate(saved, kind, publicUpdate, body, actor, now);
		record(actor, action, saved);
		return saved;
	}

	private void record(String actor, String action, StoredRequest r) {
		audit.ifAvailable(trail -> trail.record(action, "service_request:" + r.publicId(), "success"));
	}

	/** The public status note: the honest outcome first, then what staff said. */
	private static String notes(RequestState state, Outcome outcome, String note, StoredRequest r) {
		String head = state == RequestState.CLOSED && outcome != null ? outcome.label() : null;
		if (head == null) {
			return note;
		}
		return note == null ? head : head + ". " + note;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static String requireText(String s) {
		if (s == null || s.isBlank()) {
			throw new IllegalArgumentException("text is required");
		}
		if (s.length() > 4000) {
			throw new IllegalArgumentException("text must be at most 4000 characters");
		}
		return s.trim();
	}

	private static RequestCopy copy(StoredRequest r) {
		return new RequestCopy(r);
	}

	/** What {@link #submit} did. */
	public record Submitted(StoredRequest request, Optional<IssuedReceipt> receipt, Optional<String> holdReason) {
	}

	/** A possible duplicate and how far away it is. */
	public record Nearby(StoredRequest request, double metres) {
	}
}
