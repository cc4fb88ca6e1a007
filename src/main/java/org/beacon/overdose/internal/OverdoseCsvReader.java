package org.beacon.overdose.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.beacon.overdose.ImportProblem;
import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.OverdoseEntry;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/** Reads a CSV file with an {@link ImportProfile}: good rows become entries, bad ones problems. */
public final class OverdoseCsvReader {

	/** Entries in file order, the rows left out, and how many data rows there were. */
	public record Read(int rows, List<OverdoseEntry> entries, List<ImportProblem> problems) {
	}

	private OverdoseCsvReader() {
	}

	/**
	 * @throws IllegalArgumentException naming the file when it is missing, unreadable, or lacks a column the
	 *         profile needs
	 */
	public static Read read(Path file, ImportProfile profile) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("no such file: " + file);
		}
		ProfileRows rows = ProfileRows.of(profile);
		List<OverdoseEntry> entries = new ArrayList<>();
		List<ImportProblem> problems = new ArrayList<>();
		int count = 0;
		try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().detectBomHeader(true).allowMissingFields(true)
				.allowExtraFields(true).ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
			boolean headerChecked = false;
			for (NamedCsvRecord record : csv) {
				if (!headerChecked) {
					requireColumns(file, profile, rows, record.getHeader());
					headerChecked = true;
				}
				if (record.getFieldCount() == 1 && record.getField(0).isBlank()) {
					continue;
				}
				count++;
				RowCheck check = new RowCheck(record, problems);
				OverdoseEntry entry;
				try {
					entry = rows.entry(check);
				}
				catch (IllegalArgumentException e) {
					check.fail("(row)", "", e.getMessage());
					entry = null;
				}
				if (entry != null) {
					entries.add(entry);
				}
			}
		}
		catch (IOException e) {
			throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
		}
		catch (UncheckedIOException e) {
			throw new IllegalArgumentException("cannot read " + file + ": " + e.getCause().getMessage(), e);
		}
		catch (de.siegmar.fastcsv.reader.CsvParseException e) {
			throw new IllegalArgumentException(file.getFileName() + " is not valid CSV: " + e.getMessage(), e);
		}
		return new Read(count, entries, problems);
	}

	private static void requireColumns(Path file, ImportProfile profile, ProfileRows rows, List<String> header) {
		List<String> missing = rows.requiredColumns().stream().filter(c -> !header.contains(c)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException(file.getFileName() + " is not a " + profile.code() + " file: missing column"
					+ (missing.size() == 1 ? " " : "s ") + String.join(", ", missing));
		}
	}
}
