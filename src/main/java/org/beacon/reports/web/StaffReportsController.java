package org.beacon.reports.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.identity.AuditTrail;
import org.beacon.identity.SignedInStaff;
import org.beacon.reports.ServiceCatalogue;
import org.beacon.reports.internal.IncidentLinks;
import org.beacon.reports.internal.Moderation;
import org.beacon.reports.internal.Outcome;
import org.beacon.reports.internal.QueueFilter;
import org.beacon.reports.internal.ReportPhotos;
import org.beacon.reports.internal.RequestState;
import org.beacon.reports.internal.ServiceRequestRepository;
import org.beacon.reports.internal.ServiceRequestService;
import org.beacon.reports.internal.StoredRequest;
import org.beacon.tips.Receipts;
import org.beacon.tips.TipCategory;
import org.beacon.tips.TipQueueFilter;
import org.beacon.tips.TipSummary;
import org.beacon.tips.Tips;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The triage queue of reports and tips, and the work on one report: assignment, category, internal notes,
 * public updates, honest outcomes, moderation, duplicates, questions to an anonymous reporter.
 */
@Controller
@RequestMapping("/staff/reports")
class StaffReportsController {

	private final Agencies agencies;
	private final ServiceRequestRepository repository;
	private final ServiceRequestService requests;
	private final ServiceCatalogue catalogue;
	private final Tips tips;
	private final Receipts receipts;
	private final ObjectProvider<AuditTrail> audit;
	private final IncidentLinks incidentLinks;
	private final ReportPhotos photos;

	StaffReportsController(Agencies agencies, ServiceRequestRepository repository, ServiceRequestService requests,
			ServiceCatalogue catalogue, Tips tips, Receipts receipts, ObjectProvider<AuditTrail> audit,
			IncidentLinks incidentLinks, ReportPhotos photos) {
		this.agencies = agencies;
		this.repository = repository;
		this.requests = requests;
		this.catalogue = catalogue;
		this.tips = tips;
		this.receipts = receipts;
		this.audit = audit;
		this.incidentLinks = incidentLinks;
		this.photos = photos;
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "all") String kind, @RequestParam(defaultValue = "open") String status,
			@RequestParam(required = false) String service, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String moderation,
			@RequestParam(required = false) String category, Model model) {
		Agency agency = SignedInStaff.agencyIn(agencies);
		String who = "me".equals(assignee) ? StaffAccess.require(StaffAccess.READ) : blank(assignee);
		String state = "all".equals(status) ? null : status;
		Instant now = requests.now();
		List<StoredRequest> found = "tips".equals(kind) ? List.of()
				: repository.queue(agency.id(), new QueueFilter(state, blank(service), who, overdue, blank(moderation), 500), now);
		var linked = incidentLinks.sourceIds(found.stream().map(StoredRequest::id).toList());
		List<QueueRow> reportRows = found.stream()
				.map(r -> QueueRow.of(r, now, agency.timeZone(), linked.getOrDefault(r.id(), List.of()))).toList();
		TipCategory tipCategory = blank(category) == null ? null : TipCategory.fromCode(category);
		var tipRows = "reports".equals(kind) ? List.<org.beacon.tips.TipSummary>of()
				: tips.queue(agency.id(), new TipQueueFilter(state, tipCategory, who,
						"held".equals(moderation) ? Boolean.TRUE : null, 500));
		model.addAttribute("reports", reportRows);
		model.addAttribute("tips", tipRows);
		model.addAttribute("tipIncidents",
				tips.linkedIncidentSourceIds(agency.id(), tipRows.stream().map(TipSummary::id).toList()));
		model.addAttribute("services", catalogue.services(agency.id()));
		model.addAttribute("categories", TipCategory.values());
		model.addAttribute("filter", new Filter(kind, status, service, assignee, overdue, moderation, category));
		model.addAttribute("zone", agency.timeZone());
		model.addAttribute("when", TIME.withZone(agency.timeZone()));
		model.addAttribute("isAdmin", StaffAccess.has(StaffAccess.ADMINISTER));
		model.addAttribute("canOversee", StaffAccess.has(StaffAccess.OVERSEE));
		return "staff/reports/queue";
	}

	@GetMapping("/requests/{id}")
	String request(@PathVariable String id, @RequestParam(required = false) String error,
			@RequestParam(defaultValue = "30") int days, Model model) {
		Agency agency = SignedInStaff.agencyIn(agencies);
		StoredRequest r = find(agency, id);
		Instant now = requests.now();
		List<IncidentLinks.Link> links = incidentLinks.links(r.id());
		model.addAttribute("r", r);
		model.addAttribute("row", QueueRow.of(r, now, agency.timeZone(),
				links.stream().map(IncidentLinks.Link::sourceId).toList()));
		model.addAttribute("incidentLinks", links);
		model.addAttribute("nearbyIncidents", incidentLinks.nearby(r, days));
		model.addAttribute("incidentDays", Math.max(1, days));
		model.addAttribute("incidentRadius", (int) IncidentLinks.NEARBY_METRES);
		model.addAttribute("photo", photos.of(r).orElse(null));
		model.addAttribute("attributes", repository.attributes(r.id()));
		model.addAttribute("updates", repository.updates(r.id()));
		model.addAttribute("nearby", requests.similarNearby(r));
		model.addAttribute("dialogue", r.receiptId() == null ? List.of() : receipts.dialogue(r.receiptId()));
		model.addAttribute("services", catalogue.services(agency.id()));
		model.addAttribute("states", Arrays.stream(RequestState.values()).filter(s -> s != RequestState.CLOSED).toList());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("canOversee", StaffAccess.has(StaffAccess.OVERSEE));
		model.addAttribute("canAct", StaffAccess.has(StaffAccess.ACT));
		model.addAttribute("when", TIME.withZone(agency.timeZone()));
		model.addAttribute("error", error);
		return "staff/reports/request";
	}

	/** The photo's cleaned copy: metadata removed, for any staff reader. */
	@GetMapping("/requests/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable String id) {
		StoredRequest r = find(SignedInStaff.agencyIn(agencies), id);
		return image(photos.cleaned(r).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)), "inline");
	}

	/** The photo as uploaded, sealed: supervisors and administrators only, every read audited. */
	@GetMapping("/requests/{id}/photo/original")
	ResponseEntity<byte[]> photoOriginal(@PathVariable String id) {
		StaffAccess.require(StaffAccess.OVERSEE);
		StoredRequest r = find(SignedInStaff.agencyIn(agencies), id);
		return image(photos.sealedOriginal(r).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)),
				"attachment; filename=\"report-" + r.publicId() + "-photo-original\"");
	}

	private static ResponseEntity<byte[]> image(ReportPhotos.Image image, String disposition) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, image.contentType())
				.header(HttpHeaders.CONTENT_DISPOSITION, disposition).header("X-Content-SHA256", image.sha256())
				.header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Content-Type-Options", "nosniff").body(image.bytes());
	}

	@GetMapping("/requests/{id}/contact")
	String contact(@PathVariable String id, Model model) {
		StaffAccess.require(StaffAccess.OVERSEE);
		StoredRequest r = find(SignedInStaff.agencyIn(agencies), id);
		audit.ifAvailable(trail -> trail.record("reports.contact.read", "service_request:" + r.publicId(), "success"));
		model.addAttribute("r", r);
		model.addAttribute("contact", repository.contact(r.id()).orElse(null));
		return "staff/reports/contact";
	}

	@PostMapping("/requests/{id}/assign")
	String assign(@PathVariable String id, @RequestParam(required = false) String assignee) {
		return act(id, (r, actor) -> requests.assign(r, "me".equals(assignee) ? actor : assignee, actor));
	}

	@PostMapping("/requests/{id}/category")
	String category(@PathVariable String id, @RequestParam String serviceCode) {
		return act(id, (r, actor) -> requests.changeService(r, catalogue.service(r.agency(), serviceCode)
				.orElseThrow(() -> new IllegalArgumentException("no service " + serviceCode)), actor));
	}

	@PostMapping("/requests/{id}/state")
	String state(@PathVariable String id, @RequestParam RequestState state, @RequestParam(required = false) String note) {
		return act(id, (r, actor) -> requests.setState(r, state, note, actor));
	}

	@PostMapping("/requests/{id}/close")
	String close(@PathVariable String id, @RequestParam Outcome outcome, @RequestParam(required = false) String note) {
		return act(id, (r, actor) -> requests.close(r, outcome, note, actor));
	}

	@PostMapping("/requests/{id}/reopen")
	String reopen(@PathVariable String id, @RequestParam(required = false) String note) {
		return act(id, (r, actor) -> requests.reopen(r, note, actor));
	}

	@PostMapping("/requests/{id}/update")
	String publicUpdate(@PathVariable String id, @RequestParam(required = false) String text) {
		return act(id, (r, actor) -> requests.publicUpdate(r, text, actor));
	}

	@PostMapping("/requests/{id}/note")
	String note(@PathVariable String id, @RequestParam(required = false) String text) {
		return act(id, (r, actor) -> requests.internalNote(r, text, actor));
	}

	@PostMapping("/requests/{id}/moderate")
	String moderate(@PathVariable String id, @RequestParam Moderation decision, @RequestParam(required = false) String reason) {
		StaffAccess.require(StaffAccess.OVERSEE);
		return act(id, (r, actor) -> requests.moderate(r, decision, reason, actor));
	}

	@PostMapping("/requests/{id}/duplicate")
	String duplicate(@PathVariable String id, @RequestParam String original) {
		return act(id, (r, actor) -> requests.markDuplicate(r, find(SignedInStaff.agencyIn(agencies), original.trim()), actor));
	}

	@PostMapping("/requests/{id}/ask")
	String ask(@PathVariable String id, @RequestParam(required = false) String question) {
		return act(id, (r, actor) -> {
			requests.ask(r, question, actor);
			return r;
		});
	}

	/** Links an incident by the source's id, or by Beacon's id when picked from the nearby list. */
	@PostMapping("/requests/{id}/incident")
	String linkIncident(@PathVariable String id, @RequestParam(required = false) String sourceId,
			@RequestParam(required = false) Long incidentId) {
		return act(id, (r, actor) -> {
			if (incidentId != null) {
				incidentLinks.linkById(r, incidentId, actor);
			}
			else {
				incidentLinks.linkBySourceId(r, sourceId, actor);
			}
			return r;
		});
	}

	private String act(String id, Action action) {
		String actor = StaffAccess.require(StaffAccess.ACT);
		StoredRequest r = find(SignedInStaff.agencyIn(agencies), id);
		String target = "redirect:/staff/reports/requests/" + r.publicId();
		try {
			action.apply(r, actor);
			return target;
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			return target + "?error=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8);
		}
	}

	private StoredRequest find(Agency agency, String id) {
		return repository.byPublicId(agency.id(), id)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no report " + id));
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@FunctionalInterface
	private interface Action {
		StoredRequest apply(StoredRequest r, String actor);
	}

	/** The filters as chosen, to fill the form again. */
	record Filter(String kind, String status, String service, String assignee, Boolean overdue, String moderation,
			String category) {
	}

	/** One report in the queue. */
	record QueueRow(String id, String service, boolean privateCategory, String requested, String expected, boolean overdue,
			String status, String moderation, String assignedTo, String excerpt, List<String> incidents) {

		static QueueRow of(StoredRequest r, Instant now, ZoneId zone, List<String> incidents) {
			DateTimeFormatter f = TIME.withZone(zone);
			String status = r.state() == RequestState.CLOSED && r.outcome() != null ? r.outcome().label() : r.state().label();
			String text = r.description() == null ? (r.address() == null ? "" : r.address()) : r.description();
			return new QueueRow(r.publicId(), r.serviceName(), r.privateCategory(), f.format(r.requestedAt()),
					r.expectedAt() == null ? "" : f.format(r.expectedAt()), r.overdue(now), status, r.moderation().db(),
					r.assignedTo(), text.length() <= 100 ? text : text.substring(0, 100) + "…", incidents);
		}
	}
}
