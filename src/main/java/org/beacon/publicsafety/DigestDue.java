package org.beacon.publicsafety;

import java.time.LocalDate;

import org.beacon.shared.AgencyId;

/**
 * A subscription's digest for a period is due: local dates {@code [from, to]} inclusive; {@code period} is the
 * ledger key ({@code DAILY:2026-03-10}, {@code WEEKLY:2026-03-09}). Published once per (subscription, period)
 * by the digest job; its listener sends it at least once, the ledger makes sure never twice.
 */
public record DigestDue(AgencyId agency, long subscriptionId, String period, LocalDate from, LocalDate to) {
}
