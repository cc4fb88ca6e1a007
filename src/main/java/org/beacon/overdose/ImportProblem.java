package org.beacon.overdose;

/**
 * A row an import left out, and why.
 *
 * @param line the line the record starts on (1 = the header)
 * @param column the column that broke the rule
 * @param value what it held
 * @param rule what it should have been
 */
public record ImportProblem(long line, String column, String value, String rule) {

	@Override
	public String toString() {
		return "line " + line + ", column " + column + ", value '" + value + "': " + rule;
	}
}
