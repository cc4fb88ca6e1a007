package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.beacon.analytics.internal.Forecasts.CellDistance;
import org.junit.jupiter.api.Test;

class ForecastsTests {

	private static final Grid GRID = new Grid(0, 0, 100, 7, 5);

	@Test
	void naiveForecastCountsTheLastPeriodOnly() {
		// now = 100, period 7 days: days 93 ≤ t < 100 count; day 92.9 is too old, day 100 is the future
		double[] x = { 50, 50, 150, 150, 250 };
		double[] y = { 50, 50, 50, 50, 50 };
		double[] day = { 93, 99.5, 92.9, 100, 95 };

		double[] forecast = Forecasts.naive(x, y, day, GRID, 100, 7);

		assertThat(forecast[0]).isEqualTo(2);
		assertThat(forecast[1]).isZero();
		assertThat(forecast[2]).isEqualTo(1);
	}

	@Test
	void prospectiveScoreWeighsCellAndWeekDistanceByHand() {
		// one event in cell (2, 2), 10 days before now: w = ⌊10/7⌋ = 1 week, time weight 1/(1 + 1) = 1/2.
		// Chebyshev: own cell 1/(1+0)·1/2 = 0.5; (3, 3) d = 1 → 0.25; (4, 2) d = 2 → 1/6; (5, 2) d = 3 > 2 → 0
		// Manhattan: (3, 3) d = 2 → 1/6; (4, 3) d = 3 → 0
		double[] x = { 250 };
		double[] y = { 250 };
		double[] day = { 90 };

		double[] chebyshev = Forecasts.prospective(x, y, day, GRID, 100, 2, 2, CellDistance.CHEBYSHEV);
		double[] manhattan = Forecasts.prospective(x, y, day, GRID, 100, 2, 2, CellDistance.MANHATTAN);

		assertThat(chebyshev[2 * 7 + 2]).isCloseTo(0.5, within(1e-15));
		assertThat(chebyshev[3 * 7 + 3]).isCloseTo(0.25, within(1e-15));
		assertThat(chebyshev[2 * 7 + 4]).isCloseTo(1.0 / 6, within(1e-15));
		assertThat(chebyshev[2 * 7 + 5]).isZero();
		assertThat(manhattan[3 * 7 + 3]).isCloseTo(1.0 / 6, within(1e-15));
		assertThat(manhattan[3 * 7 + 4]).isZero();
	}

	@Test
	void prospectiveScoreDropsEventsBeyondTheWeekBandwidthAndFromTheFuture() {
		double[] x = { 250, 250 };
		double[] y = { 250, 250 };
		// 21 days = 3 whole weeks > 2; day 100 is not before now
		double[] day = { 79, 100 };

		assertThat(Forecasts.prospective(x, y, day, GRID, 100, 2, 2, CellDistance.CHEBYSHEV)).containsOnly(0.0);
	}

	@Test
	void recencyKdeWeighsAnEventByItsAge() {
		// an event τ = 14 days old at a cell centre weighs e⁻¹: density there e⁻¹·10⁶/(2π·100²)
		double[] x = { 350 };
		double[] y = { 250 };

		double[] density = Forecasts.recencyKde(x, y, new double[] { 86 }, GRID, 100, 14, 70, Kernel.GAUSSIAN, 100);
		double[] tooOld = Forecasts.recencyKde(x, y, new double[] { 29 }, GRID, 100, 14, 70, Kernel.GAUSSIAN, 100);

		assertThat(density[2 * 7 + 3]).isCloseTo(Math.exp(-1) * 1e6 / (2 * Math.PI * 1e4), within(1e-9));
		assertThat(tooOld).containsOnly(0.0);
	}

	@Test
	void rejectsMismatchedAndNanInput() {
		assertThatThrownBy(() -> Forecasts.naive(new double[] { 1 }, new double[] { 1 }, new double[0], GRID, 1, 1))
			.hasMessageContaining("day has 0 values");
		assertThatThrownBy(() -> Forecasts.naive(new double[] { 1 }, new double[] { 1 }, new double[] { Double.NaN },
				GRID, 1, 1)).hasMessageContaining("event 0");
		assertThatThrownBy(() -> Forecasts.recencyKde(new double[0], new double[0], new double[0], GRID, 1, 0, 1,
				Kernel.GAUSSIAN, 10)).hasMessageContaining("positive");
	}

	/**
	 * A steady 4 events a day (every 6 hours) at one cell centre for a year; quartic kernel with h² = 3·10⁴/π m²
	 * puts 3/(πh²)·(100 m)² = 1 weighted event into the 100 m cell per event at its centre and none next door.
	 * τ = 28, look-back 365: the weights sum to r·(1 − r¹⁴⁶⁰)/(1 − r), r = e^(−0.25/28), = 111.50, against
	 * 4·28·(1 − e^(−365/28)) = 112.00 for a continuous rate, so a week is expected to hold 7·4·111.50/112 =
	 * 27.875 events (the discrete sum's half-step offset), close to the true 28.
	 */
	@Test
	void recencyKdeExpectsTheEventsOfASteadyRateOverTheHorizon() {
		int n = 4 * 365;
		double[] x = new double[n];
		double[] y = new double[n];
		double[] day = new double[n];
		for (int k = 0; k < n; k++) {
			x[k] = 350;
			y[k] = 250;
			day[k] = 1000 - 0.25 * (k + 1);
		}
		double h = Math.sqrt(3e4 / Math.PI);

		double[] week = Forecasts.recencyKdeExpected(x, y, day, GRID, 1000, 28, 365, Kernel.QUARTIC, h, 7);

		double r = Math.exp(-0.25 / 28);
		double weights = r * (1 - Math.pow(r, n)) / (1 - r);
		assertThat(week[2 * 7 + 3]).isCloseTo(7 * weights / (28 * -Math.expm1(-365.0 / 28)), within(1e-6))
			.isCloseTo(28, within(0.2));
		assertThat(week[2 * 7 + 4]).isZero();
	}
}
