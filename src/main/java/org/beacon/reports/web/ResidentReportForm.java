package org.beacon.reports.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.reports.ReportService;
import org.beacon.reports.ServiceAttribute;
import org.beacon.reports.internal.NewRequest;
import org.beacon.reports.internal.Open311Exception;
import org.beacon.reports.internal.Open311Error;
import org.beacon.reports.internal.Open311PostParser;
import org.beacon.shared.AgencyId;

/**
 * The resident report form's fields, checked by the same {@link Open311PostParser} an Open311 POST goes through,
 * so the web and the API accept exactly the same reports. Its errors are keyed by the form field they name
 * ({@code description}, {@code location}, {@code address}, {@code email}, {@code name}, {@code a-<code>} for a
 * question), for the form to show each beside its field.
 */
final class ResidentReportForm {

	/** Open311 field names as they start an error message, and the form field each means. */
	private static final Map<String, String> FIELD_OF = Map.of("description", "description", "lat", "location", "long",
			"location", "lat/long,", "location", "address_string", "address", "email", "email", "first_name", "name");

	private final Map<String, String[]> form;

	ResidentReportForm(Map<String, String[]> form) {
		this.form = form;
	}

	/** First non-blank value of a form field, trimmed, or null. */
	String value(String name) {
		return new Open311PostParser(form).value(name);
	}

	/** The validated report (channel {@code web}, no API key), or the errors by field. */
	Result parse(AgencyId agency, ReportService service) {
		Map<String, String[]> open311 = new HashMap<>();
		copy("description", "description", open311);
		copy("lat", "lat", open311);
		copy("lon", "long", open311);
		copy("address", "address_string", open311);
		copy("email", "email", open311);
		copy("name", "first_name", open311);
		for (ServiceAttribute a : service.attributes()) {
			copy(attributeField(a), "attribute[" + a.code() + "]", open311);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (value("description") == null) {
			errors.put("description", "description is required: tell us what happened");
		}
		try {
			NewRequest parsed = new Open311PostParser(open311).parse(agency, service, null);
			if (errors.isEmpty()) {
				return new Result(new NewRequest(parsed.agency(), parsed.service(), parsed.description(), parsed.lat(),
						parsed.lon(), parsed.address(), parsed.addressId(), parsed.mediaUrl(), parsed.attributes(),
						parsed.contact(), null, "web"), Map.of());
			}
		}
		catch (Open311Exception e) {
			for (Open311Error err : e.errors()) {
				String message = err.description();
				String field = field(message, service);
				errors.merge(field, webWording(message, service), (a, b) -> a + "; " + b);
			}
		}
		return new Result(null, errors);
	}

	static String attributeField(ServiceAttribute a) {
		return "a-" + a.code();
	}

	private void copy(String from, String to, Map<String, String[]> target) {
		String[] values = form.get(from);
		if (values != null) {
			target.put(to, values);
		}
	}

	private static String field(String message, ReportService service) {
		for (ServiceAttribute a : service.attributes()) {
			if (message.startsWith("attribute[" + a.code() + "]")) {
				return attributeField(a);
			}
		}
		String first = message.split(" ", 2)[0];
		return FIELD_OF.getOrDefault(first, "form");
	}

	/**
	 * The parser speaks Open311 field names; the form's labels say latitude, longitude, address and each
	 * question in words, so a resident never reads {@code attribute[surface]}.
	 */
	private static String webWording(String message, ReportService service) {
		for (ServiceAttribute a : service.attributes()) {
			String wire = "attribute[" + a.code() + "]";
			if (message.startsWith(wire + " is required")) {
				return "an answer is required: " + a.description();
			}
			if (message.startsWith(wire + " ")) {
				return "the answer to \"" + a.description() + "\"" + message.substring(wire.length());
			}
		}
		return message.replace("lat/long, address_string or address_id required",
				"location is required: click the map or type an address")
				.replace("lat and long must be given together", "latitude and longitude must be given together")
				.replaceFirst("^lat ", "latitude ").replaceFirst("^long ", "longitude ")
				.replaceFirst("^address_string ", "address ").replaceFirst("^first_name ", "name ");
	}

	/** Either a report to store or errors by field; never both. */
	record Result(NewRequest request, Map<String, String> errors) {

		boolean valid() {
			return request != null;
		}
	}

	/** The values to put back in the form after an error. */
	Values values() {
		return new Values(form);
	}

	/** What the resident typed or chose, for the template to fill the form again. */
	static final class Values {

		private final Map<String, String[]> form;

		Values(Map<String, String[]> form) {
			this.form = form;
		}

		/** The first value of the field as sent, or empty. */
		public String one(String name) {
			String[] v = form.get(name);
			return v == null || v.length == 0 || v[0] == null ? "" : v[0];
		}

		/** Whether the field was sent with this value (a chosen option or ticked box). */
		public boolean has(String name, String value) {
			String[] v = form.get(name);
			return v != null && List.of(v).contains(value);
		}
	}
}
