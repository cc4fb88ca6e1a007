package org.beacon.tips;

import java.time.Instant;

/**
 * A receipt just made. {@code passphrase} exists only here: the database keeps a slow hash of it, so it is
 * shown to the resident once (twice on the page) and never again.
 *
 * @param id internal key, for the owning tip or report to refer to
 * @param code what the resident types as "receipt number", grouped for reading, e.g. {@code K7Q2-M9XD-4TPA}
 */
public record IssuedReceipt(long id, String code, String passphrase, Instant expiresAt) {

	@Override
	public String toString() {
		return "IssuedReceipt[id=" + id + ", code=" + code + ", expiresAt=" + expiresAt + "]";
	}
}
