package org.beacon.staffweb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class NaturalBreaksTests {

	@Test
	void separatesThreeObviousGroups() {
		double[] values = { 12, 1, 30, 2, 11, 3, 10 };

		assertThat(NaturalBreaks.upperBounds(values, 3)).containsExactly(3, 12, 30);
	}

	@Test
	void choosesTheSplitWithTheSmallestWithinClassSquaredDeviation() {
		double[] values = { 1, 2, 3, 10, 11, 12, 30 };

		// {1,2,3,10,11,12} | {30}: mean 6.5, SSD 30.25+20.25+12.25+12.25+20.25+30.25 = 125.5, + 0
		// {1,2,3} | {10,11,12,30}: 2 + (mean 15.75: 33.0625+22.5625+14.0625+203.0625 = 272.75) = 274.75
		// {1,2,3,10} | {11,12,30}: (mean 4: 9+4+1+36 = 50) + (mean 17.67: 44.4+32.1+152.1 = 228.7) = 278.7
		assertThat(NaturalBreaks.upperBounds(values, 2)).containsExactly(12, 30);
	}

	@Test
	void givesEachDistinctValueItsOwnClassWhenThereAreNoMoreThanK() {
		assertThat(NaturalBreaks.upperBounds(new double[] { 5, 1, 5, 1 }, 5)).containsExactly(1, 5);
	}

	@Test
	void givesOneClassForAllEqualValuesAndNoneForNoValues() {
		assertThat(NaturalBreaks.upperBounds(new double[] { 7, 7, 7 }, 5)).containsExactly(7);
		assertThat(NaturalBreaks.upperBounds(new double[0], 5)).isEmpty();
	}

	@Test
	void endsWithTheMaximumAndAscendsStrictly() {
		double[] values = new double[88];
		for (int i = 0; i < values.length; i++) {
			values[i] = (i * 37) % 101 + (i % 7) * 50;
		}

		double[] bounds = NaturalBreaks.upperBounds(values, 5);

		assertThat(bounds).hasSize(5);
		assertThat(bounds[4]).isEqualTo(Arrays.stream(values).max().getAsDouble());
		for (int i = 1; i < bounds.length; i++) {
			assertThat(bounds[i]).isGreaterThan(bounds[i - 1]);
		}
	}

	@Test
	void doesNotReorderTheCallersArray() {
		double[] values = { 3, 1, 2 };

		NaturalBreaks.upperBounds(values, 2);

		assertThat(values).containsExactly(3, 1, 2);
	}

	@Test
	void rejectsNonFiniteValuesAndFewerThanOneClass() {
		assertThatThrownBy(() -> NaturalBreaks.upperBounds(new double[] { 1, Double.NaN }, 2))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
		assertThatThrownBy(() -> NaturalBreaks.upperBounds(new double[] { 1 }, 0))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be at least 1");
	}
}
