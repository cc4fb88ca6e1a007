package org.beacon.tips;

/**
 * A resident's upload that is not an acceptable photo. Public so that a form outside this module can show the
 * message, which names the upload and the rule it broke, beside its file field.
 */
public class RejectedPhoto extends RuntimeException {

	public RejectedPhoto(String message) {
		super(message);
	}
}
