package org.beacon.incidents.internal;

import java.util.Arrays;
import java.util.List;

/**
 * One CSV record as the importer reads it: where it starts, how many fields it has, and the text of the
 * fields that were kept ({@link SelectedColumns}); the others are null.
 */
record CsvRow(long line, int fieldCount, String[] fields) {

	/** The field's text, or null when the record is shorter or the column was not kept. */
	String field(int index) {
		return index < fields.length ? fields[index] : null;
	}

	/** Every field, for a header (all columns are kept until {@link SelectedColumns#keep} is called). */
	List<String> all() {
		return Arrays.asList(Arrays.copyOf(fields, fieldCount));
	}
}
