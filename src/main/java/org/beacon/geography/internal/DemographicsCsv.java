package org.beacon.geography.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.beacon.geography.Area;
import org.beacon.geography.DemographicsImportOptions;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads a demographics CSV: a header, then one row per area with the area's code (or name), its population
 * (a whole number ≥ 0) and any further numeric columns (empty cells are left out). Every problem is reported
 * as {@code SOURCE line N, column C: rule: what}; the caller imports nothing when there is any.
 */
final class DemographicsCsv {

	/** Column names that hold the area's code, tried in order when none is given. */
	private static final List<String> CODE_COLUMNS = List.of("code", "area", "area_code");

	/** Column names that hold the area's name, tried in order when none is given and there is no code. */
	private static final List<String> NAME_COLUMNS = List.of("name", "neighbourhood", "neighborhood");

	private static final String POPULATION = "population";

	/** Figure names are stored in a VARCHAR(100). */
	private static final int MAX_FIGURE_NAME = 100;

	/** One area's figures: population first, then the further columns in file order. */
	record Row(Area area, int line, Map<String, Double> figures) {
	}

	/** The rows read, the figure names in order, and the errors (empty when the file is good). */
	record Parsed(int read, List<Row> rows, List<String> figures, List<String> errors) {
	}

	private DemographicsCsv() {
	}

	/**
	 * @param areas the agency's areas of the options' kind
	 */
	static Parsed read(Reader reader, String source, DemographicsImportOptions options, List<Area> areas) {
		List<String> errors = new ArrayList<>();
		try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).allowMissingFields(true)
				.allowExtraFields(true).ofCsvRecord(reader)) {
			var records = csv.iterator();
			if (!records.hasNext()) {
				return new Parsed(0, List.of(), List.of(), List.of(source + ": file.empty: no header line"));
			}
			List<String> header = records.next().getFields().stream().map(String::trim).toList();
			Columns columns = columns(header, options, source, errors);
			if (columns == null) {
				return new Parsed(0, List.of(), List.of(), errors);
			}
			Map<String, Area> byKey = new HashMap<>();
			for (Area area : areas) {
				byKey.put(columns.byCode ? area.code().trim() : normalisedName(area.name()), area);
			}
			String kind = options.kind().name().toLowerCase(Locale.ROOT);
			Map<Long, Integer> seen = new HashMap<>();
			List<Row> rows = new ArrayList<>();
			int read = 0;
			while (records.hasNext()) {
				CsvRecord record = records.next();
				if (record.getFieldCount() == 1 && record.getField(0).isBlank()) {
					continue;
				}
				read++;
				int line = (int) record.getStartingLineNumber();
				String at = source + " line " + line + ", column ";
				String key = field(record, columns.key).trim();
				String keyName = header.get(columns.key);
				Area area = byKey.get(columns.byCode ? key : normalisedName(key));
				if (key.isEmpty()) {
					errors.add(at + keyName + ": area.missing: no area " + (columns.byCode ? "code" : "name"));
				}
				else if (area == null) {
					errors.add(at + keyName + ": area.unknown: no " + kind + " with " + (columns.byCode ? "code" : "name")
							+ " '" + key + "'");
				}
				else if (seen.containsKey(area.id())) {
					errors.add(at + keyName + ": area.duplicate: '" + key + "' is already on line " + seen.get(area.id()));
					area = null;
				}
				Map<String, Double> figures = new LinkedHashMap<>();
				String population = field(record, columns.population).trim();
				try {
					double value = Double.parseDouble(population);
					if (!(value >= 0) || value != Math.rint(value) || value > 1e15) {
						throw new NumberFormatException();
					}
					figures.put(POPULATION, value);
				}
				catch (NumberFormatException e) {
					errors.add(at + header.get(columns.population) + ": population.number: '" + population
							+ "' is not a whole number ≥ 0");
				}
				for (int c : columns.further) {
					String text = field(record, c).trim();
					if (text.isEmpty()) {
						continue;
					}
					try {
						double value = Double.parseDouble(text);
						if (!Double.isFinite(value)) {
							throw new NumberFormatException();
						}
						figures.put(header.get(c), value);
					}
					catch (NumberFormatException e) {
						errors.add(at + header.get(c) + ": figure.number: '" + text + "' is not a number");
					}
				}
				if (area != null) {
					seen.put(area.id(), line);
					rows.add(new Row(area, line, figures));
				}
			}
			if (read == 0 && errors.isEmpty()) {
				errors.add(source + ": file.empty: no data rows after the header");
			}
			List<String> figureNames = new ArrayList<>();
			figureNames.add(POPULATION);
			columns.further.forEach(c -> figureNames.add(header.get(c)));
			return new Parsed(read, rows, figureNames, errors);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			// FastCSV reports malformed quoting with the line it stopped at
			return new Parsed(0, List.of(), List.of(), List.of(source + ": file.malformed: " + e.getMessage()));
		}
	}

	/** Where the key, population and further figures are; null (with errors) when the header will not do. */
	private static Columns columns(List<String> header, DemographicsImportOptions options, String source,
			List<String> errors) {
		String at = source + " line 1 (header): ";
		Integer code = options.codeColumn() != null ? find(header, options.codeColumn()) : first(header, CODE_COLUMNS);
		Integer name = options.nameColumn() != null ? find(header, options.nameColumn()) : first(header, NAME_COLUMNS);
		if (options.codeColumn() != null && code == null) {
			errors.add(at + "column.missing: no column '" + options.codeColumn() + "' for the area code");
		}
		if (options.nameColumn() != null && name == null) {
			errors.add(at + "column.missing: no column '" + options.nameColumn() + "' for the area name");
		}
		String populationName = options.populationColumn() != null ? options.populationColumn() : POPULATION;
		Integer population = find(header, populationName);
		if (population == null) {
			errors.add(at + "column.missing: no column '" + populationName + "' for the population");
		}
		if (code == null && name == null && options.codeColumn() == null && options.nameColumn() == null) {
			errors.add(at + "column.missing: no column for the area; looked for " + String.join(", ", CODE_COLUMNS)
					+ " (codes) and " + String.join(", ", NAME_COLUMNS) + " (names)");
		}
		for (int c = 0; c < header.size(); c++) {
			if (header.get(c).isEmpty()) {
				errors.add(at + "column.name: column " + (c + 1) + " has no name");
			}
			else if (header.get(c).length() > MAX_FIGURE_NAME) {
				errors.add(at + "column.name: column " + (c + 1) + " has a name over " + MAX_FIGURE_NAME + " characters");
			}
			else if (find(header, header.get(c)) != c) {
				errors.add(at + "column.duplicate: '" + header.get(c) + "' appears twice");
			}
		}
		if (!errors.isEmpty()) {
			return null;
		}
		boolean byCode = code != null;
		int key = byCode ? code : name;
		List<Integer> further = new ArrayList<>();
		for (int c = 0; c < header.size(); c++) {
			if (c != key && c != population && !(name != null && c == name)) {
				further.add(c);
			}
		}
		return new Columns(byCode, key, population, further);
	}

	private record Columns(boolean byCode, int key, int population, List<Integer> further) {
	}

	private static Integer first(List<String> header, List<String> names) {
		for (String name : names) {
			Integer c = find(header, name);
			if (c != null) {
				return c;
			}
		}
		return null;
	}

	private static Integer find(List<String> header, String name) {
		for (int c = 0; c < header.size(); c++) {
			if (header.get(c).equalsIgnoreCase(name.trim())) {
				return c;
			}
		}
		return null;
	}

	private static String field(CsvRecord record, int column) {
		return column < record.getFieldCount() ? record.getField(column) : "";
	}

	/** Names compare without case, surrounding space or runs of inner space. */
	static String normalisedName(String name) {
		return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}
}
