package org.beacon.tips.internal;

import org.beacon.tips.RejectedPhoto;

/** An upload that is not an acceptable image; the message names the file and the rule. */
public class RejectedImage extends RejectedPhoto {

	public RejectedImage(String message) {
		super(message);
	}
}
