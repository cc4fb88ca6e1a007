package org.beacon.identity.web;

import org.beacon.identity.AuditLog;
import org.beacon.identity.AuditTrail;
import org.beacon.identity.SignedInStaff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The newest audit entries of the administrator's agency (and those of no agency), and a button that verifies
 * the whole chain (role ADMIN).
 */
@Controller
@RequestMapping("/admin/audit")
class AdminAuditController {

	private static final int SHOWN = 200;

	private final AuditLog log;
	private final AuditTrail trail;

	AdminAuditController(AuditLog log, AuditTrail trail) {
		this.log = log;
		this.trail = trail;
	}

	@GetMapping
	String latest(Model model) {
		model.addAttribute("entries", log.latest(SignedInStaff.agency(), SHOWN));
		model.addAttribute("shown", SHOWN);
		return "admin/audit";
	}

	@PostMapping("/verify")
	String verify(Model model) {
		model.addAttribute("verification", trail.verify());
		return latest(model);
	}
}
