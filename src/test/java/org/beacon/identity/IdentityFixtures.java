package org.beacon.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.beacon.agency.Agencies;
import org.beacon.identity.internal.WithStaffSecurityContextFactory;
import org.beacon.shared.AgencyId;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** Accounts and logins for identity's tests. */
public final class IdentityFixtures {

	/** Long enough for the password rules; every fixture account has it. */
	public static final String PASSWORD = "correct horse battery staple";

	private static final AtomicInteger NEXT = new AtomicInteger();

	private IdentityFixtures() {
	}

	/** A username no other test in the same context uses. */
	public static String uniqueName(String prefix) {
		return prefix + "-" + NEXT.incrementAndGet();
	}

	/** An enabled account with {@link #PASSWORD}, which need not be changed at login. */
	public static StaffAccount account(StaffAccounts accounts, Agencies agencies, String prefix, Role... roles) {
		return accounts.create(new NewStaffAccount(agencies.defaultAgency().id(), uniqueName(prefix),
				"Test " + prefix, Set.of(roles), PASSWORD, false));
	}

	/** An enabled account of {@code agency} with {@link #PASSWORD}, which need not be changed at login. */
	public static StaffAccount account(StaffAccounts accounts, AgencyId agency, String prefix, Role... roles) {
		return accounts.create(new NewStaffAccount(agency, uniqueName(prefix), "Test " + prefix, Set.of(roles),
				PASSWORD, false));
	}

	/**
	 * Sends a request as a signed-in staff member of {@code agency} with exactly {@code roles}; the account
	 * {@code username} is stored (or given those roles) first, as the browser chain reloads it.
	 */
	public static RequestPostProcessor staff(AgencyId agency, String username, Role... roles) {
		return request -> {
			StaffAccounts accounts = WebApplicationContextUtils
					.getRequiredWebApplicationContext(request.getServletContext()).getBean(StaffAccounts.class);
			return SecurityMockMvcRequestPostProcessors
					.authentication(WithStaffSecurityContextFactory.signedIn(accounts, agency, username, roles))
					.postProcessRequest(request);
		};
	}

	/** Logs in through the form and returns the session, failing if the login does not succeed. */
	public static MockHttpSession login(MockMvc mvc, String username, String password) throws Exception {
		var result = mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
		if (result.getResponse().getRedirectedUrl() == null || result.getResponse().getRedirectedUrl().contains("error")) {
			throw new IllegalStateException("login of " + username + " failed: " + result.getResponse().getRedirectedUrl());
		}
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** Sets the client address the request comes from. */
	public static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
