package org.beacon.overdose.internal;

/** Which time windows the space-time scan considers. */
public enum ScanMode {

	/** Any window of 1 to the maximum temporal length, anywhere in the study period: "was there a cluster?" */
	RETROSPECTIVE,

	/**
	 * Only windows ending on the last day of the study period: "is there a cluster now?" Run daily, this
	 * is SaTScan's prospective surveillance (without its adjustment for earlier analyses).
	 */
	PROSPECTIVE
}
