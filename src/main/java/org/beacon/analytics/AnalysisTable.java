package org.beacon.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The result of an analysis as a table: named columns, one row per cell (or band, or period), and for cell
 * results the cell's square as a closed ring of {@code [lon, lat]} corners for maps.
 *
 * @param method the method that made it
 * @param columns column names
 * @param rows values: Number, String or null (written empty; NaN is written empty too)
 * @param rings per row a ring {@code [lon0, lat0, lon1, lat1, …]} of five corners, or null when rows are not cells
 * @param summary lines summing the result up ({@code key=value ...})
 * @param fairness for a forecast, who its flagged cells land on ({@code fairness} table); else null
 */
public record AnalysisTable(String method, List<String> columns, List<Object[]> rows, List<double[]> rings,
		List<String> summary, AnalysisTable fairness) {

	/** A table without a fairness table beside it. */
	public AnalysisTable(String method, List<String> columns, List<Object[]> rows, List<double[]> rings,
			List<String> summary) {
		this(method, columns, rows, rings, summary, null);
	}

	/** This table with {@code table} as its fairness table. */
	AnalysisTable withFairness(AnalysisTable table) {
		return new AnalysisTable(method, columns, rows, rings, summary, table);
	}

	/** Header and rows as CSV (RFC 4180 quoting where needed). */
	public void writeCsv(Appendable out) {
		try {
			out.append(String.join(",", columns)).append('\n');
			for (Object[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					if (i > 0) {
						out.append(',');
					}
					out.append(csv(row[i]));
				}
				out.append('\n');
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Cell rows as a GeoJSON FeatureCollection of polygons with the columns as properties. */
	public void writeGeoJson(Appendable out) {
		if (rings == null) {
			throw new IllegalStateException(method + " has no cells to map");
		}
		try {
			out.append("{\"type\":\"FeatureCollection\",\"features\":[");
			for (int r = 0; r < rows.size(); r++) {
				out.append(r > 0 ? ",\n" : "\n").append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
				double[] ring = rings.get(r);
				for (int k = 0; k < ring.length; k += 2) {
					out.append(k > 0 ? "," : "").append('[').append(json(ring[k])).append(',').append(json(ring[k + 1]))
							.append(']');
				}
				out.append("]]},\"properties\":{");
				Object[] row = rows.get(r);
				for (int i = 0; i < columns.size(); i++) {
					out.append(i > 0 ? "," : "").append('"').append(columns.get(i)).append("\":").append(json(row[i]));
				}
				out.append("}}");
			}
			out.append("\n]}\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String csv(Object v) {
		if (v == null || v instanceof Double d && d.isNaN()) {
			return "";
		}
		String s = v.toString();
		return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
	}

	static String json(Object v) {
		if (v == null || v instanceof Double d && !Double.isFinite(d)) {
			return "null";
		}
		if (v instanceof Number) {
			return v.toString();
		}
		return '"' + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}
}
