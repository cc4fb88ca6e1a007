package org.beacon.identity;

import java.time.Instant;

import org.beacon.shared.AgencyId;

/** One row of the audit trail, as read back; {@code agency} is {@code null} for deployment-wide events. */
public record AuditEntry(long seq, Instant occurredAt, AgencyId agency, String actor, String sourceAddress,
		String action, String target, String outcome, String prevHash, String hash) {
}
