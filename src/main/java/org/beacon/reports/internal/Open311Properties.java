package org.beacon.reports.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What Open311 discovery tells clients ({@code beacon.open311.*}).
 *
 * @param contact how to reach the people who run the endpoint
 * @param keyService how a client developer obtains an API key
 * @param test true for a test deployment whose requests are not acted upon (discovery {@code type=test})
 */
@ConfigurationProperties("beacon.open311")
public record Open311Properties(String contact, String keyService, boolean test) {

	public Open311Properties {
		contact = contact == null ? "Community policing unit; see the agency's website for contact details." : contact;
		keyService = keyService == null
				? "Ask the agency's Beacon administrator for an API key (Staff pages: Reports, Open311 API keys)."
				: keyService;
	}
}
