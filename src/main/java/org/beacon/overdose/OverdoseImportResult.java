package org.beacon.overdose;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import did: rows read, newly stored, already stored before (same source id), and left out with
 * the reason for each. {@code first} and {@code last} span the days of the rows read, or are {@code null}.
 */
public record OverdoseImportResult(String source, int read, int imported, int unchanged, List<ImportProblem> problems,
		LocalDate first, LocalDate last) {

	public OverdoseImportResult {
		problems = List.copyOf(problems);
	}

	public int rejected() {
		return problems.size();
	}
}
