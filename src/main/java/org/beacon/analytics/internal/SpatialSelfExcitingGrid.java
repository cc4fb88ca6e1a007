package org.beacon.analytics.internal;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The self-exciting point process on a grid with triggering that spreads in space: Mohler et al. (2015)'s
 * per-cell background and exponential decay in time, with the Gaussian spatial triggering of Mohler et al.
 * (2011) acting between cells:
 *
 * <pre>
 *   λ_n(t) = μ_n + Σ_{t_i ≤ t − δ} θ·ω·e^{−ω(t − t_i)}·K_σ(n − c_i)
 * </pre>
 *
 * summed over all earlier events i, in whatever cell c_i they fell. {@link GaussianCellKernel K_σ} is the
 * share of a Gaussian with standard deviation σ metres per axis, centred on the parent's cell centre, that
 * falls in cell n (cut at 3σ and scaled to sum to 1, so θ stays the expected number of direct offspring).
 * With σ = 0 every offspring stays in its parent's cell and this is {@link SelfExcitingGrid} exactly.
 * Because offspring are spread from the cell centre, the fitted σ also holds the spread of points inside a
 * cell (a variance of h²/12 per axis for cells of h metres).
 *
 * <p>Fitted by EM in time order over all events. E-step for event j in cell n:
 * <pre>
 *   p_jj = μ_n/λ_j,   p_ij = θω·e^{−ω(t_j − t_i)}·K(n − c_i)/λ_j
 * </pre>
 * M-step: μ_n = Σ_{j ∈ n} p_jj/T; θ = Σ p_ij / Σ_i m_i·(e^{−ωδ} − e^{−ω(T − t_i)})₊, where m_i is the share of
 * event i's kernel that lies on the grid (offspring may fall outside it); ω = Σ p_ij / Σ p_ij (t_j − t_i − δ);
 * σ maximises Σ p_ij ln K_σ(n − c_i) (a one-dimensional search, {@link GaussianCellKernel#fitSigma}). That last
 * step leaves out that m_i also depends on σ, so near the grid's edge it is approximate; the μ, θ and ω
 * steps are exact for the σ in force.
 *
 * <p>The sums over earlier events are kept per cell, relative to a reference time that moves forward
 * (so that {@code e^{ω(t_i − t_ref)}} stays finite): admitting an event costs O(1), and an event's E-step
 * reads the (2r + 1)² cells within the kernel's reach r. An iteration is O(events·(2r + 1)²).
 *
 * @param mu background rate per cell, events per day (0 for cells without events)
 * @param theta expected number of events directly triggered by one event
 * @param omega decay rate per day (mean trigger delay δ + 1/ω days)
 * @param sigma spread of offspring around their parent's cell centre, metres per axis (0: same cell only)
 * @param minLag minimum trigger delay δ, days (0: the published model)
 * @param start start of the fitting window, days
 * @param end end of the fitting window T, days
 * @param iterations EM iterations run
 * @param logLikelihood log-likelihood of the fitted parameters
 */
public record SpatialSelfExcitingGrid(double[] mu, double theta, double omega, double sigma, double minLag,
		double start, double end, int iterations, double logLikelihood) {

	/** Stop when no parameter moves by more than this relative amount. */
	private static final double CONVERGED = 1e-7;

	/** Starting branching ratio: half the events triggered, neither extreme. */
	private static final double THETA_START = 0.5;

	/** The smallest σ searched, in cells: below it practically all offspring stay in their parent's cell. */
	private static final double LOWEST_SIGMA_CELLS = 0.05;

	/**
	 * How the model is fitted.
	 *
	 * @param omegaStart starting decay rate per day (e.g. 1/7 for a week)
	 * @param sigmaStart starting σ in metres; 0 fixes σ at 0 (the same-cell model)
	 * @param fitSigma whether EM fits σ (false: σ stays at {@code sigmaStart})
	 * @param maxSigma the largest σ considered, metres (it bounds the kernel's reach and so the cost)
	 * @param minLag minimum trigger delay δ in days, ≥ 0
	 * @param maxIterations upper bound on EM iterations
	 */
	public record Settings(double omegaStart, double sigmaStart, boolean fitSigma, double maxSigma, double minLag,
			int maxIterations) {

		public Settings {
			if (!(omegaStart > 0) || maxIterations < 1) {
				throw new IllegalArgumentException("need omegaStart > 0 and maxIterations ≥ 1");
			}
			if (!(minLag >= 0) || Double.isInfinite(minLag)) {
				throw new IllegalArgumentException("minLag must be a finite number of days ≥ 0, was " + minLag);
			}
			if (!(sigmaStart >= 0) || !(maxSigma >= sigmaStart) || Double.isInfinite(maxSigma)) {
				throw new IllegalArgumentException("need 0 ≤ sigmaStart ≤ maxSigma < ∞ metres, was " + sigmaStart
						+ " and " + maxSigma);
			}
		}
	}

	/** Fits the model to the events in {@code [start, end)} (days; events outside the window are ignored). */
	public static SpatialSelfExcitingGrid fit(double[] x, double[] y, double[] day, Grid grid, double start,
			double end, Settings settings) {
		return fit(x, y, day, grid, start, end, settings, UnitsDone.NONE);
	}

	/** As {@link #fit(double[], double[], double[], Grid, double, double, Settings)}, telling each EM iteration. */
	public static SpatialSelfExcitingGrid fit(double[] x, double[] y, double[] day, Grid grid, double start,
			double end, Settings settings, UnitsDone units) {
		if (!(end > start)) {
			throw new IllegalArgumentException("need end > start");
		}
		Events events = Events.of(x, y, day, grid, start, end);
		double window = end - start;
		int maxReach = (int) Math.ceil(GaussianCellKernel.REACH_SIGMAS * settings.maxSigma() / grid.cell());
		double[] mu = new double[grid.cells()];
		for (int k = 0; k < events.size(); k++) {
			mu[events.cell[k]] += 0.5 / window;
		}
		double theta = THETA_START;
		double omega = settings.omegaStart();
		double sigma = settings.sigmaStart();
		boolean fitSigma = settings.fitSigma() && sigma > 0;
		int iteration = 0;
		while (iteration < settings.maxIterations()) {
			iteration++;
			GaussianCellKernel kernel = GaussianCellKernel.of(sigma, grid.cell(), maxReach);
			Pass pass = new Pass(events, grid, kernel, mu, theta, omega, settings.minLag(), window);
			pass.run();
			double change = 0;
			for (int c = 0; c < mu.length; c++) {
				double next = pass.background[c] / window;
				change = Math.max(change, relative(mu[c], next));
				mu[c] = next;
			}
			double nextTheta = pass.exposure > 0 ? pass.triggered / pass.exposure : 0;
			double nextOmega = pass.triggeredDelay > 0 ? pass.triggered / pass.triggeredDelay : omega;
			double nextSigma = sigma;
			if (fitSigma && pass.triggered > 0) {
				nextSigma = fitSigma(pass, grid, kernel.reach(), nextTheta, settings.maxSigma());
			}
			change = Math.max(change, Math.max(relative(theta, nextTheta), relative(omega, nextOmega)));
			change = Math.max(change, relative(sigma, nextSigma));
			theta = nextTheta;
			omega = nextOmega;
			sigma = nextSigma;
			units.done(iteration, settings.maxIterations());
			if (change < CONVERGED) {
				break;
			}
		}
		units.done(settings.maxIterations(), settings.maxIterations());
		GaussianCellKernel kernel = GaussianCellKernel.of(sigma, grid.cell(), maxReach);
		Pass last = new Pass(events, grid, kernel, mu, theta, omega, settings.minLag(), window);
		last.run();
		return new SpatialSelfExcitingGrid(mu, theta, omega, sigma, settings.minLag(), start, end, iteration,
				last.logLikelihood(mu));
	}

	/** The log-likelihood of the given parameters on the events of {@code [from, from + window)}. */
	static double logLikelihood(double[] x, double[] y, double[] day, Grid grid, double from, double window,
			double[] mu, double theta, double omega, double sigma, double minLag) {
		Events events = Events.of(x, y, day, grid, from, from + window);
		GaussianCellKernel kernel = GaussianCellKernel.of(sigma, grid.cell(), Integer.MAX_VALUE);
		Pass pass = new Pass(events, grid, kernel, mu, theta, omega, minLag, window);
		pass.run();
		return pass.logLikelihood(mu);
	}

	/**
	 * The σ step: maximises the part of the expected complete-data log-likelihood that depends on σ,
	 * {@code Σ p_ij ln K_σ(n − c_i) − θ Σ_i m_i(σ)·(e^{−ωδ} − e^{−ω(T − t_i)})₊}, with the iteration's reach. The
	 * second term is the offspring expected on the grid: a wider kernel loses more of them over the edge.
	 */
	private static double fitSigma(Pass pass, Grid grid, int reach, double theta, double maxSigma) {
		double cell = grid.cell();
		double[] steps = pass.steps;
		double[] exposure = pass.exposureByCell;
		DoubleUnaryOperator objective = s -> {
			GaussianCellKernel k = GaussianCellKernel.withReach(s, cell, reach);
			double[] rows = new double[grid.ny()];
			for (int iy = 0; iy < rows.length; iy++) {
				rows[iy] = k.inside(iy, grid.ny());
			}
			double[] columns = new double[grid.nx()];
			for (int ix = 0; ix < columns.length; ix++) {
				columns[ix] = k.inside(ix, grid.nx());
			}
			double expected = 0;
			for (int c = 0; c < exposure.length; c++) {
				if (exposure[c] > 0) {
					expected += exposure[c] * rows[c / grid.nx()] * columns[c % grid.nx()];
				}
			}
			return k.stepLogLikelihood(steps) - theta * expected;
		};
		return GaussianCellKernel.maximise(objective, LOWEST_SIGMA_CELLS * cell, maxSigma);
	}

	/** Mean trigger delay in days: δ + 1/ω. */
	public double meanDelay() {
		return minLag + 1 / omega;
	}

	/**
	 * Conditional intensity of every cell at time {@code at} ≥ the window's end, events per day, from the
	 * fitting events at least the minimum lag before {@code at}: the ranking score for a forecast.
	 */
	public double[] intensity(double[] x, double[] y, double[] day, Grid grid, double at) {
		Events events = Events.of(x, y, day, grid, start, end);
		double[] excitation = new double[grid.cells()];
		for (int k = 0; k < events.size(); k++) {
			double age = at - start - events.time[k];
			if (age >= minLag) {
				excitation[events.cell[k]] += Math.exp(-omega * age);
			}
		}
		GaussianCellKernel kernel = GaussianCellKernel.of(sigma, grid.cell(), Integer.MAX_VALUE);
		double[] spread = spread(excitation, grid, kernel);
		double[] lambda = mu.clone();
		if (theta > 0) {
			for (int c = 0; c < lambda.length; c++) {
				lambda[c] += theta * omega * spread[c];
			}
		}
		return lambda;
	}

	/**
	 * Expected number of events in every cell over the {@code days} days from {@code from} ≥ the window's end,
	 * the intensity integrated over the horizon with the fitting events as history:
	 *
	 * <pre>
	 *   E_n = μ_n·H + θ·Σ_i K_σ(n − c_i)·(e^{−ω·max(from − t_i, δ)} − e^{−ω(from + H − t_i)})₊
	 * </pre>
	 *
	 * Offspring of events inside the horizon are not counted (they are not known when forecasting). θ = 0
	 * gives μ·H. See {@link SelfExcitingGrid#expected}, which this equals for σ = 0.
	 *
	 * @param days horizon H in days, &gt; 0
	 */
	public double[] expected(double[] x, double[] y, double[] day, Grid grid, double from, double days) {
		if (!(days > 0) || Double.isInfinite(days)) {
			throw new IllegalArgumentException("horizon must be a positive number of days, was " + days);
		}
		double[] expected = new double[mu.length];
		for (int c = 0; c < expected.length; c++) {
			expected[c] = mu[c] * days;
		}
		if (theta == 0) {
			return expected;
		}
		Events events = Events.of(x, y, day, grid, start, end);
		double[] excitation = new double[grid.cells()];
		for (int k = 0; k < events.size(); k++) {
			excitation[events.cell[k]] += SelfExcitingGrid.triggeredShare(omega, minLag, from - start - events.time[k],
					days);
		}
		double[] spread = spread(excitation, grid, GaussianCellKernel.of(sigma, grid.cell(), Integer.MAX_VALUE));
		for (int c = 0; c < expected.length; c++) {
			expected[c] += theta * spread[c];
		}
		return expected;
	}

	/** {@code Σ_m K(n − m)·value[m]} for every cell n: the kernel applied along rows, then along columns. */
	static double[] spread(double[] value, Grid grid, GaussianCellKernel kernel) {
		int r = kernel.reach();
		if (r == 0) {
			return value.clone();
		}
		double[] rows = new double[value.length];
		for (int iy = 0; iy < grid.ny(); iy++) {
			for (int ix = 0; ix < grid.nx(); ix++) {
				double v = value[iy * grid.nx() + ix];
				if (v != 0) {
					for (int d = Math.max(-r, -ix); d <= Math.min(r, grid.nx() - 1 - ix); d++) {
						rows[iy * grid.nx() + ix + d] += kernel.share(d) * v;
					}
				}
			}
		}
		double[] out = new double[value.length];
		for (int iy = 0; iy < grid.ny(); iy++) {
			for (int ix = 0; ix < grid.nx(); ix++) {
				double v = rows[iy * grid.nx() + ix];
				if (v != 0) {
					for (int d = Math.max(-r, -iy); d <= Math.min(r, grid.ny() - 1 - iy); d++) {
						out[(iy + d) * grid.nx() + ix] += kernel.share(d) * v;
					}
				}
			}
		}
		return out;
	}

	/** Expected offspring of an event {@code remaining} days before T, per unit θ: ∫_δ^remaining ω e^{−ωs} ds. */
	static double offspringShare(double omega, double minLag, double remaining) {
		return remaining > minLag ? Math.exp(-omega * minLag) - Math.exp(-omega * remaining) : 0;
	}

	private static double relative(double before, double after) {
		double scale = Math.max(Math.abs(before), Math.abs(after));
		return scale == 0 ? 0 : Math.abs(after - before) / scale;
	}

	/**
	 * One pass over the events in time order with fixed parameters: the E-step's sums and the log-likelihood.
	 * Per cell m it keeps {@code g0_m = Σ e^{ω(t_i − t_ref)}} and {@code g1_m = Σ e^{ω(t_i − t_ref)}(t_ref − t_i)}
	 * over the admitted events i of m, so that at time t, {@code Σ e^{−ω(t − t_i)} = e^{−ω(t − t_ref)}·g0} and
	 * {@code Σ e^{−ω(t − t_i)}(t − t_i) = e^{−ω(t − t_ref)}·((t − t_ref)·g0 + g1)}.
	 */
	private static final class Pass {

		/** Move the reference time forward before e^{ω(t − t_ref)} passes e^{RESCALE}. */
		private static final double RESCALE = 500;

		final double[] background;

		final double[] steps;

		/** Per cell, Σ over its events of (e^{−ωδ} − e^{−ω(T − t_i)})₊: offspring expected before T, per unit θ. */
		final double[] exposureByCell;

		double triggered;

		double triggeredDelay;

		double exposure;

		private double sumLogLambda;

		private final Events events;

		private final Grid grid;

		private final GaussianCellKernel kernel;

		private final double[] mu;

		private final double theta;

		private final double omega;

		private final double minLag;

		private final double window;

		private final double[] g0;

		private final double[] g1;

		private final int[] touched;

		private int touchedCount;

		private double reference;

		Pass(Events events, Grid grid, GaussianCellKernel kernel, double[] mu, double theta, double omega,
				double minLag, double window) {
			this.events = events;
			this.grid = grid;
			this.kernel = kernel;
			this.mu = mu;
			this.theta = theta;
			this.omega = omega;
			this.minLag = minLag;
			this.window = window;
			this.background = new double[mu.length];
			this.steps = new double[kernel.reach() + 1];
			this.exposureByCell = new double[mu.length];
			this.g0 = new double[mu.length];
			this.g1 = new double[mu.length];
			this.touched = new int[mu.length];
		}

		void run() {
			int r = kernel.reach();
			double[] rowSteps = new double[r + 1];
			double[] columnSteps = new double[r + 1];
			int admitted = 0;
			for (int j = 0; j < events.size(); j++) {
				double t = events.time[j];
				while (admitted < j && events.time[admitted] <= t - minLag) {
					admit(admitted++);
				}
				int cell = events.cell[j];
				int row = cell / grid.nx();
				int column = cell % grid.nx();
				Arrays.fill(rowSteps, 0);
				Arrays.fill(columnSteps, 0);
				double a = 0;
				double b = 0;
				for (int dr = -r; dr <= r; dr++) {
					int parentRow = row - dr;
					if (parentRow < 0 || parentRow >= grid.ny()) {
						continue;
					}
					double pr = kernel.share(dr);
					double rowSum = 0;
					for (int dc = -r; dc <= r; dc++) {
						int parentColumn = column - dc;
						if (parentColumn < 0 || parentColumn >= grid.nx()) {
							continue;
						}
						int parent = parentRow * grid.nx() + parentColumn;
						double v = g0[parent];
						if (v != 0) {
							double term = kernel.share(dc) * v;
							rowSum += term;
							columnSteps[Math.abs(dc)] += pr * term;
							b += pr * kernel.share(dc) * g1[parent];
						}
					}
					rowSteps[Math.abs(dr)] += pr * rowSum;
					a += pr * rowSum;
				}
				double decay = Math.exp(-omega * (t - reference));
				double excitation = theta * omega * decay * a;
				double lambda = mu[cell] + excitation;
				if (lambda > 0) {
					double scale = theta * omega * decay / lambda;
					background[cell] += mu[cell] / lambda;
					triggered += excitation / lambda;
					// Σ e^{−ω(t − t_i)}(t − t_i − δ)·K = decay·((t − t_ref)·a + b) − δ·decay·a
					triggeredDelay += Math.max(0, scale * ((t - reference) * a + b - minLag * a));
					for (int d = 0; d <= r; d++) {
						steps[d] += scale * (rowSteps[d] + columnSteps[d]);
					}
				}
				sumLogLambda += Math.log(lambda);
				double share = offspringShare(omega, minLag, window - t);
				exposureByCell[cell] += share;
				exposure += share * kernel.inside(row, grid.ny()) * kernel.inside(column, grid.nx());
			}
		}

		/** The log-likelihood of the pass's parameters with background {@code mu}. */
		double logLikelihood(double[] mu) {
			double total = sumLogLambda - theta * exposure;
			for (double m : mu) {
				total -= m * window;
			}
			return total;
		}

		private void admit(int i) {
			double t = events.time[i];
			if (omega * (t - reference) > RESCALE) {
				moveReference(t);
			}
			int cell = events.cell[i];
			if (g0[cell] == 0 && g1[cell] == 0) {
				touched[touchedCount++] = cell;
			}
			double weight = Math.exp(omega * (t - reference));
			g0[cell] += weight;
			g1[cell] += weight * (reference - t);
		}

		/** g0' = e^{−ωΔ}g0, g1' = e^{−ωΔ}(g1 + Δ·g0) for a move of Δ; cells that underflow to 0 are dropped. */
		private void moveReference(double to) {
			double shift = to - reference;
			double decay = Math.exp(-omega * shift);
			int kept = 0;
			for (int k = 0; k < touchedCount; k++) {
				int cell = touched[k];
				g1[cell] = decay * (g1[cell] + shift * g0[cell]);
				g0[cell] = decay * g0[cell];
				if (g0[cell] != 0 || g1[cell] != 0) {
					touched[kept++] = cell;
				}
			}
			touchedCount = kept;
			reference = to;
		}
	}

	/** The window's events sorted by time (relative to the window start), with their cells. */
	static final class Events {

		final double[] time;

		final int[] cell;

		private Events(double[] time, int[] cell) {
			this.time = time;
			this.cell = cell;
		}

		int size() {
			return time.length;
		}

		static Events of(double[] x, double[] y, double[] day, Grid grid, double from, double to) {
			Grid.requireSameLength(x, y);
			if (day.length != x.length) {
				throw new IllegalArgumentException("day has " + day.length + " values for " + x.length + " events");
			}
			int n = 0;
			double[] times = new double[x.length];
			int[] cells = new int[x.length];
			for (int i = 0; i < x.length; i++) {
				int c = day[i] >= from && day[i] < to ? grid.indexOf(x[i], y[i]) : -1;
				if (c >= 0) {
					times[n] = day[i] - from;
					cells[n] = c;
					n++;
				}
			}
			Integer[] index = new Integer[n];
			for (int k = 0; k < n; k++) {
				index[k] = k;
			}
			double[] t = times;
			Arrays.sort(index, (p, q) -> Double.compare(t[p], t[q]));
			double[] time = new double[n];
			int[] cell = new int[n];
			for (int k = 0; k < n; k++) {
				time[k] = times[index[k]];
				cell[k] = cells[index[k]];
			}
			return new Events(time, cell);
		}
	}
}
