package org.beacon.tips.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.beacon.tips.TipCategory;

/**
 * What a tipster sends, checked. Only these fields exist: nothing about the sender can be bound into it
 * (mass-assignment safe, ASVS V15.3.3).
 */
public record TipSubmission(TipCategory category, String description, String location, Double lat, Double lon,
		String occurred) {

	public static final int MAX_DESCRIPTION = 10_000;

	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	/**
	 * Checks raw fields; throws {@link InvalidTip} naming every field that breaks a rule.
	 */
	public static TipSubmission of(String category, String description, String location, String lat, String lon,
			String occurred) {
		Map<String, String> errors = new LinkedHashMap<>();
		TipCategory c = TipCategory.OTHER;
		try {
			c = TipCategory.fromCode(category);
		}
		catch (IllegalArgumentException e) {
			errors.put("category", e.getMessage());
		}
		String text = clean(description);
		if (text == null) {
			errors.put("description", "description is required: tell us what happened");
		}
		else if (text.length() > MAX_DESCRIPTION) {
			errors.put("description", "description must be at most 10,000 characters");
		}
		String where = clean(location);
		if (where != null && where.length() > 500) {
			errors.put("location", "location must be at most 500 characters");
		}
		String when = clean(occurred);
		if (when != null && when.length() > 200) {
			errors.put("occurred", "occurred must be at most 200 characters");
		}
		Double la = coordinate("lat", lat, 90, errors);
		Double lo = coordinate("lon", lon, 180, errors);
		if ((la == null) != (lo == null) && !errors.containsKey("lat") && !errors.containsKey("lon")) {
			errors.put("lat", "lat and lon must be given together");
		}
		if (!errors.isEmpty()) {
			throw new InvalidTip(errors);
		}
		return new TipSubmission(c, text, where, la, lo, when);
	}

	private static Double coordinate(String field, String raw, double limit, Map<String, String> errors) {
		String v = clean(raw);
		if (v == null) {
			return null;
		}
		try {
			double d = Double.parseDouble(v);
			if (d >= -limit && d <= limit) {
				return d;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		errors.put(field, field + " must be a number between " + (int) -limit + " and " + (int) limit);
		return null;
	}

	static String clean(String v) {
		if (v == null) {
			return null;
		}
		String s = CONTROL.matcher(v).replaceAll("").trim();
		return s.isEmpty() ? null : s;
	}

	/** A tip that breaks field rules; {@link #errors()} maps field to message. */
	public static class InvalidTip extends RuntimeException {

		private final Map<String, String> errors;

		public InvalidTip(Map<String, String> errors) {
			super(String.join("; ", errors.values()));
			this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
		}

		public Map<String, String> errors() {
			return errors;
		}

		public List<String> messages() {
			return new ArrayList<>(errors.values());
		}
	}
}
