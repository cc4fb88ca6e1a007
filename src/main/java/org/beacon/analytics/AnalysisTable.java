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
 * @param rings per row a closed ring {@code [lon0, lat0, lon1, lat1, …]} (a cell's five corners, an H3 hexagon)
 * or several closed rings one after another (an area: a counter-clockwise ring starts a part, a clockwise
 * one is a hole in it); a row's ring is null when it has no shape; the list is null when rows are not cells
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

	/**
	 * Cell rows as a GeoJSON FeatureCollection of polygons (multipolygons for areas of several parts, null
	 * geometry for a row without a shape) with the columns as properties.
	 */
	public void writeGeoJson(Appendable out) {
		if (rings == null) {
			throw new IllegalStateException(method + " has no cells to map");
		}
		try {
			out.append("{\"type\":\"FeatureCollection\",\"features\":[");
			for (int r = 0; r < rows.size(); r++) {
				out.append(r > 0 ? ",\n" : "\n").append("{\"type\":\"Feature\",\"geometry\":");
				geometry(out, rings.get(r));
				out.append(",\"properties\":{");
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

	/** Polygon for one ring; MultiPolygon when a later counter-clockwise ring starts another part. */
	private static void geometry(Appendable out, double[] flat) throws IOException {
		if (flat == null || flat.length == 0) {
			out.append("null");
			return;
		}
		List<int[]> rings = new java.util.ArrayList<>(); // start, end (exclusive) in points
		int points = flat.length / 2;
		for (int start = 0; start < points;) {
			int end = start + 1;
			while (end < points && !(flat[2 * end] == flat[2 * start] && flat[2 * end + 1] == flat[2 * start + 1])) {
				end++;
			}
			rings.add(new int[] { start, Math.min(end + 1, points) });
			start = end + 1;
		}
		StringBuilder parts = new StringBuilder();
		int polygons = 0;
		for (int i = 0; i < rings.size(); i++) {
			int[] ring = rings.get(i);
			boolean startsPart = i == 0 || signedArea(flat, ring) > 0;
			if (startsPart) {
				parts.append(polygons++ > 0 ? "]," : "").append('[');
			}
			else {
				parts.append(',');
			}
			parts.append('[');
			for (int k = ring[0]; k < ring[1]; k++) {
				parts.append(k > ring[0] ? "," : "").append('[').append(json(flat[2 * k])).append(',')
						.append(json(flat[2 * k + 1])).append(']');
			}
			parts.append(']');
		}
		parts.append(']');
		if (polygons == 1) {
			out.append("{\"type\":\"Polygon\",\"coordinates\":").append(parts).append('}');
		}
		else {
			out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[").append(parts).append("]}");
		}
	}

	/** Shoelace sum over a closed ring: positive when counter-clockwise. */
	private static double signedArea(double[] flat, int[] ring) {
		double sum = 0;
		for (int k = ring[0]; k + 1 < ring[1]; k++) {
			sum += flat[2 * k] * flat[2 * k + 3] - flat[2 * k + 2] * flat[2 * k + 1];
		}
		return sum / 2;
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
