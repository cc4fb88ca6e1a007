package org.beacon.tips;

import java.time.Instant;
import java.util.List;

/** Everything staff see of one tip; nothing here identifies the tipster, because nothing was kept. */
public record TipDetail(TipSummary summary, String body, String locationText, Double lat, Double lon,
		String occurredText, List<Note> notes, List<Attachment> attachments, List<DialogueMessage> dialogue,
		Instant dialogueExpiresAt) {

	/** Internal history: notes, assignments, category changes, outcomes. */
	public record Note(String kind, String body, String author, Instant at) {
	}

	/**
	 * An image: the working copy (metadata removed) and the fingerprint and size of the sealed original.
	 */
	public record Attachment(long id, String contentType, int width, int height, String workingSha256,
			String originalContentType, String originalSha256, int originalBytes) {
	}
}
