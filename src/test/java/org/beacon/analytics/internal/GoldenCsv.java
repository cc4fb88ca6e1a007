package org.beacon.analytics.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A golden CSV from a peer, read from the test classpath into numeric columns ("NA" and "" read as NaN). */
final class GoldenCsv {

	private final Map<String, double[]> columns;

	private final int rows;

	private GoldenCsv(Map<String, double[]> columns, int rows) {
		this.columns = columns;
		this.rows = rows;
	}

	static GoldenCsv read(String resource) {
		InputStream in = GoldenCsv.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("golden file " + resource + " is missing from the test classpath");
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String[] header = split(reader.readLine());
			List<double[]> data = new ArrayList<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				String[] cells = split(line);
				double[] row = new double[header.length];
				for (int c = 0; c < header.length; c++) {
					row[c] = number(cells[c]);
				}
				data.add(row);
			}
			Map<String, double[]> columns = new LinkedHashMap<>();
			for (int c = 0; c < header.length; c++) {
				double[] column = new double[data.size()];
				for (int r = 0; r < data.size(); r++) {
					column[r] = data.get(r)[c];
				}
				columns.put(header[c], column);
			}
			return new GoldenCsv(columns, data.size());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	int rows() {
		return rows;
	}

	double[] column(String name) {
		double[] column = columns.get(name);
		if (column == null) {
			throw new IllegalArgumentException("no column " + name + " in golden file; have " + columns.keySet());
		}
		return column;
	}

	int[] intColumn(String name) {
		double[] column = column(name);
		int[] out = new int[column.length];
		for (int i = 0; i < column.length; i++) {
			out[i] = (int) column[i];
		}
		return out;
	}

	private static String[] split(String line) {
		String[] cells = line.split(",", -1);
		for (int i = 0; i < cells.length; i++) {
			cells[i] = cells[i].replace("\"", "").trim();
		}
		return cells;
	}

	private static double number(String cell) {
		if (cell.isEmpty() || cell.equals("NA") || cell.equalsIgnoreCase("nan")) {
			return Double.NaN;
		}
		if (cell.equalsIgnoreCase("inf")) {
			return Double.POSITIVE_INFINITY;
		}
		return Double.parseDouble(cell);
	}
}
