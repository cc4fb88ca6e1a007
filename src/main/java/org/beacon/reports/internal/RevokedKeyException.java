package org.beacon.reports.internal;

/**
 * A report came with an API key that was revoked after this node verified it (on another node, within
 * {@code beacon.open311.lookup-ttl}); nothing of the report was written.
 */
public class RevokedKeyException extends RuntimeException {

	RevokedKeyException(long keyId) {
		super("API key " + keyId + " was revoked");
	}
}
