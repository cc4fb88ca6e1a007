package org.beacon.tips;

import java.time.Instant;

/**
 * One message of a receipt's two-way dialogue. {@code author} is the staff user name for staff messages
 * (never shown to the resident) and null for the resident's.
 */
public record DialogueMessage(long id, Sender sender, String body, Instant at, String author) {

	public enum Sender {
		STAFF, RESIDENT
	}
}
