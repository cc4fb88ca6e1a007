package org.beacon.incidents;

import java.time.YearMonth;

/** Incidents in one local calendar month. */
public record MonthlyCount(YearMonth month, long count) {
}
