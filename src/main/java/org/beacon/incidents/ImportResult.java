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
