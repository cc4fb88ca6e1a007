package org.beacon.analytics.internal;

/**
 * Baseline grid forecasts: where will events happen next? Each returns a score per cell (row-major) for
 * ranking and scoring with {@link ForecastScoring}; higher means more expected. Times are in days (any
 * origin), events at or after {@code now} are ignored, so a forecast never sees its own future.
 */
public final class Forecasts {

	/** Bowers, Johnson &amp; Pease (2004) count time in whole weeks. */
	private static final double DAYS_PER_WEEK = 7;

	private Forecasts() {
	}

	/**
	 * Naive forecast: the events of the last period, {@code [now − periodDays, now)}, per cell, as the
	 * expected events of the next period of the same length. Random-walk baseline every other forecast must
	 * beat.
	 */
	public static double[] naive(double[] x, double[] y, double[] day, Grid grid, double now, double periodDays) {
		requireEvents(x, y, day);
		double[] counts = new double[grid.cells()];
		for (int i = 0; i < x.length; i++) {
			if (day[i] < now && day[i] >= now - periodDays) {
				int c = grid.indexOf(x[i], y[i]);
				if (c >= 0) {
					counts[c]++;
				}
			}
		}
		return counts;
	}

	/**
	 * Recency-weighted kernel density: each past event weighs {@code exp(−(now − t)/τ)}, so one from τ days
	 * ago counts e⁻¹ ≈ 0.37 of one from today; events older than {@code lookbackDays} are dropped. Density in
	 * weighted events per km² ({@link KernelDensity}).
	 *
	 * @param tauDays decay time τ in days, &gt; 0
	 * @param lookbackDays look-back window in days, &gt; 0 (e.g. 5τ, where weights fall below 0.7 %)
	 */
	public static double[] recencyKde(double[] x, double[] y, double[] day, Grid grid, double now, double tauDays,
			double lookbackDays, Kernel kernel, double bandwidth) {
		requireEvents(x, y, day);
		if (!(tauDays > 0) || !(lookbackDays > 0)) {
			throw new IllegalArgumentException("tau and look-back must be positive days, were " + tauDays + ", "
					+ lookbackDays);
		}
		int n = 0;
		for (int i = 0; i < x.length; i++) {
			n += day[i] < now && now - day[i] <= lookbackDays ? 1 : 0;
		}
		double[] px = new double[n];
		double[] py = new double[n];
		double[] w = new double[n];
		int k = 0;
		for (int i = 0; i < x.length; i++) {
			if (day[i] < now && now - day[i] <= lookbackDays) {
				px[k] = x[i];
				py[k] = y[i];
				w[k++] = Math.exp(-(now - day[i]) / tauDays);
			}
		}
		return KernelDensity.perKm2(px, py, w, grid, kernel, bandwidth);
	}

	/**
	 * {@link #recencyKde} as expected events per cell over the {@code aheadDays} days from {@code now}: the
	 * weighted events in a cell (density at its centre × its area) are an exponentially weighted count, and a
	 * steady rate of r events a day gives weights summing to r·τ·(1 − e^{−L/τ}) over a look-back of L days, so
	 *
	 * <pre>
	 *   E_c = density_c·area_c·H / (τ·(1 − e^{−L/τ}))
	 * </pre>
	 *
	 * A constant multiple of the density: the ranking, and so PAI, PEI and hit rate, are the density's.
	 *
	 * @param aheadDays forecast horizon H in days, &gt; 0
	 */
	public static double[] recencyKdeExpected(double[] x, double[] y, double[] day, Grid grid, double now,
			double tauDays, double lookbackDays, Kernel kernel, double bandwidth, double aheadDays) {
		if (!(aheadDays > 0) || Double.isInfinite(aheadDays)) {
			throw new IllegalArgumentException("horizon must be a positive number of days, was " + aheadDays);
		}
		double[] density = recencyKde(x, y, day, grid, now, tauDays, lookbackDays, kernel, bandwidth);
		double cellKm2 = grid.cell() * grid.cell() / M2_PER_KM2;
		double weightPerDailyEvent = tauDays * -Math.expm1(-lookbackDays / tauDays);
		double scale = cellKm2 * aheadDays / weightPerDailyEvent;
		for (int c = 0; c < density.length; c++) {
			density[c] *= scale;
		}
		return density;
	}

	/** Square metres in a square kilometre. */
	private static final double M2_PER_KM2 = 1e6;

	/** Cell distance for {@link #prospective}. */
	public enum CellDistance {
		/** max(|Δix|, |Δiy|): diagonal neighbours are 1 away ("diagonals same"). */
		CHEBYSHEV,
		/** |Δix| + |Δiy|. */
		MANHATTAN
	}

	/**
	 * Prospective hot-spotting (Bowers, Johnson &amp; Pease 2004, Br J Criminol 44:641): a past event in cell
	 * e adds {@code 1/(1 + d)·1/(1 + w)} to cell c, where d is the distance between c and e in cells and
	 * {@code w = ⌊(now − t)/7⌋} the whole weeks since the event; nothing if d &gt; {@code cellBandwidth} or w
	 * &gt; {@code weekBandwidth} (both inclusive; the open_cp defaults are 8 cells of 50 m and 8 weeks).
	 */
	public static double[] prospective(double[] x, double[] y, double[] day, Grid grid, double now,
			int cellBandwidth, int weekBandwidth, CellDistance distance) {
		requireEvents(x, y, day);
		if (cellBandwidth < 0 || weekBandwidth < 0) {
			throw new IllegalArgumentException("bandwidths must be ≥ 0");
		}
		int nx = grid.nx();
		int ny = grid.ny();
		double[] score = new double[grid.cells()];
		for (int i = 0; i < x.length; i++) {
			if (!(day[i] < now)) {
				continue;
			}
			long weeks = (long) Math.floor((now - day[i]) / DAYS_PER_WEEK);
			if (weeks > weekBandwidth) {
				continue;
			}
			long ex = grid.column(x[i]);
			long ey = grid.row(y[i]);
			double timeWeight = 1.0 / (1 + weeks);
			for (long cy = Math.max(0, ey - cellBandwidth); cy <= Math.min(ny - 1, ey + cellBandwidth); cy++) {
				for (long cx = Math.max(0, ex - cellBandwidth); cx <= Math.min(nx - 1, ex + cellBandwidth); cx++) {
					long dx = Math.abs(cx - ex);
					long dy = Math.abs(cy - ey);
					long d = distance == CellDistance.CHEBYSHEV ? Math.max(dx, dy) : dx + dy;
					if (d <= cellBandwidth) {
						score[(int) (cy * nx + cx)] += timeWeight / (1 + d);
					}
				}
			}
		}
		return score;
	}

	private static void requireEvents(double[] x, double[] y, double[] day) {
		Grid.requireSameLength(x, y);
		if (day.length != x.length) {
			throw new IllegalArgumentException("day has " + day.length + " values for " + x.length + " events");
		}
		for (int i = 0; i < x.length; i++) {
			if (Double.isNaN(x[i]) || Double.isNaN(y[i]) || Double.isNaN(day[i])) {
				throw new IllegalArgumentException("event " + i + " has a NaN coordinate or time");
			}
		}
	}
}
