package org.beacon.tips.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** A response that cannot set a cookie: nothing on a resident-facing path may tag the browser. */
final class CookielessResponse extends HttpServletResponseWrapper {

	CookielessResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public void addCookie(Cookie cookie) {
		// dropped on purpose
	}

	@Override
	public void setHeader(String name, String value) {
		if (!isCookieHeader(name)) {
			super.setHeader(name, value);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (!isCookieHeader(name)) {
			super.addHeader(name, value);
		}
	}

	private static boolean isCookieHeader(String name) {
		return "set-cookie".equalsIgnoreCase(name) || "set-cookie2".equalsIgnoreCase(name);
	}
}
