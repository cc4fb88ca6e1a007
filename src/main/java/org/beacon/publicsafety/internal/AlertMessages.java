package org.beacon.publicsafety.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.beacon.overdose.ResidentNoticePublished;
import org.beacon.disclosure.PublicDisclosure;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import tools.jackson.databind.ObjectMapper;

/** The words of alert messages. Counts only through {@link Digests#words} and {@link PublicDisclosure}. */
@Component
class AlertMessages {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final AlertProperties properties;
	private final Digests digests;
	private final PublicDisclosure disclosure;
	private final ObjectMapper json;

	AlertMessages(AlertProperties properties, Digests digests, PublicDisclosure disclosure, ObjectMapper json) {
		this.properties = properties;
		this.digests = digests;
		this.disclosure = disclosure;
		this.json = json;
	}

	String confirmationUrl(String confirmToken) {
		return properties.baseUrl() + "/public/alerts/confirm?token=" + UriUtils.encode(confirmToken, "UTF-8");
	}

	String unsubscribeUrl(String unsubscribeToken) {
		return properties.baseUrl() + "/public/alerts/unsubscribe?token=" + UriUtils.encode(unsubscribeToken, "UTF-8");
	}

	String noticeUrl(ResidentNoticePublished notice) {
		return properties.baseUrl() + "/public/notices/" + notice.noticeId();
	}

	String confirmation(String confirmToken) {
		return """
				Someone (we hope you) asked for Beacon crime alerts at this address.

				To start them, open this link and press Confirm:
				%s

				If it was not you, ignore this message: nothing will be sent.
				""".formatted(confirmationUrl(confirmToken));
	}

	String digestSubject(Subscription s, Digest d) {
		String when = s.frequency() == Subscription.Frequency.DAILY ? SHOWN.format(d.from())
				: "week of " + SHOWN.format(d.from());
		return "Incidents in your area, " + when;
	}

	String digestText(Subscription s, Digest d, String unsubscribeToken) {
		List<String> out = new ArrayList<>();
		out.add("Public incidents in the place you chose, " + SHOWN.format(d.from())
				+ (d.from().equals(d.to()) ? "" : " to " + SHOWN.format(d.to())) + ", against the usual (the average of the "
				+ Digests.BASELINE_PERIODS + " " + (s.frequency() == Subscription.Frequency.DAILY ? "days" : "weeks")
				+ " before):");
		out.add("");
		if (d.lines().isEmpty()) {
			out.add("No incidents in the categories you chose.");
		}
		d.lines().forEach(l -> out.add("- " + digests.words(l)));
		out.add("");
		out.add("Prevention tip: " + d.tip());
		out.add("");
		out.add("What is being done: " + d.whatWeDo());
		out.add("");
		out.add("See them on the map: " + properties.baseUrl() + "/public/map?from=" + d.from() + "&to=" + d.to());
		out.add("Places are shown to the hundred block; sexual and domestic offences and anything involving a juvenile "
				+ "are never included; counts below " + disclosure.minCount() + " read \"fewer than "
				+ disclosure.minCount() + "\".");
		out.add("");
		out.add("Stop these alerts: " + unsubscribeUrl(unsubscribeToken));
		return String.join("\n", out) + "\n";
	}

	String digestJson(Subscription s, Digest d) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "alerts.digest");
		body.put("from", d.from().toString());
		body.put("to", d.to().toString());
		List<Map<String, Object>> lines = new ArrayList<>();
		for (Digest.Line l : d.lines()) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("category", l.category().name());
			line.put("count", disclosure.count(l.count()));
			line.put("usually", digests.baseline(l));
			line.put("aboveUsual", l.aboveUsual());
			line.put("text", digests.words(l));
			lines.add(line);
		}
		body.put("lines", lines);
		body.put("tip", d.tip());
		body.put("whatWeDo", d.whatWeDo());
		return json.writeValueAsString(body);
	}

	String noticeText(ResidentNoticePublished notice, String unsubscribeToken) {
		return """
				Public-health partners published an overdose notice for your area, with ways to stay safe:
				%s

				In an overdose, call 911, give naloxone and stay. For help with substance use or in a crisis, call or text 988.

				Stop these alerts: %s
				""".formatted(noticeUrl(notice), unsubscribeUrl(unsubscribeToken));
	}
}
