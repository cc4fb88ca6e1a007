package org.beacon.overdose.internal;

/**
 * CUSUM for every day of one series, column by column. Days before {@link CusumParameters#firstDay()}
 * carry NaN and no alarm. Arrays are owned by this record; callers must not change them.
 *
 * @param baselineSd sample SD of the baseline days before the floor is applied
 * @param z today's standardised count {@code (Y_t − mean) / max(sd, minSigma)}
 * @param sum the upper CUSUM {@code S_t} after today (before any reset)
 */
public record CusumSeries(CusumParameters parameters, int[] count, double[] baselineMean, double[] baselineSd,
		double[] z, double[] sum, boolean[] alarm) {

	public int days() {
		return count.length;
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
