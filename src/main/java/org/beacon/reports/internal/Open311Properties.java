package org.beacon.reports.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What Open311 discovery tells clients ({@code beacon.open311.*}), and how long lookups are kept.
 *
 * @param contact how to reach the people who run the endpoint
 * @param keyService how a client developer obtains an API key
 * @param test true for a test deployment whose requests are not acted upon (discovery {@code type=test})
 * @param lookupTtl how long the agencies, catalogue services and API keys read for a POST are kept (default 30
 *        seconds; 0 reads them every time); see {@link LookupCache}
 */
@ConfigurationProperties("beacon.open311")
public record Open311Properties(String contact, String keyService, boolean test, Duration lookupTtl) {

	public Open311Properties {
		lookupTtl = lookupTtl == null ? Duration.ofSeconds(30) : lookupTtl;
		contact = contact == null ? "Community policing unit; see the agency's website for contact details." : contact;
		keyService = keyService == null
				? "Ask the agency's Beacon administrator for an API key (Staff pages: Reports, Open311 API keys)."
				: keyService;
	}
}
