package org.beacon.overdose.internal;

import java.time.Instant;

import org.beacon.shared.AgencyId;

/**
 * Where alarms go besides the alarms page: a staff member's e-mail (with {@code username}) or an organisation's
 * inbox or system (without), by e-mail and/or a webhook signed with {@code webhookSecret}.
 */
public record Recipient(long id, AgencyId agency, String username, String label, String email, String webhookUrl,
		String webhookSecret, boolean enabled, String createdBy, Instant createdAt) {
}
