package org.beacon.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PointReaderTests {

	@Test
	void roundsDegreesToSevenDecimalsThatReadBackExactly() {
		assertThat(PointReader.roundDegrees(38.63582912345)).isEqualTo(Double.parseDouble("38.6358291"));
		assertThat(PointReader.roundDegrees(-90.22483)).isEqualTo(Double.parseDouble("-90.2248300"));
		// half a unit of the 7th decimal or less rounds to zero
		assertThat(PointReader.roundDegrees(-0.00000004)).isEqualTo(0.0);
	}
}
