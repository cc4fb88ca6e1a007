package org.beacon.analytics.internal;

/**
 * The grid self-exciting point process of Mohler et al. (2015), "Randomized controlled field trials of
 * predictive policing", JASA 110:1399 (the model behind PredPol):
 *
 * <pre>
 *   λ_n(t) = μ_n + Σ_{t_n^i &lt; t} θ·ω·e^{−ω(t − t_n^i)}
 * </pre>
 *
 * per cell n: a constant background rate μ_n (events per day) plus exponentially decaying excitation from
 * the cell's own past events (no cross-cell triggering); θ (expected direct offspring per event) and ω
 * (decay rate per day) are shared. Fitted by expectation-maximisation (Mohler 2015 §2; Veen &amp;
 * Schoenberg 2008):
 *
 * <pre>
 *   E:  p_jj = μ_n/λ_n(t_j),  p_ij = θω·e^{−ω(t_j − t_i)}/λ_n(t_j)          i &lt; j in cell n
 *   M:  μ_n = Σ_{j ∈ n} p_jj / T
 *       θ  = Σ_{i&lt;j} p_ij / Σ_i (1 − e^{−ω(T − t_i)})                     offspring that fall in the window
 *       ω  = Σ_{i&lt;j} p_ij / Σ_{i&lt;j} p_ij (t_j − t_i)
 * </pre>
 *
 * The sums over earlier events run in O(events) per iteration through the recursions
 * {@code A_j = e^{−ωΔ}(A_{j−1} + 1)} and {@code B_j = e^{−ωΔ}(B_{j−1} + Δ(A_{j−1} + 1))}, Δ = t_j − t_{j−1}.
 * The μ and θ updates maximise the expected complete-data log-likelihood exactly; the ω update is
 * Mohler's closed form, which ignores that offspring due after T are unobserved (a small bias when
 * 1/ω ≪ T). The fitted log-likelihood {@code Σ_j log λ(t_j) − Σ_n [μ_n T + θ Σ_i (1 − e^{−ω(T − t_i)})]} is
 * reported. Cells without events get μ = 0: rank them last, or smooth μ before use.
 *
 * @param mu background rate per cell, events per day (0 for cells without events)
 * @param theta expected number of events directly triggered by one event
 * @param omega decay rate per day (mean trigger delay 1/ω days)
 * @param start start of the fitting window, days
 * @param end end of the fitting window T, days
 * @param iterations EM iterations run
 * @param logLikelihood log-likelihood of the fitted parameters
 */
public record SelfExcitingGrid(double[] mu, double theta, double omega, double start, double end, int iterations,
		double logLikelihood) {

	/** Stop when no parameter moves by more than this relative amount. */
	private static final double CONVERGED = 1e-7;

	/** Starting branching ratio: half the events triggered, neither extreme. */
	private static final double THETA_START = 0.5;

	/**
	 * Fits the model to the events in {@code [start, end)}.
	 *
	 * @param day event times in days; events outside the window are ignored
	 * @param omegaStart starting decay rate per day (e.g. 1/7 for a week)
	 * @param maxIterations upper bound on EM iterations
	 * @throws IllegalArgumentException for an empty window or bad parameters
	 */
	public static SelfExcitingGrid fit(double[] x, double[] y, double[] day, Grid grid, double start, double end,
			double omegaStart, int maxIterations) {
		if (!(end > start) || !(omegaStart > 0) || maxIterations < 1) {
			throw new IllegalArgumentException("need end > start, omegaStart > 0 and maxIterations ≥ 1");
		}
		CellSeries series = CellSeries.of(x, y, day, grid, start, end);
		double window = end - start;
		double[] mu = new double[grid.cells()];
		for (int c = 0; c < mu.length; c++) {
			mu[c] = 0.5 * series.count(c) / window;
		}
		double theta = THETA_START;
		double omega = omegaStart;
		int iteration = 0;
		while (iteration < maxIterations) {
			iteration++;
			double[] background = new double[mu.length];
			double triggered = 0;
			double triggeredDelay = 0;
			double exposure = 0;
			for (int c = 0; c < mu.length; c++) {
				int from = series.start[c];
				int to = series.start[c + 1];
				double a = 0;
				double b = 0;
				for (int k = from; k < to; k++) {
					if (k > from) {
						double gap = series.time[k] - series.time[k - 1];
						double decay = Math.exp(-omega * gap);
						b = decay * (b + gap * (a + 1));
						a = decay * (a + 1);
					}
					double lambda = mu[c] + theta * omega * a;
					if (lambda > 0) {
						background[c] += mu[c] / lambda;
						triggered += theta * omega * a / lambda;
						triggeredDelay += theta * omega * b / lambda;
					}
					exposure += 1 - Math.exp(-omega * (window - series.time[k]));
				}
			}
			double change = 0;
			for (int c = 0; c < mu.length; c++) {
				double next = background[c] / window;
				change = Math.max(change, relative(mu[c], next));
				mu[c] = next;
			}
			double nextTheta = exposure > 0 ? triggered / exposure : 0;
			double nextOmega = triggeredDelay > 0 ? triggered / triggeredDelay : omega;
			change = Math.max(change, Math.max(relative(theta, nextTheta), relative(omega, nextOmega)));
			theta = nextTheta;
			omega = nextOmega;
			if (change < CONVERGED) {
				break;
			}
		}
		return new SelfExcitingGrid(mu, theta, omega, start, end, iteration,
				logLikelihood(series, mu, theta, omega, window));
	}

	/**
	 * Conditional intensity of every cell at time {@code at} ≥ the window's end, events per day: the
	 * PredPol ranking score. Uses the fitting events as history.
	 */
	public double[] intensity(double[] x, double[] y, double[] day, Grid grid, double at) {
		CellSeries series = CellSeries.of(x, y, day, grid, start, end);
		double[] lambda = mu.clone();
		for (int c = 0; c < lambda.length; c++) {
			for (int k = series.start[c]; k < series.start[c + 1]; k++) {
				double age = at - start - series.time[k];
				lambda[c] += theta * omega * Math.exp(-omega * age);
			}
		}
		return lambda;
	}

	static double logLikelihood(CellSeries series, double[] mu, double theta, double omega, double window) {
		double sum = 0;
		for (int c = 0; c < mu.length; c++) {
			double a = 0;
			for (int k = series.start[c]; k < series.start[c + 1]; k++) {
				if (k > series.start[c]) {
					a = Math.exp(-omega * (series.time[k] - series.time[k - 1])) * (a + 1);
				}
				sum += Math.log(mu[c] + theta * omega * a);
				sum -= theta * (1 - Math.exp(-omega * (window - series.time[k])));
			}
			sum -= mu[c] * window;
		}
		return sum;
	}

	private static double relative(double before, double after) {
		double scale = Math.max(Math.abs(before), Math.abs(after));
		return scale == 0 ? 0 : Math.abs(after - before) / scale;
	}

	/** Event times per cell, sorted, relative to the window start (CSR layout). */
	static final class CellSeries {

		final int[] start;

		final double[] time;

		private CellSeries(int[] start, double[] time) {
			this.start = start;
			this.time = time;
		}

		int count(int cell) {
			return start[cell + 1] - start[cell];
		}

		static CellSeries of(double[] x, double[] y, double[] day, Grid grid, double from, double to) {
			Grid.requireSameLength(x, y);
			if (day.length != x.length) {
				throw new IllegalArgumentException("day has " + day.length + " values for " + x.length + " events");
			}
			int[] cellOf = new int[x.length];
			int[] start = new int[grid.cells() + 1];
			for (int i = 0; i < x.length; i++) {
				cellOf[i] = day[i] >= from && day[i] < to ? grid.indexOf(x[i], y[i]) : -1;
				if (cellOf[i] >= 0) {
					start[cellOf[i] + 1]++;
				}
			}
			for (int c = 0; c < grid.cells(); c++) {
				start[c + 1] += start[c];
			}
			int[] fill = java.util.Arrays.copyOf(start, grid.cells());
			double[] time = new double[start[grid.cells()]];
			for (int i = 0; i < x.length; i++) {
				if (cellOf[i] >= 0) {
					time[fill[cellOf[i]]++] = day[i] - from;
				}
			}
			for (int c = 0; c < grid.cells(); c++) {
				java.util.Arrays.sort(time, start[c], start[c + 1]);
			}
			return new CellSeries(start, time);
		}
	}
}
