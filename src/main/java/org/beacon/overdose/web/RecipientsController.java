package org.beacon.overdose.web;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.identity.AuditTrail;
import org.beacon.identity.Role;
import org.beacon.identity.SignedInStaff;
import org.beacon.identity.StaffAccount;
import org.beacon.identity.StaffAccounts;
import org.beacon.overdose.internal.RecipientRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Who receives overdose alarms by e-mail or webhook, managed by supervisors and administrators. A staff
 * recipient must hold PARTNER or SUPERVISOR (checked again at each delivery); an organisation's inbox or system
 * needs no account. A webhook's signing secret is generated here and shown once.
 */
@Controller
class RecipientsController {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final RecipientRepository recipients;
	private final Agencies agencies;
	private final StaffAccounts accounts;
	private final ObjectProvider<AuditTrail> audit;
	private final ObjectProvider<Clock> clock;

	RecipientsController(RecipientRepository recipients, Agencies agencies, StaffAccounts accounts,
			ObjectProvider<AuditTrail> audit, ObjectProvider<Clock> clock) {
		this.recipients = recipients;
		this.agencies = agencies;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/overdose/recipients")
	String list(Model model) {
		OverdoseAccess.require(OverdoseAccess.MANAGE_RECIPIENTS);
		return show(model, SignedInStaff.agencyIn(agencies), Map.of(), new LinkedHashMap<>());
	}

	@PostMapping("/overdose/recipients")
	String add(@RequestParam(required = false) String label, @RequestParam(required = false) String username,
			@RequestParam(required = false) String email, @RequestParam(required = false) String webhookUrl, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String actor = OverdoseAccess.require(OverdoseAccess.MANAGE_RECIPIENTS);
		Agency agency = SignedInStaff.agencyIn(agencies);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("label", label);
		form.put("username", username);
		form.put("email", email);
		form.put("webhookUrl", webhookUrl);
		Map<String, String> errors = new LinkedHashMap<>();
		String user = blank(username) ? null : username.trim().toLowerCase(java.util.Locale.ROOT);
		if (user != null && partnersAndSupervisors(agency).stream().noneMatch(a -> a.username().equals(user))) {
			errors.put("username", "no enabled PARTNER or SUPERVISOR account '" + user + "' in this agency");
		}
		String name = !blank(label) ? label.trim() : user;
		if (name == null) {
			errors.put("label", "a name is required (or choose a staff account)");
		}
		String mail = blank(email) ? null : email.trim();
		if (mail != null && (mail.length() > 320 || !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			errors.put("email", "an e-mail address looks like name@example.org");
		}
		String url = blank(webhookUrl) ? null : webhookUrl.trim();
		if (url != null && !validUrl(url)) {
			errors.put("webhookUrl", "a webhook URL starts with https:// (or http:// for a server on this network)");
		}
		if (mail == null && url == null) {
			errors.put("email", "give an e-mail address, a webhook URL, or both");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, agency, errors, form);
		}
		String secret = url == null ? null : HexFormat.of().formatHex(bytes(32));
		long id = recipients.insert(agency.id(), user, name, mail, url, secret, actor,
				clock.getIfAvailable(Clock::systemUTC).instant());
		audit.ifAvailable(trail -> trail.record("overdose.recipient.add", "overdose_recipient:" + id, "success"));
		if (secret != null) {
			redirect.addFlashAttribute("secret", secret);
			redirect.addFlashAttribute("secretFor", name);
		}
		return "redirect:/overdose/recipients";
	}

	@PostMapping("/overdose/recipients/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled) {
		OverdoseAccess.require(OverdoseAccess.MANAGE_RECIPIENTS);
		boolean changed = recipients.setEnabled(SignedInStaff.agencyIn(agencies).id(), id, enabled);
		audit.ifAvailable(trail -> trail.record(enabled ? "overdose.recipient.enable" : "overdose.recipient.disable",
				"overdose_recipient:" + id, changed ? "success" : "failure"));
		return "redirect:/overdose/recipients";
	}

	private String show(Model model, Agency agency, Map<String, String> errors, Map<String, String> form) {
		model.addAttribute("recipients", recipients.list(agency.id()));
		model.addAttribute("staff", partnersAndSupervisors(agency));
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return "overdose/recipients";
	}

	private List<StaffAccount> partnersAndSupervisors(Agency agency) {
		return accounts.list(agency.id()).stream().filter(StaffAccount::enabled)
				.filter(a -> a.hasRole(Role.PARTNER) || a.hasRole(Role.SUPERVISOR)).toList();
	}

	private static boolean validUrl(String url) {
		try {
			URI uri = URI.create(url);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& url.length() <= 1000;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static byte[] bytes(int n) {
		byte[] b = new byte[n];
		RANDOM.nextBytes(b);
		return b;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
