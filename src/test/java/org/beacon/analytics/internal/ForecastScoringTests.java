package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastScoringTests {

	private static final double[] PREDICTED = { 0.9, 0.1, 0.5, 0.5, 0.3, 0.0, 0.2, 0.5, 0.05, 0.0 };

	private static final int[] OBSERVED = { 3, 0, 1, 4, 0, 2, 1, 0, 0, 1 };

	@Test
	void scoresTenCellsByHandWithTiesBrokenAgainstTheForecast() {
		// 12 events in 10 cells. f = 0.3 → k = 3: cell 0 (0.9), then the tie at 0.5 (cells 2, 3, 7 with 1, 4, 0
		// events) ranked by events ascending → 7, 2. Captured 3 + 0 + 1 = 4: hit rate 4/12 = 0.333,
		// PAI 0.333/0.3 = 1.111; the busiest 3 cells hold 4 + 3 + 2 = 9 → PEI 4/9.
		// Random ties: 2 of the 3 tied cells flagged, mean 5/3 events → 3 + 10/3 = 6.333 → hit rate 0.528.
		// f = 0.1 → k = 1: cell 0, 3 events: hit rate 0.25, PAI 2.5, PEI 3/4.
		ForecastScore[] scores = ForecastScoring.score(PREDICTED, OBSERVED, null, 0.3, 0.1);

		ForecastScore top3 = scores[0];
		assertThat(top3.flaggedCells()).isEqualTo(3);
		assertThat(top3.captured()).isEqualTo(4);
		assertThat(top3.total()).isEqualTo(12);
		assertThat(top3.hitRate()).isCloseTo(1.0 / 3, within(1e-15));
		assertThat(top3.pai()).isCloseTo(10.0 / 9, within(1e-12));
		assertThat(top3.pei()).isCloseTo(4.0 / 9, within(1e-15));
		assertThat(top3.hitRateRandomTies()).isCloseTo((3 + 2 * 5.0 / 3) / 12, within(1e-12));
		assertThat(top3.paiRandomTies()).isCloseTo((3 + 2 * 5.0 / 3) / 12 / 0.3, within(1e-12));
		ForecastScore top1 = scores[1];
		assertThat(top1.captured()).isEqualTo(3);
		assertThat(top1.pai()).isCloseTo(2.5, within(1e-12));
		assertThat(top1.pei()).isCloseTo(0.75, within(1e-15));
		assertThat(top1.hitRateRandomTies()).isEqualTo(top1.hitRate());
	}

	@Test
	void scoresAPerfectForecastWithPeiOne() {
		double[] perfect = new double[OBSERVED.length];
		for (int i = 0; i < perfect.length; i++) {
			perfect[i] = OBSERVED[i];
		}

		ForecastScore score = ForecastScoring.score(perfect, OBSERVED, null, 0.2)[0];

		// top 2 cells hold 4 + 3 = 7 of 12: PAI = (7/12)/0.2 = 2.917, and no 2 cells hold more
		assertThat(score.pei()).isEqualTo(1.0);
		assertThat(score.pai()).isCloseTo(7.0 / 12 / 0.2, within(1e-12));
	}

	@Test
	void givesAFlatForecastOnlyItsRandomExpectation() {
		// all forecasts equal: pessimistically the 5 emptiest cells are flagged (four with 0, one with 1);
		// at random, half the 12 events
		double[] flat = new double[OBSERVED.length];

		ForecastScore score = ForecastScoring.score(flat, OBSERVED, null, 0.5)[0];

		assertThat(score.captured()).isEqualTo(1);
		assertThat(score.hitRateRandomTies()).isCloseTo(0.5, within(1e-12));
		assertThat(score.paiRandomTies()).isCloseTo(1.0, within(1e-12));
	}

	@Test
	void countsOnlyCellsInsideTheStudyArea() {
		boolean[] inside = { true, true, true, true, true, false, false, false, false, false };

		ForecastScore score = ForecastScoring.score(PREDICTED, OBSERVED, inside, 0.2)[0];

		// 5 cells, 8 events; k = 1 → cell 0 with 3: hit rate 3/8, PAI (3/8)/(1/5) = 1.875, best cell holds 4
		assertThat(score.total()).isEqualTo(8);
		assertThat(score.pai()).isCloseTo(1.875, within(1e-12));
		assertThat(score.pei()).isCloseTo(0.75, within(1e-15));
	}

	@Test
	void usesTheFlaggedShareWhenTheRequestedShareIsNotWholeCells() {
		// 0.29·100 = 28.999999999999996 in binary: still 29 cells
		double[] predicted = new double[100];
		int[] observed = new int[100];
		for (int i = 0; i < 100; i++) {
			predicted[i] = 100 - i;
			observed[i] = i < 50 ? 1 : 0;
		}

		assertThat(ForecastScoring.score(predicted, observed, null, 0.29)[0].flaggedCells()).isEqualTo(29);
		// 0.015·100 = 1.5 → 1 cell; PAI uses 1/100, not 0.015: (1/50)/(1/100) = 2
		assertThat(ForecastScoring.score(predicted, observed, null, 0.015)[0].pai()).isCloseTo(2.0, within(1e-12));
	}

	@Test
	void returnsNanRatesWithoutEvents() {
		ForecastScore score = ForecastScoring.score(PREDICTED, new int[10], null, 0.5)[0];

		assertThat(score.hitRate()).isNaN();
		assertThat(score.pai()).isNaN();
		assertThat(score.pei()).isNaN();
	}

	@Test
	void rejectsSharesThatFlagNothingAndBadInput() {
		assertThatThrownBy(() -> ForecastScoring.score(PREDICTED, OBSERVED, null, 0.05))
			.hasMessageContaining("flags no cell");
		assertThatThrownBy(() -> ForecastScoring.score(PREDICTED, OBSERVED, null, 1.5))
			.hasMessageContaining("(0, 1]");
		assertThatThrownBy(() -> ForecastScoring.score(new double[] { Double.NaN }, new int[] { 1 }, null, 1))
			.hasMessageContaining("cell 0");
		assertThatThrownBy(() -> ForecastScoring.score(new double[] { 1 }, new int[] { -1 }, null, 1))
			.hasMessageContaining("negative");
	}
}
