package org.beacon.identity.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session true to the account as stored, on every node: before each request is
 * authorised it re-reads the account, so that a disabled account's sessions end at their next request and
 * a change of roles takes effect at once. While the account must change its password, every page except
 * the password form, logout and static files redirects to {@code /account/password}; the API answers 403.
 * <p>
 * On the stateless API chain the account has just been read for HTTP Basic, so it is not read again.
 */
final class StaffSessionFilter extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	/** What a user who must change their password may still reach. */
	private static final List<String> OPEN_WHILE_PASSWORD_MUST_CHANGE = List.of(PASSWORD_PAGE, "/logout", "/login",
			"/error");

	/** Static files; never worth a database read. */
	private static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/webjars/", "/favicon.ico");

	private final StaffUserDetailsService users;
	private final SecurityContextRepository sessionRepository;
	private final boolean sessions;
	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	/** For the browser chain, whose authentication lives in the HTTP session. */
	static StaffSessionFilter forSessions(StaffUserDetailsService users, SecurityContextRepository repository) {
		return new StaffSessionFilter(users, repository, true);
	}

	/** For the stateless API chain. */
	static StaffSessionFilter forApi(StaffUserDetailsService users) {
		return new StaffSessionFilter(users, null, false);
	}

	private StaffSessionFilter(StaffUserDetailsService users, SecurityContextRepository sessionRepository,
			boolean sessions) {
		this.users = users;
		this.sessionRepository = sessionRepository;
		this.sessions = sessions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return STATIC_PREFIXES.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = holder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof StaffPrincipal principal)) {
			chain.doFilter(request, response);
			return;
		}
		if (sessions) {
			Optional<StaffPrincipal> current = users.reload(principal.getUsername());
			if (current.isEmpty() || !current.get().isEnabled()) {
				endSession(request, response);
				return;
			}
			if (!current.get().sameGrantsAs(principal)) {
				principal = current.get();
				refresh(authentication, principal, request, response);
			}
		}
		if (principal.mustChangePassword() && !openWhilePasswordMustChange(path(request))) {
			if (sessions) {
				response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			}
			else {
				response.sendError(HttpServletResponse.SC_FORBIDDEN, "password change required: sign in on the web first");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private void endSession(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		holder.clearContext();
		response.sendRedirect(request.getContextPath() + "/login?disabled");
	}

	private void refresh(Authentication old, StaffPrincipal principal, HttpServletRequest request,
			HttpServletResponse response) {
		var updated = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
		updated.setDetails(old.getDetails());
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(updated);
		holder.setContext(context);
		sessionRepository.saveContext(context, request, response);
	}

	private static boolean openWhilePasswordMustChange(String path) {
		return OPEN_WHILE_PASSWORD_MUST_CHANGE.contains(path) || STATIC_PREFIXES.stream().anyMatch(path::startsWith);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
