package org.beacon.incidents.internal;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;

/**
 * FastCSV's parser hands each field over as characters; this turns into strings only the columns the
 * profile reads (the header's all of them). A St. Louis row has 23 fields of which 13 are read, and making
 * strings of the other ten was a tenth of the reader thread's time. The parser has already removed quotes
 * and doubled quotes. Limits as FastCSV's own record handler: 16,384 fields, 16 MB a field.
 */
final class SelectedColumns extends AbstractBaseCsvCallbackHandler<CsvRow> {

	private static final int MAX_FIELDS = 16_384;
	private static final int MAX_FIELD_CHARS = 16 * 1024 * 1024;

	/** Which columns to keep; null keeps all. */
	private boolean[] keep;
	private String[] fields = new String[32];
	private int width;

	/** From now on keeps only the columns whose index is true. */
	void keep(boolean[] columns) {
		this.keep = columns.clone();
	}

	@Override
	protected void handleBegin(long startingLineNumber) {
		fields = new String[Math.max(width, 1)];
	}

	@Override
	protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
		if (index >= MAX_FIELDS) {
			throw new CsvParseException("record has more than " + MAX_FIELDS + " fields");
		}
		if (length > MAX_FIELD_CHARS) {
			throw new CsvParseException("field is longer than " + MAX_FIELD_CHARS + " characters");
		}
		if (keep == null || index < keep.length && keep[index]) {
			if (index >= fields.length) {
				fields = java.util.Arrays.copyOf(fields, Math.max(index + 1, fields.length * 2));
			}
			fields[index] = new String(buf, offset, length);
		}
	}

	@Override
	protected CsvRow buildRecord() {
		width = Math.max(width, getFieldCount());
		return new CsvRow(getStartingLineNumber(), getFieldCount(), fields);
	}
}
