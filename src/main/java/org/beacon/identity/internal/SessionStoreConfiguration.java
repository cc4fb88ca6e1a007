package org.beacon.identity.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Staff web sessions live in the database, not in one node's memory, so any node behind a load balancer can
 * answer any request and a restart signs nobody out (see docs/adr/0005-sessions-in-the-database.md). The
 * tables are {@code spring_session} and {@code spring_session_attributes}, made by migration V4.
 * <p>
 * The idle timeout is {@code server.servlet.session.timeout} (30 minutes); the cookie is {@code SESSION},
 * HttpOnly, SameSite=Lax, and Secure when the request came over HTTPS. Expired rows are deleted by a job
 * every minute on every node, which is harmless when several run it.
 * <p>
 * {@code beacon.sessions.store=memory} keeps sessions in the servlet container instead; only the MockMvc
 * tests use it, because a mock session object cannot travel through a cookie.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "beacon.sessions.store", havingValue = "jdbc", matchIfMissing = true)
@EnableJdbcHttpSession
class SessionStoreConfiguration {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		return repository -> repository.setDefaultMaxInactiveInterval(timeout);
	}

	@Bean
	CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.same-site:lax}") String sameSite) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("SESSION");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite(Character.toUpperCase(sameSite.charAt(0)) + sameSite.substring(1).toLowerCase());
		cookie.setCookiePath("/");
		return cookie;
	}
}
