package org.beacon.tips;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.beacon.shared.AgencyId;

/**
 * Receipts: a random code and a high-entropy passphrase that let a resident come back to a tip or report
 * and answer staff questions, without ever giving an identity. Only a PBKDF2 hash of the passphrase is
 * kept. The dialogue closes a configurable time after its last message.
 */
public interface Receipts {

	IssuedReceipt issue(AgencyId agency, ReceiptSubject subject);

	/** Staff ask the resident something; it appears in the receipt's dialogue and keeps it open longer. */
	void ask(long receiptId, String question, String staffUser);

	/** The whole dialogue, oldest first. */
	List<DialogueMessage> dialogue(long receiptId);

	/** When the dialogue closes, if the receipt exists. */
	Optional<Instant> expiresAt(long receiptId);
}
