package org.beacon.tips;

/** What a receipt follows. */
public enum ReceiptSubject {
	TIP, REPORT;

	public String db() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
