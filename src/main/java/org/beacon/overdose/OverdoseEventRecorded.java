package org.beacon.overdose;

import java.time.LocalDate;

import org.beacon.shared.AgencyId;

/** One event was entered through the form or the API. */
public record OverdoseEventRecorded(AgencyId agency, long eventId, LocalDate day) {
}
