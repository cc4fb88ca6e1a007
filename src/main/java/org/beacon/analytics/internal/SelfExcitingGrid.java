package org.beacon.analytics.internal;

/**
 * The grid self-exciting point process of Mohler et al. (2015), "Randomized controlled field trials of
 * predictive policing", JASA 110:1399 (the model behind PredPol):
 *
 * <pre>
 *   λ_n(t) = μ_n + Σ_{t_n^i ≤ t − δ} θ·ω·e^{−ω(t − t_n^i)}
 * </pre>
 *
 * per cell n: a constant background rate μ_n (events per day) plus exponentially decaying excitation from
 * the cell's own past events (no cross-cell triggering); θ (expected direct offspring per event) and ω
 * (decay rate per day) are shared. δ ≥ 0 is a minimum trigger lag: events less than δ apart do not trigger
 * one another. With δ = 0 this is the published model, whose likelihood is unbounded as ω → ∞ when two
 * events in a cell share a timestamp (police records often hold several offences of one incident); with
 * δ &gt; 0 the kernel is at most θ/(eδ), so ties cannot drive ω up. Fitted by expectation-maximisation
 * (Mohler 2015 §2; Veen &amp; Schoenberg 2008), sums over i &lt; j in cell n with t_j − t_i ≥ δ:
 *
 * <pre>
 *   E:  p_jj = μ_n/λ_n(t_j),  p_ij = θω·e^{−ω(t_j − t_i)}/λ_n(t_j)
 *   M:  μ_n = Σ_{j ∈ n} p_jj / T
 *       θ  = Σ p_ij / Σ_i (e^{−ωδ} − e^{−ω(T − t_i)})₊                   offspring that fall in the window
 *       ω  = Σ p_ij / Σ p_ij (t_j − t_i − δ)
 * </pre>
 *
 * The sums over earlier events run in O(events) per iteration ({@link Excitation}: a pointer admits each
 * event once it is δ behind, and the admitted sums decay from event to event). The μ and θ updates maximise
 * the expected complete-data log-likelihood exactly; the ω update is Mohler's closed form (the exponential
 * beyond δ is memoryless), which ignores that offspring due after T are unobserved (a small bias when
 * 1/ω ≪ T). The fitted log-likelihood {@code Σ_j log λ(t_j) − Σ_n μ_n T − θ Σ_i (e^{−ωδ} − e^{−ω(T − t_i)})₊}
 * is reported. Cells without events get μ = 0: rank them last, or smooth μ before use.
 *
 * @param mu background rate per cell, events per day (0 for cells without events)
 * @param theta expected number of events directly triggered by one event
 * @param omega decay rate per day (mean trigger delay δ + 1/ω days)
 * @param minLag minimum trigger delay δ, days (0: the published model)
 * @param start start of the fitting window, days
 * @param end end of the fitting window T, days
 * @param iterations EM iterations run
 * @param logLikelihood log-likelihood of the fitted parameters
 */
public record SelfExcitingGrid(double[] mu, double theta, double omega, double minLag, double start, double end,
		int iterations, double logLikelihood) {

	/** Stop when no parameter moves by more than this relative amount. */
	private static final double CONVERGED = 1e-7;

	/** Starting branching ratio: half the events triggered, neither extreme. */
	private static final double THETA_START = 0.5;

	/** The model as published: every earlier event triggers, however close in time (minimum lag 0). */
	public static SelfExcitingGrid fit(double[] x, double[] y, double[] day, Grid grid, double start, double end,
			double omegaStart, int maxIterations) {
		return fit(x, y, day, grid, start, end, omegaStart, 0, maxIterations);
	}

	/**
	 * Fits the model to the events in {@code [start, end)}.
	 *
	 * @param day event times in days; events outside the window are ignored
	 * @param omegaStart starting decay rate per day (e.g. 1/7 for a week)
	 * @param minLag minimum trigger delay δ in days, ≥ 0: an event triggers only events at least δ later in its
	 * cell, so records at the same instant (one incident, several offences) cannot drive ω to infinity
	 * @param maxIterations upper bound on EM iterations
	 * @throws IllegalArgumentException for an empty window or bad parameters
	 */
	public static SelfExcitingGrid fit(double[] x, double[] y, double[] day, Grid grid, double start, double end,
			double omegaStart, double minLag, int maxIterations) {
		return fit(x, y, day, grid, start, end, omegaStart, minLag, maxIterations, UnitsDone.NONE);
	}

	/**
	 * As {@link #fit(double[], double[], double[], Grid, double, double, double, double, int)}, telling
	 * {@code units} after each EM iteration (units: {@code maxIterations}; a fit that converges earlier jumps
	 * to the end).
	 */
	public static SelfExcitingGrid fit(double[] x, double[] y, double[] day, Grid grid, double start, double end,
			double omegaStart, double minLag, int maxIterations, UnitsDone units) {
		if (!(end > start) || !(omegaStart > 0) || maxIterations < 1) {
			throw new IllegalArgumentException("need end > start, omegaStart > 0 and maxIterations ≥ 1");
		}
		if (!(minLag >= 0) || Double.isInfinite(minLag)) {
			throw new IllegalArgumentException("minLag must be a finite number of days ≥ 0, was " + minLag);
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
		double[] sums = new double[2];
		while (iteration < maxIterations) {
			iteration++;
			double[] background = new double[mu.length];
			double triggered = 0;
			double triggeredDelay = 0;
			double exposure = 0;
			for (int c = 0; c < mu.length; c++) {
				Excitation excitation = new Excitation(series, c, omega, minLag);
				for (int k = series.start[c]; k < series.start[c + 1]; k++) {
					excitation.advance(k, sums);
					double lambda = mu[c] + theta * omega * sums[0];
					if (lambda > 0) {
						background[c] += mu[c] / lambda;
						triggered += theta * omega * sums[0] / lambda;
						triggeredDelay += theta * omega * sums[1] / lambda;
					}
					exposure += offspringShare(omega, minLag, window - series.time[k]);
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
			units.done(iteration, maxIterations);
		}
		units.done(maxIterations, maxIterations);
		return new SelfExcitingGrid(mu, theta, omega, minLag, start, end, iteration,
				logLikelihood(series, mu, theta, omega, minLag, window));
	}

	/** Mean trigger delay in days: δ + 1/ω (the kernel is exponential beyond the minimum lag δ). */
	public double meanDelay() {
		return minLag + 1 / omega;
	}

	/**
	 * Conditional intensity of every cell at time {@code at} ≥ the window's end, events per day: the
	 * PredPol ranking score. Uses the fitting events at least the minimum lag before {@code at} as history.
	 */
	public double[] intensity(double[] x, double[] y, double[] day, Grid grid, double at) {
		CellSeries series = CellSeries.of(x, y, day, grid, start, end);
		double[] lambda = mu.clone();
		for (int c = 0; c < lambda.length; c++) {
			for (int k = series.start[c]; k < series.start[c + 1]; k++) {
				double age = at - start - series.time[k];
				if (age >= minLag) {
					lambda[c] += theta * omega * Math.exp(-omega * age);
				}
			}
		}
		return lambda;
	}

	/**
	 * Expected number of events in every cell over the {@code days} days from {@code from} ≥ the window's end:
	 * the conditional intensity integrated over the horizon, with the fitting events as history,
	 *
	 * <pre>
	 *   E_n = μ_n·H + θ·Σ_{i ∈ n} (e^{−ω·max(from − t_i, δ)} − e^{−ω(from + H − t_i)})₊
	 * </pre>
	 *
	 * since ∫ θω·e^{−ω(t − t_i)} dt over the part of [from, from + H] at least δ after t_i is that difference.
	 * Events inside the horizon are not known when forecasting, so their own offspring are not counted (a
	 * forecast of first-generation triggering only). θ = 0 gives μ·H (ω may then be infinite).
	 *
	 * @param days horizon H in days, &gt; 0 (1 for a day, 7 for a week)
	 */
	public double[] expected(double[] x, double[] y, double[] day, Grid grid, double from, double days) {
		if (!(days > 0) || Double.isInfinite(days)) {
			throw new IllegalArgumentException("horizon must be a positive number of days, was " + days);
		}
		CellSeries series = CellSeries.of(x, y, day, grid, start, end);
		double[] expected = new double[mu.length];
		for (int c = 0; c < expected.length; c++) {
			expected[c] = mu[c] * days;
			if (theta == 0) {
				continue;
			}
			for (int k = series.start[c]; k < series.start[c + 1]; k++) {
				double age = from - start - series.time[k];
				expected[c] += theta * triggeredShare(omega, minLag, age, days);
			}
		}
		return expected;
	}

	/**
	 * Share of one event's triggering, per unit θ, that falls in a horizon of {@code days} days starting
	 * {@code age} days after it: ∫ ω e^{−ωs} ds over s in [max(age, δ), age + days], 0 if that is empty.
	 */
	static double triggeredShare(double omega, double minLag, double age, double days) {
		double from = Math.max(age, minLag);
		double to = age + days;
		return to > from ? Math.exp(-omega * from) - Math.exp(-omega * to) : 0;
	}

	/** Expected offspring of an event {@code remaining} days before T, per unit θ: ∫_δ^remaining ω e^{−ωs} ds. */
	private static double offspringShare(double omega, double minLag, double remaining) {
		return remaining > minLag ? Math.exp(-omega * minLag) - Math.exp(-omega * remaining) : 0;
	}

	static double logLikelihood(CellSeries series, double[] mu, double theta, double omega, double window) {
		return logLikelihood(series, mu, theta, omega, 0, window);
	}

	static double logLikelihood(CellSeries series, double[] mu, double theta, double omega, double minLag,
			double window) {
		double sum = 0;
		double[] sums = new double[2];
		for (int c = 0; c < mu.length; c++) {
			Excitation excitation = new Excitation(series, c, omega, minLag);
			for (int k = series.start[c]; k < series.start[c + 1]; k++) {
				excitation.advance(k, sums);
				sum += Math.log(mu[c] + theta * omega * sums[0]);
				sum -= theta * offspringShare(omega, minLag, window - series.time[k]);
			}
			sum -= mu[c] * window;
		}
		return sum;
	}

	/**
	 * The sums over a cell's earlier events that trigger event j, in O(1) amortised per event:
	 * {@code A_j = Σ e^{−ω(t_j − t_i)}} and {@code D_j = Σ e^{−ω(t_j − t_i)}(t_j − t_i − δ)} over i &lt; j with
	 * {@code t_i ≤ t_j − δ}. A pointer admits each earlier event once, when it falls δ behind; the sums of
	 * admitted events decay between consecutive events as {@code S0 ← e^{−ωΔ}S0},
	 * {@code S1 ← e^{−ωΔ}(S1 + Δ·S0)} with S1 = Σ e^{−ω(t − t_i)}(t − t_i); then D = S1 − δ·S0.
	 */
	private static final class Excitation {

		private final double[] time;

		private final double omega;

		private final double minLag;

		private int admitted;

		private double at;

		private double s0;

		private double s1;

		Excitation(CellSeries series, int cell, double omega, double minLag) {
			this.time = series.time;
			this.omega = omega;
			this.minLag = minLag;
			this.admitted = series.start[cell];
			this.at = Double.NaN;
		}

		/** Moves to event {@code k} (called for each event of the cell in order); writes A and D. */
		void advance(int k, double[] out) {
			double t = time[k];
			if (s0 > 0) {
				double gap = t - at;
				double decay = Math.exp(-omega * gap);
				s1 = decay * (s1 + gap * s0);
				s0 = decay * s0;
			}
			at = t;
			while (admitted < k && time[admitted] <= t - minLag) {
				double age = t - time[admitted];
				double weight = Math.exp(-omega * age);
				s0 += weight;
				s1 += weight * age;
				admitted++;
			}
			out[0] = s0;
			out[1] = Math.max(0, s1 - minLag * s0);
		}
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
