package org.beacon.analytics.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.analytics.AnalysisTable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finished job's table as JSON text for its row, and back: method, columns, rows, cell rings, summary and
 * fairness table, so the stored result renders as JSON, GeoJSON or CSV exactly as a fresh run would. Numbers
 * come back as Integer, Long or Double by their written form, which prints the same; a NaN is stored as null,
 * which every format writes as a NaN (empty, or null).
 */
public final class StoredTables {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StoredTables() {
	}

	public static String write(AnalysisTable table) {
		return JSON.writeValueAsString(tree(table));
	}

	/** @throws IllegalArgumentException when the text is not a stored table */
	public static AnalysisTable read(String text) {
		try {
			return table(JSON.readTree(text));
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("not a stored analysis table: " + e.getMessage(), e);
		}
	}

	private static Map<String, Object> tree(AnalysisTable table) {
		List<Object[]> rows = new ArrayList<>(table.rows().size());
		for (Object[] row : table.rows()) {
			Object[] values = new Object[row.length];
			for (int i = 0; i < row.length; i++) {
				values[i] = row[i] instanceof Double d && !Double.isFinite(d) ? null : row[i];
			}
			rows.add(values);
		}
		Map<String, Object> tree = new LinkedHashMap<>();
		tree.put("method", table.method());
		tree.put("columns", table.columns());
		tree.put("rows", rows);
		tree.put("rings", table.rings());
		tree.put("summary", table.summary());
		tree.put("fairness", table.fairness() == null ? null : tree(table.fairness()));
		return tree;
	}

	private static AnalysisTable table(JsonNode node) {
		List<String> columns = strings(node.get("columns"));
		List<Object[]> rows = new ArrayList<>();
		for (JsonNode row : node.get("rows")) {
			Object[] values = new Object[row.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = value(row.get(i));
			}
			rows.add(values);
		}
		List<double[]> rings = null;
		JsonNode ringNodes = node.get("rings");
		if (ringNodes != null && !ringNodes.isNull()) {
			rings = new ArrayList<>(ringNodes.size());
			for (JsonNode ring : ringNodes) {
				double[] corners = new double[ring.size()];
				for (int k = 0; k < corners.length; k++) {
					corners[k] = ring.get(k).doubleValue();
				}
				rings.add(corners);
			}
		}
		JsonNode fairness = node.get("fairness");
		return new AnalysisTable(node.get("method").stringValue(), columns, rows, rings, strings(node.get("summary")),
				fairness == null || fairness.isNull() ? null : table(fairness));
	}

	private static Object value(JsonNode v) {
		if (v == null || v.isNull()) {
			return null;
		}
		if (v.isInt()) {
			return v.intValue();
		}
		if (v.isIntegralNumber()) {
			return v.longValue();
		}
		if (v.isNumber()) {
			return v.doubleValue();
		}
		if (v.isBoolean()) {
			return v.booleanValue();
		}
		return v.stringValue();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>(array.size());
		for (JsonNode v : array) {
			values.add(v.stringValue());
		}
		return List.copyOf(values);
	}
}
