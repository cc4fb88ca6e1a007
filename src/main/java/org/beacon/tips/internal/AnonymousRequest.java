package org.beacon.tips.internal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * The request as everything after the anonymous edge sees it: no client address, no user agent, no
 * cookies, no forwarding or referrer headers, and no session. Whatever logs, audits or stores later cannot
 * keep what it never receives.
 */
final class AnonymousRequest extends HttpServletRequestWrapper {

	static final String NO_ADDRESS = "0.0.0.0";

	/** Headers that identify a client or its device, or carry a session. Lower case. */
	static final Set<String> HIDDEN_HEADERS = Set.of("user-agent", "cookie", "referer", "x-forwarded-for",
			"x-real-ip", "forwarded", "x-forwarded-host", "true-client-ip", "cf-connecting-ip", "x-client-ip",
			"x-cluster-client-ip", "via", "from", "sec-ch-ua", "sec-ch-ua-platform", "sec-ch-ua-mobile",
			"sec-ch-ua-model", "sec-ch-ua-full-version-list", "dnt", "x-requested-with", "authorization");

	AnonymousRequest(HttpServletRequest request) {
		super(request);
	}

	@Override
	public String getRemoteAddr() {
		return NO_ADDRESS;
	}

	@Override
	public String getRemoteHost() {
		return NO_ADDRESS;
	}

	@Override
	public int getRemotePort() {
		return 0;
	}

	@Override
	public Cookie[] getCookies() {
		return null;
	}

	@Override
	public String getHeader(String name) {
		return hidden(name) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		List<String> names = Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).toList();
		return Collections.enumeration(names);
	}

	@Override
	public long getDateHeader(String name) {
		return hidden(name) ? -1 : super.getDateHeader(name);
	}

	@Override
	public int getIntHeader(String name) {
		return hidden(name) ? -1 : super.getIntHeader(name);
	}

	@Override
	public HttpSession getSession() {
		return getSession(true);
	}

	@Override
	public HttpSession getSession(boolean create) {
		if (create) {
			throw new IllegalStateException("resident-facing paths never create a session");
		}
		return null;
	}

	@Override
	public String getRequestedSessionId() {
		return null;
	}

	@Override
	public boolean isRequestedSessionIdValid() {
		return false;
	}

	@Override
	public String getRemoteUser() {
		return null;
	}

	private static boolean hidden(String name) {
		return name != null && HIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT));
	}
}
