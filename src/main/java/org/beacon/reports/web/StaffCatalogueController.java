package org.beacon.reports.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.identity.SignedInStaff;
import org.beacon.reports.internal.CatalogueEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Supervisors and administrators keep the agency's report categories: name, SLA hours, private or public,
 * offered or not. Every change is audited; a category made private disappears from public reads at once.
 */
@Controller
@RequestMapping("/staff/reports/catalogue")
class StaffCatalogueController {

	private final Agencies agencies;
	private final CatalogueEditor editor;

	StaffCatalogueController(Agencies agencies, CatalogueEditor editor) {
		this.agencies = agencies;
		this.editor = editor;
	}

	@GetMapping
	String page(@RequestParam(required = false) String error, @RequestParam(required = false) String saved,
			Model model) {
		StaffAccess.require(StaffAccess.OVERSEE);
		Agency agency = SignedInStaff.agencyIn(agencies);
		model.addAttribute("entries", editor.entries(agency.id()));
		model.addAttribute("error", error);
		model.addAttribute("saved", saved);
		return "staff/reports/catalogue";
	}

	@PostMapping("/{code}")
	String change(@PathVariable String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String slaHours, @RequestParam(defaultValue = "false") boolean privateCategory,
			@RequestParam(defaultValue = "false") boolean active) {
		String actor = StaffAccess.require(StaffAccess.OVERSEE);
		try {
			editor.change(SignedInStaff.agencyIn(agencies).id(), code, name, slaHours, privateCategory, active, actor);
			return "redirect:/staff/reports/catalogue?saved=" + encode(code);
		}
		catch (IllegalArgumentException e) {
			return "redirect:/staff/reports/catalogue?error=" + encode(code + ": " + e.getMessage());
		}
	}

	/** Query-string encoding with %20 for spaces, which every client decodes the same way. */
	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
