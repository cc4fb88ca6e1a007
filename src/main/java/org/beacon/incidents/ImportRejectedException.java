package org.beacon.incidents;

/** A file that cannot be imported at all, e.g. a required column is missing; nothing was written. */
public class ImportRejectedException extends RuntimeException {

	public ImportRejectedException(String message) {
		super(message);
	}
}
