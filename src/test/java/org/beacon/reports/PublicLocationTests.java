package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.beacon.reports.internal.PublicLocation;
import org.junit.jupiter.api.Test;

class PublicLocationTests {

	@Test
	void snapsToTheCentreOfTheThousandthDegreeCell() {
		// floor(38.62745 / 0.001) = 38627 -> (38627 + 0.5) * 0.001 = 38.6275
		assertThat(PublicLocation.snap(38.62745)).isEqualTo(38.6275);
		// floor(-90.19941 / 0.001) = -90200 -> (-90200 + 0.5) * 0.001 = -90.1995
		assertThat(PublicLocation.snap(-90.19941)).isEqualTo(-90.1995);
	}

	@Test
	void pointsInOneCellShareOnePublicLocation() {
		assertThat(PublicLocation.snap(38.6270)).isEqualTo(PublicLocation.snap(38.62799));
		assertThat(PublicLocation.snap(38.6270)).isNotEqualTo(PublicLocation.snap(38.6280));
	}

	@Test
	void snappedPointIsNeverMoreThanHalfACellAway() {
		for (double lat = 38.5; lat < 38.6; lat += 0.00037) {
			assertThat(PublicLocation.snap(lat)).isCloseTo(lat, within(0.0005 + 1e-9));
		}
	}

	@Test
	void addressesBecomeHundredBlocksWithoutUnits() {
		assertThat(PublicLocation.block("1234 Main St, Apt 5")).isEqualTo("1200 block of Main St");
		assertThat(PublicLocation.block("57 Oak Ave #3B")).isEqualTo("0 block of Oak Ave");
		assertThat(PublicLocation.block("4100A Lindell Blvd, St. Louis, MO 63108")).isEqualTo(
				"4100 block of Lindell Blvd, St. Louis, MO 63108");
		assertThat(PublicLocation.block("Grand & Arsenal")).isEqualTo("Grand & Arsenal");
		assertThat(PublicLocation.block(null)).isNull();
	}
}
