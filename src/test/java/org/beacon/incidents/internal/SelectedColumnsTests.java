package org.beacon.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Iterator;

import org.junit.jupiter.api.Test;

import de.siegmar.fastcsv.reader.CsvReader;

class SelectedColumnsTests {

	@Test
	void keepsTheWholeHeaderThenOnlyTheSelectedColumnsUnquoted() {
		SelectedColumns columns = new SelectedColumns();
		Iterator<CsvRow> rows = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
				.skipEmptyLines(true)
				.build(columns, new StringReader("Complaint,Description,Count\n\n14-1,\"SAY \"\"HI\"\", OK\",1\n14-2\n"))
				.iterator();

		assertThat(rows.next().all()).containsExactly("Complaint", "Description", "Count");
		columns.keep(new boolean[] { false, true, false });
		CsvRow row = rows.next();
		assertThat(row.line()).isEqualTo(3);
		assertThat(row.fieldCount()).isEqualTo(3);
		assertThat(row.field(0)).isNull();
		assertThat(row.field(1)).isEqualTo("SAY \"HI\", OK");
		assertThat(row.field(2)).isNull();
		// a short row keeps its own field count, so the reader can reject it naming the widths
		CsvRow shortRow = rows.next();
		assertThat(shortRow.fieldCount()).isEqualTo(1);
		assertThat(shortRow.field(1)).isNull();
		assertThat(rows.hasNext()).isFalse();
	}
}
