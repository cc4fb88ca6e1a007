package org.beacon.geography.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UtmZonesTests {

	@Test
	void choosesZone15NorthForStLouis() {
		// ⌊(-90.24 + 180) / 6⌋ + 1 = ⌊14.96⌋ + 1 = 15
		assertThat(UtmZones.epsgFor(38.63, -90.24)).isEqualTo("EPSG:32615");
	}

	@Test
	void choosesSouthernZoneBelowTheEquator() {
		// Sydney: ⌊(151.21 + 180) / 6⌋ + 1 = 56
		assertThat(UtmZones.epsgFor(-33.87, 151.21)).isEqualTo("EPSG:32756");
	}

	@Test
	void keepsTheAntimeridianInZones1And60() {
		assertThat(UtmZones.epsgFor(10, -180)).isEqualTo("EPSG:32601");
		assertThat(UtmZones.epsgFor(10, 180)).isEqualTo("EPSG:32660");
		// a zone edge belongs to the zone east of it: -90 is the start of zone 16
		assertThat(UtmZones.epsgFor(10, -90)).isEqualTo("EPSG:32616");
	}

	@Test
	void rejectsAPointThatIsNotLatLon() {
		assertThatThrownBy(() -> UtmZones.epsgFor(1029812, 888256)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> UtmZones.epsgFor(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
	}
}
