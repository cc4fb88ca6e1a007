package org.beacon.tips.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beacon.identity.AuditTrail;
import org.beacon.incidents.IncidentRow;
import org.beacon.shared.AgencyId;
import org.beacon.tips.DescriptionScreen;
import org.beacon.tips.IssuedReceipt;
import org.beacon.tips.ReceiptSubject;
import org.beacon.tips.TipCategory;
import org.beacon.tips.TipDetail;
import org.beacon.tips.TipImage;
import org.beacon.tips.TipIncidentLink;
import org.beacon.tips.TipOutcome;
import org.beacon.tips.TipQueueFilter;
import org.beacon.tips.TipReceived;
import org.beacon.tips.TipSummary;
import org.beacon.tips.Tips;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts tips and carries out their triage. A tip, its images and its receipt are stored in one
 * transaction: either the tipster gets a receipt for everything they sent, or nothing was kept.
 */
@Service
public class TipService implements Tips {

	private final TipRepository repository;
	private final ReceiptService receipts;
	private final TipsProperties properties;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<AuditTrail> audit;
	private final ObjectProvider<Clock> clock;
	private final TipIncidentLinks incidentLinks;

	TipService(TipRepository repository, ReceiptService receipts, TipsProperties properties,
			ApplicationEventPublisher events, ObjectProvider<AuditTrail> audit, ObjectProvider<Clock> clock,
			TipIncidentLinks incidentLinks) {
		this.repository = repository;
		this.receipts = receipts;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.incidentLinks = incidentLinks;
	}

	/**
	 * Checks every image first (so a bad one costs the tipster nothing), then stores the tip, the working
	 * copies and sealed originals, and a receipt.
	 *
	 * @throws RejectedImage naming the file and the rule, before anything is stored
	 */
	@Transactional
	public Accepted submit(AgencyId agency, TipSubmission tip, List<Upload> uploads) {
		if (uploads.size() > properties.maxAttachments()) {
			throw new RejectedImage("at most " + properties.maxAttachments() + " images can be attached");
		}
		ImageSanitizer sanitizer = new ImageSanitizer(properties.maxAttachmentBytes(), properties.maxPixels());
		List<ImageSanitizer.Sanitized> images = new ArrayList<>();
		for (Upload upload : uploads) {
			images.add(sanitizer.sanitize(upload.label(), upload.bytes()));
		}
		Optional<String> hold = DescriptionScreen.holdReason(tip.description());
		IssuedReceipt receipt = receipts.issue(agency, ReceiptSubject.TIP);
		// received and last changed to the hour only: no stored time may give away the minute a tip came in
		Instant hour = now().truncatedTo(ChronoUnit.HOURS);
		long id = repository.insert(agency, tip, hold.isPresent() ? "held" : "clear", hold.orElse(null), receipt.id(),
				hour, hour);
		for (int i = 0; i < images.size(); i++) {
			repository.insertAttachment(id, images.get(i), uploads.get(i).bytes());
		}
		events.publishEvent(new TipReceived(agency, id, tip.category()));
		return new Accepted(id, receipt, hold);
	}

	@Override
	public List<TipSummary> queue(AgencyId agency, TipQueueFilter filter) {
		return repository.queue(agency, filter);
	}

	@Override
	public Optional<TipDetail> detail(AgencyId agency, long tipId) {
		return repository.summary(agency, tipId).flatMap(summary -> repository.row(agency, tipId).map(row -> {
			long receipt = row.receiptId();
			return new TipDetail(summary, row.body(), row.location(), row.lat(), row.lon(), row.occurred(),
					repository.notes(tipId), repository.attachments(tipId), receipts.dialogue(receipt),
					receipts.expiresAt(receipt).orElse(null));
		}));
	}

	@Override
	@Transactional
	public void assign(AgencyId agency, long tipId, String assignee, String actor) {
		String who = assignee == null || assignee.isBlank() ? null : assignee.trim();
		require(agency, tipId);
		repository.set(tipId, "assigned_to", who, now());
		if ("new".equals(repository.row(agency, tipId).orElseThrow().state())) {
			repository.set(tipId, "state", "open", now());
		}
		changed(tipId, "assignment", who == null ? "Unassigned" : "Assigned to " + who, actor, "tips.assign");
	}

	@Override
	@Transactional
	public void recategorise(AgencyId agency, long tipId, TipCategory category, String actor) {
		TipSummary before = require(agency, tipId);
		repository.set(tipId, "category", category.code(), now());
		changed(tipId, "category", "Category changed from " + before.category().label() + " to " + category.label(), actor,
				"tips.recategorise");
	}

	@Override
	@Transactional
	public void note(AgencyId agency, long tipId, String text, String actor) {
		require(agency, tipId);
		changed(tipId, "internal", text(text), actor, "tips.note");
	}

	@Override
	@Transactional
	public void close(AgencyId agency, long tipId, TipOutcome outcome, String noticeToTipster, String actor) {
		require(agency, tipId);
		repository.close(tipId, outcome, now());
		String notice = noticeToTipster == null || noticeToTipster.isBlank() ? null : text(noticeToTipster);
		if (notice != null) {
			receipts.ask(receiptOf(agency, tipId), notice, actor);
		}
		changed(tipId, "outcome", outcome.label() + (notice == null ? "" : " (tipster told: " + notice + ")"), actor,
				"tips.close");
	}

	@Override
	@Transactional
	public void reopen(AgencyId agency, long tipId, String actor) {
		require(agency, tipId);
		repository.reopen(tipId, now());
		changed(tipId, "status", "Reopened", actor, "tips.reopen");
	}

	@Override
	@Transactional
	public void release(AgencyId agency, long tipId, String actor) {
		require(agency, tipId);
		repository.set(tipId, "moderation", "clear", now());
		changed(tipId, "moderation", "Released from hold after review", actor, "tips.release");
	}

	@Override
	@Transactional
	public void ask(AgencyId agency, long tipId, String question, String actor) {
		require(agency, tipId);
		receipts.ask(receiptOf(agency, tipId), text(question), actor);
		changed(tipId, "question", "Asked the tipster: " + question.trim(), actor, "tips.ask");
	}

	@Override
	public Optional<TipImage> workingCopy(AgencyId agency, long tipId, long attachmentId) {
		return repository.workingCopy(agency, tipId, attachmentId);
	}

	@Override
	@Transactional
	public Optional<TipImage> sealedOriginal(AgencyId agency, long tipId, long attachmentId, String actor) {
		Optional<TipImage> original = repository.original(agency, tipId, attachmentId);
		String target = "tip:" + tipId + "/attachment:" + attachmentId;
		audit.ifAvailable(trail -> trail.record("tips.attachment.original.read", target,
				original.isPresent() ? "success" : "failure"));
		original.ifPresent(o -> repository.note(tipId, "evidence", "Sealed original of attachment " + attachmentId
				+ " read (SHA-256 " + o.sha256() + ")", actor, now()));
		return original;
	}

	@Override
	@Transactional
	public TipIncidentLink linkIncidentBySourceId(AgencyId agency, long tipId, String sourceId, String actor) {
		require(agency, tipId);
		return incidentLinks.bySourceId(agency, tipId, sourceId, actor, now());
	}

	@Override
	@Transactional
	public TipIncidentLink linkIncidentById(AgencyId agency, long tipId, long incidentId, String actor) {
		require(agency, tipId);
		return incidentLinks.byId(agency, tipId, incidentId, actor, now());
	}

	@Override
	public List<TipIncidentLink> incidentLinks(AgencyId agency, long tipId) {
		return incidentLinks.links(agency, tipId);
	}

	@Override
	public Map<Long, List<String>> linkedIncidentSourceIds(AgencyId agency, Collection<Long> tipIds) {
		return incidentLinks.sourceIds(agency, tipIds);
	}

	@Override
	public List<IncidentRow> nearbyIncidents(AgencyId agency, long tipId, int days) {
		TipSummary summary = require(agency, tipId);
		return repository.row(agency, tipId).filter(row -> row.lat() != null && row.lon() != null)
				.map(row -> incidentLinks.nearby(agency, row.lat(), row.lon(), summary.receivedAt(), days))
				.orElse(List.of());
	}

	private TipSummary require(AgencyId agency, long tipId) {
		return repository.summary(agency, tipId).orElseThrow(() -> new IllegalArgumentException("no tip " + tipId));
	}

	private long receiptOf(AgencyId agency, long tipId) {
		return repository.row(agency, tipId).orElseThrow().receiptId();
	}

	private void changed(long tipId, String kind, String body, String actor, String action) {
		repository.note(tipId, kind, body, actor, now());
		audit.ifAvailable(trail -> trail.record(action, "tip:" + tipId, "success"));
	}

	private static String text(String s) {
		if (s == null || s.isBlank()) {
			throw new IllegalArgumentException("text is required");
		}
		if (s.length() > ReceiptService.MAX_MESSAGE) {
			throw new IllegalArgumentException("text must be at most " + ReceiptService.MAX_MESSAGE + " characters");
		}
		return s.trim();
	}

	private Instant now() {
		return clock.getIfAvailable(Clock::systemUTC).instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** An uploaded file: a label for messages ("image 2") and its bytes. The file name is not kept. */
	public record Upload(String label, byte[] bytes) {
	}

	/** A stored tip and its receipt; {@code holdReason} is shown to the tipster when present. */
	public record Accepted(long tipId, IssuedReceipt receipt, Optional<String> holdReason) {
	}
}
