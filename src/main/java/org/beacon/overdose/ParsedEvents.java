package org.beacon.overdose;

import java.util.List;

/** Events read from a file for analysis, not stored, and the rows left out. */
public record ParsedEvents(int read, List<OverdoseEvent> events, List<ImportProblem> problems) {

	public ParsedEvents {
		events = List.copyOf(events);
		problems = List.copyOf(problems);
	}
}
