package org.beacon.reports.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import org.beacon.agency.Agencies;
import org.beacon.identity.SignedInStaff;
import org.beacon.shared.AgencyId;
import org.beacon.tips.TipCategory;
import org.beacon.tips.TipDetail;
import org.beacon.tips.TipImage;
import org.beacon.tips.TipIncidentLink;
import org.beacon.tips.TipOutcome;
import org.beacon.tips.Tips;
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
 * Triage of one tip: read it, assign, recategorise, note, ask the tipster, close honestly; images; links to
 * incident records (staff-only, never in the receipt).
 */
@Controller
@RequestMapping("/staff/reports/tips")
class StaffTipsController {

	private final Agencies agencies;
	private final Tips tips;

	StaffTipsController(Agencies agencies, Tips tips) {
		this.agencies = agencies;
		this.tips = tips;
	}

	@GetMapping("/{id}")
	String tip(@PathVariable long id, @RequestParam(required = false) String error,
			@RequestParam(defaultValue = "30") int days, Model model) {
		var agency = SignedInStaff.agencyIn(agencies);
		TipDetail tip = tips.detail(agency.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("tip", tip);
		model.addAttribute("located", tip.lat() != null && tip.lon() != null);
		model.addAttribute("incidentLinks", tips.incidentLinks(agency.id(), id));
		model.addAttribute("nearbyIncidents", tips.nearbyIncidents(agency.id(), id, days));
		model.addAttribute("incidentDays", Math.max(1, days));
		model.addAttribute("incidentRadius", TipIncidentLink.NEARBY_METRES);
		model.addAttribute("categories", TipCategory.values());
		model.addAttribute("outcomes", TipOutcome.values());
		model.addAttribute("canOversee", StaffAccess.has(StaffAccess.OVERSEE));
		model.addAttribute("canAct", StaffAccess.has(StaffAccess.ACT));
		model.addAttribute("when", StaffReportsController.TIME.withZone(agency.timeZone()));
		model.addAttribute("error", error);
		return "staff/reports/tip";
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) String assignee) {
		return act(id, (agency, actor) -> tips.assign(agency, id, "me".equals(assignee) ? actor : assignee, actor));
	}

	@PostMapping("/{id}/category")
	String category(@PathVariable long id, @RequestParam String category) {
		return act(id, (agency, actor) -> tips.recategorise(agency, id, TipCategory.fromCode(category), actor));
	}

	@PostMapping("/{id}/note")
	String note(@PathVariable long id, @RequestParam(required = false) String text) {
		return act(id, (agency, actor) -> tips.note(agency, id, text, actor));
	}

	@PostMapping("/{id}/ask")
	String ask(@PathVariable long id, @RequestParam(required = false) String question) {
		return act(id, (agency, actor) -> tips.ask(agency, id, question, actor));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @RequestParam TipOutcome outcome, @RequestParam(required = false) String notice) {
		return act(id, (agency, actor) -> tips.close(agency, id, outcome, notice, actor));
	}

	@PostMapping("/{id}/reopen")
	String reopen(@PathVariable long id) {
		return act(id, (agency, actor) -> tips.reopen(agency, id, actor));
	}

	@PostMapping("/{id}/release")
	String release(@PathVariable long id) {
		StaffAccess.require(StaffAccess.OVERSEE);
		return act(id, (agency, actor) -> tips.release(agency, id, actor));
	}

	/** Links an incident by the source id staff typed, or by Beacon's id when picked from the nearby list. */
	@PostMapping("/{id}/incident")
	String linkIncident(@PathVariable long id, @RequestParam(required = false) String sourceId,
			@RequestParam(required = false) Long incidentId) {
		return act(id, (agency, actor) -> {
			if (incidentId != null) {
				tips.linkIncidentById(agency, id, incidentId, actor);
			}
			else {
				tips.linkIncidentBySourceId(agency, id, sourceId, actor);
			}
		});
	}

	/** The working copy: metadata removed, safe to show. */
	@GetMapping("/{id}/attachments/{attachment}")
	ResponseEntity<byte[]> workingCopy(@PathVariable long id, @PathVariable long attachment) {
		TipImage image = tips.workingCopy(SignedInStaff.agencyIn(agencies).id(), id, attachment)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return image(image, "inline");
	}

	/** The sealed original, as uploaded: supervisors and administrators only, every read audited. */
	@GetMapping("/{id}/attachments/{attachment}/original")
	ResponseEntity<byte[]> original(@PathVariable long id, @PathVariable long attachment) {
		String actor = StaffAccess.require(StaffAccess.OVERSEE);
		TipImage image = tips.sealedOriginal(SignedInStaff.agencyIn(agencies).id(), id, attachment, actor)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return image(image, "attachment; filename=\"tip-" + id + "-attachment-" + attachment + "-original\"");
	}

	private static ResponseEntity<byte[]> image(TipImage image, String disposition) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, image.contentType())
				.header(HttpHeaders.CONTENT_DISPOSITION, disposition).header("X-Content-SHA256", image.sha256())
				.header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Content-Type-Options", "nosniff").body(image.bytes());
	}

	private String act(long id, BiConsumer<AgencyId, String> action) {
		String actor = StaffAccess.require(StaffAccess.ACT);
		String target = "redirect:/staff/reports/tips/" + id;
		try {
			action.accept(SignedInStaff.agencyIn(agencies).id(), actor);
			return target;
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			return target + "?error=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8);
		}
	}
}
