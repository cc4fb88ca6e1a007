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

/**
 * A golden CSV from a peer, read from the test classpath; columns are parsed as numbers when asked for
 * ("NA" and "" read as NaN). Cells must not contain commas.
 */
final class GoldenCsv {

	private final Map<String, Integer> header;

	private final List<String[]> data;

	private GoldenCsv(Map<String, Integer> header, List<String[]> data) {
		this.header = header;
		this.data = data;
	}

	static GoldenCsv read(String resource) {
		InputStream in = GoldenCsv.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("golden file " + resource + " is missing from the test classpath");
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String[] names = split(reader.readLine());
			Map<String, Integer> header = new LinkedHashMap<>();
			for (int c = 0; c < names.length; c++) {
				header.put(names[c], c);
			}
			List<String[]> data = new ArrayList<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					data.add(split(line));
				}
			}
			return new GoldenCsv(header, data);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	int rows() {
		return data.size();
	}

	double[] column(String name) {
		Integer c = header.get(name);
		if (c == null) {
			throw new IllegalArgumentException("no column " + name + " in golden file; have " + header.keySet());
		}
		double[] column = new double[data.size()];
		for (int r = 0; r < column.length; r++) {
			column[r] = number(data.get(r)[c]);
		}
		return column;
	}

	String[] text(String name) {
		Integer c = header.get(name);
		if (c == null) {
			throw new IllegalArgumentException("no column " + name + " in golden file; have " + header.keySet());
		}
		String[] column = new String[data.size()];
		for (int r = 0; r < column.length; r++) {
			column[r] = data.get(r)[c];
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
