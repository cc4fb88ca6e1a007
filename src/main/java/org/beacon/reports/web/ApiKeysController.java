package org.beacon.reports.web;

import org.beacon.agency.Agencies;
import org.beacon.identity.AuditTrail;
import org.beacon.identity.SignedInStaff;
import org.beacon.reports.internal.ApiKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators issue and revoke Open311 API keys; a new key is shown once. */
@Controller
@RequestMapping("/staff/reports/api-keys")
class ApiKeysController {

	private final ApiKeys apiKeys;
	private final Agencies agencies;
	private final ObjectProvider<AuditTrail> audit;

	ApiKeysController(ApiKeys apiKeys, Agencies agencies, ObjectProvider<AuditTrail> audit) {
		this.apiKeys = apiKeys;
		this.agencies = agencies;
		this.audit = audit;
	}

	@GetMapping
	String list(Model model) {
		StaffAccess.require(StaffAccess.ADMINISTER);
		model.addAttribute("keys", apiKeys.list(SignedInStaff.agencyIn(agencies).id()));
		return "staff/reports/api-keys";
	}

	@PostMapping
	String issue(@RequestParam String label, Model model) {
		String actor = StaffAccess.require(StaffAccess.ADMINISTER);
		String name = label == null || label.isBlank() ? "unnamed client" : label.trim();
		var issued = apiKeys.issue(SignedInStaff.agencyIn(agencies).id(), name.length() > 200 ? name.substring(0, 200) : name,
				actor);
		audit.ifAvailable(trail -> trail.record("reports.apikey.issue", "open311_api_key:" + issued.id(), "success"));
		model.addAttribute("issued", issued);
		model.addAttribute("keys", apiKeys.list(SignedInStaff.agencyIn(agencies).id()));
		return "staff/reports/api-keys";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id) {
		StaffAccess.require(StaffAccess.ADMINISTER);
		apiKeys.revoke(SignedInStaff.agencyIn(agencies).id(), id);
		audit.ifAvailable(trail -> trail.record("reports.apikey.revoke", "open311_api_key:" + id, "success"));
		return "redirect:/staff/reports/api-keys";
	}
}
