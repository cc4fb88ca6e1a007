package org.beacon.reports.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.beacon.reports.AttributeDatatype;
import org.beacon.reports.ReportService;
import org.beacon.reports.ServiceAttribute;
import org.beacon.shared.AgencyId;

/**
 * Checks the fields of an Open311 POST requests body against the spec and the service definition.
 * Every problem found is reported at once, each naming its field. Empty fields count as absent.
 * Attributes the definition does not know are ignored (FixMyStreet may send its own).
 */
public final class Open311PostParser {

	/** GeoReport v2: description "can be up to 4,000 characters". */
	public static final int MAX_DESCRIPTION = 4000;

	private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	private final Map<String, String[]> params;
	private final List<String> errors = new ArrayList<>();

	public Open311PostParser(Map<String, String[]> params) {
		this.params = params;
	}

	/** First non-blank value of a field, trimmed, or null. */
	public String value(String name) {
		String[] values = params.get(name);
		if (values == null) {
			return null;
		}
		for (String v : values) {
			if (v != null && !v.isBlank()) {
				return v.trim();
			}
		}
		return null;
	}

	/** Validates everything after jurisdiction, key and service code have been settled. */
	public NewRequest parse(AgencyId agency, ReportService service, Long apiKeyId) {
		String description = clean(value("description"));
		if (description != null && description.length() > MAX_DESCRIPTION) {
			errors.add("description must be at most 4000 characters (it has " + description.length() + ")");
		}
		Double lat = coordinate("lat", -90, 90);
		Double lon = coordinate("long", -180, 180);
		if ((lat == null) != (lon == null) && (value("lat") == null || value("long") == null)) {
			errors.add("lat and long must be given together");
		}
		String address = limited("address_string", 500);
		String addressId = limited("address_id", 100);
		boolean located = lat != null && lon != null;
		if (!located && address == null && addressId == null && value("lat") == null && value("long") == null) {
			errors.add("lat/long, address_string or address_id required");
		}
		String mediaUrl = mediaUrl();
		Map<String, List<String>> attributes = attributes(service);
		NewRequest.Contact contact = new NewRequest.Contact(email(), limited("first_name", 100), limited("last_name", 100),
				limited("phone", 40), limited("device_id", 200), limited("account_id", 200));
		if (!errors.isEmpty()) {
			throw new Open311Exception(400, errors);
		}
		return new NewRequest(agency, service, description, lat, lon, address, addressId, mediaUrl, attributes, contact,
				apiKeyId, "open311");
	}

	private Double coordinate(String field, double min, double max) {
		String raw = value(field);
		if (raw == null) {
			return null;
		}
		try {
			double v = Double.parseDouble(raw);
			if (v >= min && v <= max) {
				return v;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		errors.add(field + " must be a number between " + (int) min + " and " + (int) max + " (WGS84 degrees), was '"
				+ abbreviate(raw) + "'");
		return null;
	}

	private String limited(String field, int max) {
		String v = clean(value(field));
		if (v != null && v.length() > max) {
			errors.add(field + " must be at most " + max + " characters");
		}
		return v;
	}

	private String email() {
		String v = limited("email", 320);
		if (v != null && !EMAIL.matcher(v).matches()) {
			errors.add("email is not a valid e-mail address");
		}
		return v;
	}

	private String mediaUrl() {
		String v = value("media_url");
		if (v == null) {
			return null;
		}
		try {
			URI uri = URI.create(v);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && v.length() <= 2000) {
				return v;
			}
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		errors.add("media_url must be an http or https URL of at most 2000 characters");
		return null;
	}

	private Map<String, List<String>> attributes(ReportService service) {
		Map<String, List<String>> submitted = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			Matcher m = ATTRIBUTE.matcher(name);
			if (m.matches()) {
				for (String v : values) {
					if (v != null && !v.isBlank()) {
						submitted.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(clean(v.trim()));
					}
				}
			}
		});
		Map<String, List<String>> accepted = new LinkedHashMap<>();
		for (ServiceAttribute a : service.attributes()) {
			if (!a.variable()) {
				continue;
			}
			List<String> values = submitted.getOrDefault(a.code(), List.of());
			String field = "attribute[" + a.code() + "]";
			if (values.isEmpty()) {
				if (a.required()) {
					errors.add(field + " is required: " + a.description());
				}
				continue;
			}
			if (check(a, field, values)) {
				accepted.put(a.code(), a.datatype() == AttributeDatatype.STRING
						? List.of(values.get(0).replaceAll("\\s+", " ")) : List.copyOf(values));
			}
		}
		return accepted;
	}

	private boolean check(ServiceAttribute a, String field, List<String> values) {
		int before = errors.size();
		if (a.datatype() != AttributeDatatype.MULTIVALUELIST && values.size() > 1) {
			errors.add(field + " takes one value, got " + values.size());
			return false;
		}
		Set<String> keys = a.values().stream().map(ServiceAttribute.Value::key).collect(Collectors.toSet());
		for (String v : values) {
			switch (a.datatype()) {
				case STRING -> {
					if (v.length() > 1000) {
						errors.add(field + " must be at most 1000 characters");
					}
				}
				case TEXT -> {
					if (v.length() > MAX_DESCRIPTION) {
						errors.add(field + " must be at most 4000 characters");
					}
				}
				case NUMBER -> {
					try {
						new BigDecimal(v);
					}
					catch (NumberFormatException e) {
						errors.add(field + " must be a number, was '" + abbreviate(v) + "'");
					}
				}
				case DATETIME -> {
					if (!isDateTime(v)) {
						errors.add(field + " must be an ISO 8601 date and time such as 2024-05-01T18:30:00-05:00, was '"
								+ abbreviate(v) + "'");
					}
				}
				case SINGLEVALUELIST, MULTIVALUELIST -> {
					if (!keys.contains(v)) {
						errors.add(field + " must be one of " + String.join(", ", keys.stream().sorted().toList()) + ", was '"
								+ abbreviate(v) + "'");
					}
				}
			}
		}
		return errors.size() == before;
	}

	private static boolean isDateTime(String v) {
		try {
			OffsetDateTime.parse(v);
			return true;
		}
		catch (DateTimeParseException e1) {
			try {
				LocalDateTime.parse(v);
				return true;
			}
			catch (DateTimeParseException e2) {
				try {
					LocalDate.parse(v);
					return true;
				}
				catch (DateTimeParseException e3) {
					return false;
				}
			}
		}
	}

	/** Drops control characters (XML 1.0 cannot carry them) but keeps tabs and line breaks. */
	static String clean(String v) {
		return v == null ? null : CONTROL.matcher(v).replaceAll("");
	}

	private static String abbreviate(String v) {
		return v.length() <= 40 ? v : v.substring(0, 40) + "…";
	}
}
