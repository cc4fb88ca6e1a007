package org.beacon.analytics.web;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.analytics.AnalysisTable;
import org.beacon.identity.AuditTrail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * An analysis table as an HTTP answer, the same whether it was just computed or read from a finished job:
 * JSON (method, columns, rows, summary, and for a forecast {@code fairness} with the same keys), GeoJSON of
 * the cells, or CSV, which the audit trail records as an export.
 */
@Component
class TableResponses {

	private final AuditTrail audit;

	TableResponses(AuditTrail audit) {
		this.audit = audit;
	}

	/**
	 * @param what the export's target in the audit trail: the method and what it was run on
	 */
	ResponseEntity<?> render(AnalysisTable table, String format, String actor, String what) {
		return switch (format) {
			case "geojson" -> {
				if (table.rings() == null) {
					throw new AnalysisParameters.BadParameter("format", "format geojson needs a method with cells; "
							+ table.method() + " has none (use json or csv)");
				}
				StringWriter out = new StringWriter();
				table.writeGeoJson(out);
				yield ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(out.toString());
			}
			case "csv" -> {
				StringWriter out = new StringWriter();
				table.writeCsv(out);
				audit.record(actor, null, "analytics.export", what, "rows=" + table.rows().size());
				yield ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
						.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"beacon-" + table.method() + ".csv\"")
						.body(out.toString());
			}
			default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(table));
		};
	}

	static Map<String, Object> json(AnalysisTable table) {
		List<List<Object>> rows = new ArrayList<>(table.rows().size());
		for (Object[] row : table.rows()) {
			List<Object> values = new ArrayList<>(row.length);
			for (Object v : row) {
				values.add(v instanceof Double x && !Double.isFinite(x) ? null : v);
			}
			rows.add(values);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("method", table.method());
		body.put("columns", table.columns());
		body.put("rows", rows);
		body.put("summary", table.summary());
		if (table.fairness() != null) {
			body.put("fairness", json(table.fairness()));
		}
		return body;
	}
}
