package org.beacon.analytics.internal;

/**
 * Two-dimensional smoothing kernels, each integrating to 1 over the plane. {@code h} is the bandwidth in
 * metres, {@code d} the distance from the event.
 */
public enum Kernel {

	/**
	 * {@code K(d) = exp(−d²/2h²)/(2πh²)}; h is the standard deviation σ, as spatstat {@code sigma} and
	 * scikit-learn {@code bandwidth}.
	 */
	GAUSSIAN {
		@Override
		double value(double d2, double h) {
			return Math.exp(-0.5 * d2 / (h * h)) / (2 * Math.PI * h * h);
		}

		@Override
		double reach(double h) {
			return GAUSSIAN_REACH_SIGMAS * h;
		}
	},

	/**
	 * Quartic (biweight) {@code K(d) = 3/(πh²)·(1 − d²/h²)²} for d &lt; h, else 0; h is the search radius.
	 * ArcGIS Kernel Density, Silverman (1986) eq. 4.5.
	 */
	QUARTIC {
		@Override
		double value(double d2, double h) {
			double u = 1 - d2 / (h * h);
			return u > 0 ? 3 / (Math.PI * h * h) * u * u : 0;
		}

		@Override
		double reach(double h) {
			return h;
		}
	},

	/** Epanechnikov in scikit-learn's form {@code K(d) = 2/(πh²)·(1 − d²/h²)} for d &lt; h, else 0. */
	EPANECHNIKOV {
		@Override
		double value(double d2, double h) {
			double u = 1 - d2 / (h * h);
			return u > 0 ? 2 / (Math.PI * h * h) * u : 0;
		}

		@Override
		double reach(double h) {
			return h;
		}
	};

	/**
	 * The Gaussian is cut off at 5σ: the kernel there is e^{−12.5} ≈ 3.7e-6 of its peak and the mass beyond
	 * is e^{−12.5} of the total, far below the binning error (about (cell/h)²/24 of the peak).
	 */
	static final double GAUSSIAN_REACH_SIGMAS = 5.0;

	/** Kernel value per m² at squared distance {@code d2} (m²) for bandwidth {@code h} (m). */
	abstract double value(double d2, double h);

	/** Distance in metres beyond which the kernel is (taken as) zero. */
	abstract double reach(double h);
}
