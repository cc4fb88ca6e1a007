package org.beacon.overdose;

import java.time.LocalDate;

import org.beacon.shared.AgencyId;

/** An import committed: {@code imported} new events from {@code source} on days {@code first .. last}. */
public record OverdoseEventsImported(AgencyId agency, String source, int imported, LocalDate first, LocalDate last) {
}
