package org.beacon.tips.internal;

/** An upload that is not an acceptable image; the message names the file and the rule. */
public class RejectedImage extends RuntimeException {

	public RejectedImage(String message) {
		super(message);
	}
}
