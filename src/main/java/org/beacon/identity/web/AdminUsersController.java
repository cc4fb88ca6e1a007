package org.beacon.identity.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.beacon.agency.Agencies;
import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccount;
import org.beacon.identity.StaffAccountRejectedException;
import org.beacon.identity.StaffAccounts;
import org.beacon.identity.internal.PasswordPolicy;
import org.beacon.identity.internal.StaffPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account administration for the administrator's own agency ({@code /admin/**} needs role ADMIN):
 * list, create with a temporary password, change roles and e-mail address, enable or disable, reset the
 * password, lift a lockout. A temporary password left blank is generated and shown once.
 */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

	private final StaffAccounts accounts;
	private final Agencies agencies;
	private final Clock clock;

	AdminUsersController(StaffAccounts accounts, Agencies agencies, ObjectProvider<Clock> clock) {
		this.accounts = accounts;
		this.agencies = agencies;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal admin, Model model) {
		model.addAttribute("accounts", accounts.list(admin.agency()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("zone", agencies.get(admin.agency()).timeZone().getId());
		return "admin/users";
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		model.addAttribute("form", new NewAccountForm("", "", Set.of(), ""));
		return form(model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal StaffPrincipal admin, NewAccountForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		boolean generate = form.password() == null || form.password().isBlank();
		String password = generate ? PasswordPolicy.generate() : form.password();
		StaffAccount created;
		try {
			created = accounts.create(new NewStaffAccount(admin.agency(), form.username(), form.displayName(),
					form.roleSet(), password, true));
		}
		catch (StaffAccountRejectedException rejected) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("form", form);
			model.addAttribute("error", FieldError.of(rejected));
			return form(model);
		}
		redirect.addFlashAttribute("message", "Account '" + created.username() + "' created.");
		if (generate) {
			redirect.addFlashAttribute("temporaryPassword", password);
		}
		return "redirect:/admin/users/" + created.username();
	}

	@GetMapping("/{username}")
	String edit(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable String username, Model model) {
		model.addAttribute("account", ownAgencys(admin, username));
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("now", clock.instant());
		model.addAttribute("zone", agencies.get(admin.agency()).timeZone().getId());
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "admin/user-edit";
	}

	@PostMapping("/{username}/roles")
	String changeRoles(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable String username,
			@RequestParam(name = "roles", required = false) List<Role> roles, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StaffAccount account = ownAgencys(admin, username);
		return change(admin, account, model, response, redirect, "Roles saved.",
				() -> accounts.changeRoles(account.username(), roles == null ? Set.of() : EnumSet.copyOf(roles)));
	}

	@PostMapping("/{username}/enabled")
	String setEnabled(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable String username,
			@RequestParam boolean enabled, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StaffAccount account = ownAgencys(admin, username);
		return change(admin, account, model, response, redirect, enabled ? "Account enabled." : "Account disabled.",
				() -> accounts.setEnabled(account.username(), enabled));
	}

	@PostMapping("/{username}/password")
	String resetPassword(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable String username,
			@RequestParam(required = false) String password, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StaffAccount account = ownAgencys(admin, username);
		boolean generate = password == null || password.isBlank();
		String temporary = generate ? PasswordPolicy.generate() : password;
		if (generate) {
			redirect.addFlashAttribute("temporaryPassword", temporary);
		}
		return change(admin, account, model, response, redirect,
				"Password reset. The user must choose a new one at their next login.",
				() -> accounts.resetPassword(account.username(), temporary));
	}

	@PostMapping("/{username}/email")
	String changeEmail(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable String username,
			@RequestParam(required = false) String email, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StaffAccount account = ownAgencys(admin, username);
		model.addAttribute("emailInput", email);
		return change(admin, account, model, response, redirect,
				email == null || email.isBlank() ? "E-mail address removed." : "E-mail address saved.",
				() -> accounts.changeEmail(account.username(), email));
	}

	@PostMapping("/{username}/unlock")
	String unlock(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable String username, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		StaffAccount account = ownAgencys(admin, username);
		return change(admin, account, model, response, redirect, "Lockout lifted.", () -> accounts.unlock(account.username()));
	}

	private String change(StaffPrincipal admin, StaffAccount account, Model model, HttpServletResponse response,
			RedirectAttributes redirect, String message, Runnable change) {
		try {
			change.run();
		}
		catch (StaffAccountRejectedException rejected) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", FieldError.of(rejected));
			return edit(admin, account.username(), model);
		}
		redirect.addFlashAttribute("message", message);
		return "redirect:/admin/users/" + account.username();
	}

	private StaffAccount ownAgencys(StaffPrincipal admin, String username) {
		return accounts.findByUsername(username).filter(account -> account.agency().equals(admin.agency()))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account '" + username + "'"));
	}

	private static String form(Model model) {
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "admin/user-new";
	}

	/** The create form's fields; a blank password means "generate one". */
	record NewAccountForm(String username, String displayName, Set<Role> roles, String password) {

		Set<Role> roleSet() {
			return roles == null ? Set.of() : roles;
		}

		public boolean has(Role role) {
			return roles != null && roles.contains(role);
		}
	}
}
