package org.beacon.tips;

import java.util.Optional;

/**
 * Implemented by a module whose records residents follow with a receipt (reports): the one public status
 * line the receipt page may show. Tips show none, so a receipt reveals nothing about a tip but its dialogue.
 */
public interface ReceiptStatusSource {

	Optional<String> statusLine(long receiptId);
}
