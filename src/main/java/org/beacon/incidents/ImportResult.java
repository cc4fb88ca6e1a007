package org.beacon.incidents;

import java.util.List;

/**
 * What an import did: {@code read = imported + updated + unchanged + rejected + reversed}. {@code errors}
 * holds the first rejected rows (line, column, value, rule); the full report is
 * {@link IncidentImports#errorReport} of {@code runId}.
 *
 * @param runId the import run, 0 when the result was not recorded (e.g. built by hand)
 */
public record ImportResult(long read, long imported, long updated, long unchanged, long rejected, long reversed,
		List<RowError> errors, long runId) {

	public ImportResult {
		errors = List.copyOf(errors);
	}

	/** A result without a recorded run. */
	public ImportResult(long read, long imported, long updated, long unchanged, long rejected, long reversed,
			List<RowError> errors) {
		this(read, imported, updated, unchanged, rejected, reversed, errors, 0);
	}

	/** One rejected row: where, what and which rule. */
	public record RowError(String file, long line, String column, String value, String rule) {

		/** The header of the error report's CSV form. */
		public static final String CSV_HEADER = "file,line,column,value,rule";

		/** This error as a line of the error report (RFC 4180 quoting, no line end). */
		public String csv() {
			return String.join(",", quoted(file), Long.toString(line), quoted(column), quoted(value), quoted(rule));
		}

		private static String quoted(String text) {
			if (text == null) {
				return "";
			}
			boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
					|| text.indexOf('\r') >= 0;
			return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
		}

		@Override
		public String toString() {
			return file + ":" + line + " column " + column + " value '" + value + "': " + rule;
		}
	}

	/** The one-line summary the CLI prints last. */
	public String summary() {
		return "read=%d imported=%d updated=%d unchanged=%d rejected=%d reversed=%d"
				.formatted(read, imported, updated, unchanged, rejected, reversed);
	}
}
