package org.beacon.overdose.internal;

import java.util.Arrays;

/**
 * Standardised upper CUSUM against a moving baseline (Page 1954; the form used for syndromic
 * surveillance by Fricker, Hegler &amp; Dunfee 2008, Stat Med 27:3407):
 *
 * <pre>
 * z_t = (Y_t − Ȳ_b) / max(s_b, minSigma)      b = the baselineDays days ending guardDays before t
 * S_t = max(0, S_{t−1} + z_t − k)             alarm if S_t &gt; h; S_{t−1} = 0 on the first day
 * </pre>
 *
 * s_b is the sample SD (divisor n−1). With {@code resetAfterAlarm} the sum restarts from 0 after an
 * alarm. Baseline sums are exact integer sums as in {@link Ears}.
 */
public final class Cusum {

	private Cusum() {
	}

	/**
	 * @param counts cases per day, day 0 first, each &gt;= 0
	 * @return per day: baseline mean and SD, z, S and alarm; NaN and no alarm before the first full
	 *         baseline (the sum starts there at 0); an empty series gives an empty result
	 * @throws IllegalArgumentException for a negative count, naming its day
	 */
	public static CusumSeries compute(int[] counts, CusumParameters parameters) {
		Ears.requireNonNegative(counts);
		int n = counts.length;
		int b = parameters.baselineDays();
		int g = parameters.guardDays();
		double[] mean = nans(n);
		double[] sd = nans(n);
		double[] z = nans(n);
		double[] sum = nans(n);
		boolean[] alarm = new boolean[n];
		long s = 0;
		long q = 0;
		for (int i = 0; i < Math.min(b, n); i++) {
			s += counts[i];
			q += (long) counts[i] * counts[i];
		}
		double previous = 0;
		for (int t = parameters.firstDay(); t < n; t++) {
			int end = t - g; // baseline is days end-b .. end-1
			if (end > b) {
				long in = counts[end - 1];
				long out = counts[end - 1 - b];
				s += in - out;
				q += in * in - out * out;
			}
			mean[t] = (double) s / b;
			sd[t] = Ears.sampleSd(s, q, b);
			z[t] = (counts[t] - mean[t]) / Math.max(sd[t], parameters.minSigma());
			sum[t] = Math.max(0.0, previous + z[t] - parameters.k());
			alarm[t] = sum[t] > parameters.h();
			previous = alarm[t] && parameters.resetAfterAlarm() ? 0.0 : sum[t];
		}
		return new CusumSeries(parameters, counts.clone(), mean, sd, z, sum, alarm);
	}

	private static double[] nans(int n) {
		double[] a = new double[n];
		Arrays.fill(a, Double.NaN);
		return a;
	}
}
