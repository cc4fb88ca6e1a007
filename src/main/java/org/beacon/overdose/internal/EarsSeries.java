package org.beacon.overdose.internal;

/**
 * EARS statistics for every day of one series, column by column. Days before
 * {@link EarsMethod#firstDay(int)} have NaN mean, SD and statistic and no alarm. For C3 the mean and SD
 * are today's C2 baseline.
 *
 * <p>Arrays are owned by this record; callers must not change them.
 */
public record EarsSeries(EarsMethod method, EarsParameters parameters, int[] count, double[] baselineMean,
		double[] baselineSd, double[] statistic, boolean[] alarm) {

	public int days() {
		return count.length;
	}

	public EarsDay day(int d) {
		return new EarsDay(d, count[d], baselineMean[d], baselineSd[d], statistic[d], alarm[d]);
	}

	public int alarmCount() {
		int n = 0;
		for (boolean a : alarm) {
			if (a) {
				n++;
			}
		}
		return n;
	}
}
