package org.beacon.publicsafety.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.identity.Role;
import org.beacon.identity.SignedInStaff;
import org.beacon.identity.StaffAccount;
import org.beacon.identity.StaffAccounts;
import org.beacon.publicsafety.internal.AlertHealth;
import org.beacon.publicsafety.internal.AlertProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /staff/alerts}: whether resident alerts reach residents, for administrators and supervisors (who also
 * manage who receives overdose alarms) of the signed-in staff member's agency. Sent, waiting for a retry and
 * given up over the last 7 days by channel, the latest failures, and subscriptions by state, so an SMTP outage
 * or a dead webhook shows here before anyone complains. No address, webhook URL or secret is shown.
 */
@Controller
class AlertHealthController {

	static final Role[] READ = { Role.ADMIN, Role.SUPERVISOR };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final AlertHealth health;
	private final AlertProperties properties;
	private final StaffAccounts accounts;
	private final Agencies agencies;
	private final ObjectProvider<Clock> clock;

	AlertHealthController(AlertHealth health, AlertProperties properties, StaffAccounts accounts, Agencies agencies,
			ObjectProvider<Clock> clock) {
		this.health = health;
		this.properties = properties;
		this.accounts = accounts;
		this.agencies = agencies;
		this.clock = clock;
	}

	@GetMapping("/staff/alerts")
	String health(Model model) {
		String user = SignedInStaff.require(READ);
		Agency agency = agencies.get(accounts.findByUsername(user).map(StaffAccount::agency)
				.orElseThrow(() -> new AccessDeniedException("no staff account " + user)));
		model.addAttribute("agency", agency);
		model.addAttribute("report", health.report(agency.id(), clock.getIfAvailable(Clock::systemUTC).instant()));
		model.addAttribute("days", AlertHealth.WINDOW.toDays());
		model.addAttribute("maxAttempts", properties.retry().maxAttempts());
		model.addAttribute("when", TIME.withZone(agency.timeZone()));
		return "staff/alerts/health";
	}
}
