package org.beacon.tips.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AnonymousEdgeFilterTests {

	AtomicLong clock = new AtomicLong();
	AnonymousEdgeFilter filter = new AnonymousEdgeFilter(new AnonymousEdgeProperties(Duration.ofMinutes(1), 100, 2, 1, 1000,
			0), clock::get);

	@Test
	void whatComesAfterTheEdgeSeesNoAddressAgentCookiesOrSession() throws Exception {
		MockHttpServletRequest request = request("POST", "/tips/new", "198.51.100.9");
		AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

		filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));

		HttpServletRequest after = seen.get();
		assertThat(after.getRemoteAddr()).isEqualTo("0.0.0.0");
		assertThat(after.getRemoteHost()).isEqualTo("0.0.0.0");
		assertThat(after.getHeader("User-Agent")).isNull();
		assertThat(after.getHeader("X-Forwarded-For")).isNull();
		assertThat(after.getHeader("Referer")).isNull();
		assertThat(after.getCookies()).isNull();
		assertThat(Collections.list(after.getHeaderNames())).containsExactly("Accept-Language");
		assertThat(after.getSession(false)).isNull();
		assertThatThrownBy(() -> after.getSession(true)).isInstanceOf(IllegalStateException.class);
		assertThat(request.getAttribute(AnonymousEdgeFilter.SKIP_ACCESS_LOG)).isEqualTo(Boolean.TRUE);
	}

	@Test
	void nothingAfterTheEdgeCanSetACookie() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(request("GET", "/tips/new", "198.51.100.9"), response, (req, res) -> {
			HttpServletResponse r = (HttpServletResponse) res;
			r.addCookie(new Cookie("tracker", "1"));
			r.addHeader("Set-Cookie", "tracker=2");
			r.setHeader("set-cookie", "tracker=3");
			r.setHeader("X-Kept", "yes");
		});

		assertThat(response.getCookies()).isEmpty();
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(response.getHeader("X-Kept")).isEqualTo("yes");
	}

	@Test
	void limitsWritesPerClientAndAnswers429WithRetryAfter() throws Exception {
		int[] passed = new int[1];
		MockHttpServletResponse third = new MockHttpServletResponse();

		filter.doFilter(request("POST", "/api/tips", "198.51.100.9"), new MockHttpServletResponse(), (q, s) -> passed[0]++);
		filter.doFilter(request("POST", "/api/tips", "198.51.100.9"), new MockHttpServletResponse(), (q, s) -> passed[0]++);
		filter.doFilter(request("POST", "/api/tips", "198.51.100.9"), third, (q, s) -> passed[0]++);
		filter.doFilter(request("POST", "/api/tips", "198.51.100.10"), new MockHttpServletResponse(), (q, s) -> passed[0]++);

		assertThat(passed[0]).isEqualTo(3);
		assertThat(third.getStatus()).isEqualTo(429);
		assertThat(third.getHeader("Retry-After")).isEqualTo("30");
		assertThat(third.getContentType()).startsWith("application/problem+json");
	}

	@Test
	void receiptChecksHaveTheirOwnStricterLimitAndRefillOverTime() throws Exception {
		int[] passed = new int[1];

		filter.doFilter(request("POST", "/tips/receipt", "198.51.100.9"), new MockHttpServletResponse(), (q, s) -> passed[0]++);
		filter.doFilter(request("POST", "/tips/receipt", "198.51.100.9"), new MockHttpServletResponse(), (q, s) -> passed[0]++);
		clock.set(Duration.ofSeconds(61).toNanos());
		filter.doFilter(request("POST", "/tips/receipt", "198.51.100.9"), new MockHttpServletResponse(), (q, s) -> passed[0]++);

		assertThat(passed[0]).isEqualTo(2);
	}

	@Test
	void open311ClientsGetTheSpecErrorShapeWhenLimited() throws Exception {
		AnonymousEdgeFilter strict = new AnonymousEdgeFilter(new AnonymousEdgeProperties(Duration.ofMinutes(1), 1, 1, 1, 1, 0),
				clock::get);
		MockHttpServletResponse json = new MockHttpServletResponse();
		MockHttpServletResponse xml = new MockHttpServletResponse();

		strict.doFilter(request("GET", "/open311/v2/requests.json", "198.51.100.9"), new MockHttpServletResponse(), (q, s) -> {
		});
		strict.doFilter(request("GET", "/open311/v2/requests.json", "198.51.100.9"), json, (q, s) -> {
		});
		strict.doFilter(request("GET", "/open311/v2/requests.xml", "198.51.100.9"), xml, (q, s) -> {
		});

		assertThat(json.getStatus()).isEqualTo(429);
		assertThat(json.getContentAsString()).startsWith("[{\"code\":429,\"description\":\"Too many requests");
		assertThat(xml.getContentAsString()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>429</code>");
	}

	private static MockHttpServletRequest request(String method, String uri, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.setRemoteAddr(address);
		request.addHeader("User-Agent", "TipsterPhone/1.0");
		request.addHeader("X-Forwarded-For", address);
		request.addHeader("Referer", "https://example.org/where-i-came-from");
		request.addHeader("Accept-Language", "en");
		request.setCookies(new Cookie("JSESSIONID", "abc"));
		return request;
	}
}
