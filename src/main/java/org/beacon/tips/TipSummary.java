package org.beacon.tips;

import java.time.Instant;

/**
 * A tip in the staff queue. {@code receivedAt} is to the hour (see the tips package). {@code heldReason}
 * is set when the tip describes someone only by race or ethnicity and waits for a supervisor.
 */
public record TipSummary(long id, TipCategory category, String excerpt, String state, TipOutcome outcome,
		String heldReason, String assignedTo, Instant receivedAt, int attachments, int unansweredReplies) {

	public boolean open() {
		return !"closed".equals(state);
	}
}
