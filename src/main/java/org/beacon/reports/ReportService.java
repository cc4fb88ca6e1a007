package org.beacon.reports;

import java.util.ArrayList;
import java.util.List;

import org.beacon.shared.AgencyId;

/**
 * A kind of report residents can make to one agency (an Open311 "service").
 *
 * @param keywords synonyms and tags; a private category always carries {@code private}, the mySociety
 *        convention that tells clients such as FixMyStreet its reports are never public
 * @param privateCategory accepted but never returned by public reads; description and media never shown
 * @param slaHours the promise: {@code expected_datetime} is the request time plus this
 * @param serviceNotice what will happen, returned as {@code service_notice} when a request is made
 */
public record ReportService(long id, AgencyId agency, String code, String name, String description, String group,
		List<String> keywords, ServiceType type, boolean privateCategory, int slaHours, String serviceNotice,
		List<ServiceAttribute> attributes) {

	public ReportService {
		List<String> words = new ArrayList<>(keywords == null ? List.of() : keywords);
		if (privateCategory && !words.contains("private")) {
			words.add("private");
		}
		keywords = List.copyOf(words);
		attributes = attributes == null ? List.of() : List.copyOf(attributes);
	}

	/** Open311 {@code metadata}: true when the service has a definition with attributes. */
	public boolean metadata() {
		return !attributes.isEmpty();
	}

	/** Open311 {@code keywords}: a comma-separated string, not an array. */
	public String keywordList() {
		return String.join(",", keywords);
	}
}
