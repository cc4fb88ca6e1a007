package org.beacon.staffweb.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentQueries;
import org.beacon.incidents.IncidentRow;
import org.springframework.stereotype.Service;

import de.siegmar.fastcsv.writer.CsvWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes the incidents of a selection as CSV or GeoJSON, streaming them from incidents without holding
 * them in memory. Both carry the same fields; times are local to the agency with their offset.
 */
@Service
public class IncidentExport {

	static final String[] CSV_HEADER = { "id", "source", "source_id", "occurred_at", "offense_code", "category",
			"ucr_part", "description", "address", "neighbourhood_id", "neighbourhood", "lat", "lon" };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final IncidentQueries queries;
	private final ObjectMapper json;

	IncidentExport(IncidentQueries queries, ObjectMapper json) {
		this.queries = queries;
		this.json = json;
	}

	/**
	 * Writes CSV (UTF-8, comma, CRLF, header first); records without coordinates have empty lat/lon. Text
	 * that a spreadsheet would run as a formula is prefixed with {@code '}.
	 *
	 * @return the number of incidents written
	 */
	public long writeCsv(IncidentFilter filter, ZoneId zone, OutputStream out) throws IOException {
		AtomicLong rows = new AtomicLong();
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CsvWriter csv = CsvWriter.builder().build(writer);
		csv.writeRecord(CSV_HEADER);
		queries.forEach(filter, row -> {
			csv.writeRecord(Long.toString(row.id()), text(row.source()), text(row.sourceId()),
					row.occurredAt() == null ? "" : TIME.format(row.occurredAt().atZone(zone)),
					text(row.offenseCode()), row.category() == null ? "" : row.category().name(),
					row.category() == null ? "" : Integer.toString(row.category().ucrPart()), text(row.description()),
					text(row.blockAddress()), row.neighbourhoodId() == 0 ? "" : Long.toString(row.neighbourhoodId()),
					text(row.neighbourhoodName()), located(row) ? Double.toString(row.lat()) : "",
					located(row) ? Double.toString(row.lon()) : "");
			rows.incrementAndGet();
		});
		csv.flush();
		writer.flush();
		return rows.get();
	}

	/**
	 * Writes a GeoJSON FeatureCollection (RFC 7946): one Point feature per incident, {@code [lon, lat]};
	 * {@code "geometry": null} for records without coordinates, which RFC 7946 §3.2 allows for unlocated
	 * features.
	 *
	 * @return the number of incidents written
	 */
	public long writeGeoJson(IncidentFilter filter, ZoneId zone, OutputStream out) {
		AtomicLong rows = new AtomicLong();
		try (JsonGenerator gen = json.createGenerator(out)) {
			gen.writeStartObject();
			gen.writeStringProperty("type", "FeatureCollection");
			gen.writeName("features");
			gen.writeStartArray();
			queries.forEach(filter, row -> {
				writeFeature(gen, row, zone);
				rows.incrementAndGet();
			});
			gen.writeEndArray();
			gen.writeEndObject();
		}
		return rows.get();
	}

	private static void writeFeature(JsonGenerator gen, IncidentRow row, ZoneId zone) {
		gen.writeStartObject();
		gen.writeStringProperty("type", "Feature");
		gen.writeNumberProperty("id", row.id());
		gen.writeName("geometry");
		if (located(row)) {
			gen.writeStartObject();
			gen.writeStringProperty("type", "Point");
			gen.writeName("coordinates");
			gen.writeStartArray();
			gen.writeNumber(row.lon());
			gen.writeNumber(row.lat());
			gen.writeEndArray();
			gen.writeEndObject();
		}
		else {
			gen.writeNull();
		}
		gen.writeName("properties");
		gen.writeStartObject();
		gen.writeStringProperty("source", row.source());
		gen.writeStringProperty("source_id", row.sourceId());
		gen.writeStringProperty("occurred_at",
				row.occurredAt() == null ? null : TIME.format(row.occurredAt().atZone(zone)));
		gen.writeStringProperty("offense_code", row.offenseCode());
		gen.writeStringProperty("category", row.category() == null ? null : row.category().name());
		if (row.category() == null) {
			gen.writeNullProperty("ucr_part");
		}
		else {
			gen.writeNumberProperty("ucr_part", row.category().ucrPart());
		}
		gen.writeStringProperty("description", row.description());
		gen.writeStringProperty("address", row.blockAddress());
		if (row.neighbourhoodId() == 0) {
			gen.writeNullProperty("neighbourhood_id");
		}
		else {
			gen.writeNumberProperty("neighbourhood_id", row.neighbourhoodId());
		}
		gen.writeStringProperty("neighbourhood", row.neighbourhoodName());
		gen.writeEndObject();
		gen.writeEndObject();
	}

	private static boolean located(IncidentRow row) {
		return !Double.isNaN(row.lat()) && !Double.isNaN(row.lon());
	}

	/**
	 * Neutralises spreadsheet formulas (CSV injection, OWASP): a cell starting with = + - @ tab or CR gets a
	 * leading apostrophe. Only free text goes through here, never the numeric columns.
	 */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char c = value.charAt(0);
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
	}
}
