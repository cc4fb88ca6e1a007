package org.beacon.overdose.internal;

/**
 * The three CDC Early Aberration Reporting System statistics (Hutwagner et al. 2003; restated in
 * Fricker, Hegler &amp; Dunfee 2008, Stat Med 27:3407).
 */
public enum EarsMethod {

	/** Today against the 7 days just before: baseline {@code t-7 .. t-1}. */
	C1(0),
	/** Today against 7 days with a 2-day guard band: baseline {@code t-9 .. t-3}. */
	C2(2),
	/** Sum of the last three days' C2 excesses over 1: {@code Σ_{i=t-2..t} max(0, C2(i) - 1)}. */
	C3(2);

	private final int guardDays;

	EarsMethod(int guardDays) {
		this.guardDays = guardDays;
	}

	/** Days between the end of the baseline and today (the "lag"): 0 for C1, 2 for C2 and C3. */
	public int guardDays() {
		return guardDays;
	}

	/**
	 * First day (0-based) that has a statistic: C1 needs {@code baseline} earlier days, C2 two more,
	 * C3 two more again (three C2 values).
	 */
	public int firstDay(int baselineDays) {
		return switch (this) {
			case C1 -> baselineDays;
			case C2 -> baselineDays + 2;
			case C3 -> baselineDays + 4;
		};
	}
}
