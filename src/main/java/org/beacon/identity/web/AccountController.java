package org.beacon.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.beacon.agency.Agencies;
import org.beacon.identity.StaffAccount;
import org.beacon.identity.StaffAccountRejectedException;
import org.beacon.identity.StaffAccounts;
import org.beacon.identity.internal.PasswordPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: who they are, and changing their password. */
@Controller
@RequestMapping("/account")
class AccountController {

	private final StaffAccounts accounts;
	private final Agencies agencies;

	AccountController(StaffAccounts accounts, Agencies agencies) {
		this.accounts = accounts;
		this.agencies = agencies;
	}

	@GetMapping
	String home(@AuthenticationPrincipal UserDetails user, Model model) {
		StaffAccount account = accounts.findByUsername(user.getUsername()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("agency", agencies.get(account.agency()));
		model.addAttribute("roleNames", account.roles().stream().map(Enum::name).sorted().toList());
		return "account/home";
	}

	@GetMapping("/password")
	String passwordForm(@AuthenticationPrincipal UserDetails user, Model model) {
		model.addAttribute("account", accounts.findByUsername(user.getUsername()).orElseThrow());
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "account/password";
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal UserDetails user, PasswordChange form, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
				throw new StaffAccountRejectedException("confirmPassword", "The two new passwords do not match.");
			}
			accounts.changePassword(user.getUsername(), form.currentPassword(), form.newPassword());
		}
		catch (StaffAccountRejectedException rejected) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", FieldError.of(rejected));
			return passwordForm(user, model);
		}
		// A new password is a new start: do not keep the session id the old one was used with.
		request.changeSessionId();
		redirect.addFlashAttribute("message", "Your password has been changed.");
		return "redirect:/account";
	}

	/** The password form's fields. */
	record PasswordChange(String currentPassword, String newPassword, String confirmPassword) {
	}
}
