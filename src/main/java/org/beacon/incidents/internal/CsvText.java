package org.beacon.incidents.internal;

/** Writes values in PostgreSQL's COPY CSV format: null is nothing, an empty string is {@code ""}. */
final class CsvText {

	private CsvText() {
	}

	static StringBuilder text(StringBuilder csv, String value) {
		if (value == null) {
			return csv;
		}
		if (value.isEmpty()) {
			return csv.append("\"\"");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
				return quote(csv, value);
			}
		}
		return csv.append(value);
	}

	static String quoted(String value) {
		return text(new StringBuilder(), value).toString();
	}

	private static StringBuilder quote(StringBuilder csv, String value) {
		csv.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				csv.append('"');
			}
			csv.append(c);
		}
		return csv.append('"');
	}
}
