package org.beacon.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SourceProjectionTests {

	private static final String MISSOURI_EAST_FEET = "+proj=tmerc +lat_0=35.83333333333334 +lon_0=-90.5 "
			+ "+k=0.9999333333333333 +x_0=250000 +y_0=0 +ellps=GRS80 +units=us-ft +no_defs";

	/** The harmonized file's Latitude/Longitude, which R sf computed from the same X/Y and rounded to 6 decimals. */
	@Test
	void projectsStLouisStatePlaneFeetToThePublishedCoordinates() {
		SourceProjection projection = new SourceProjection(MISSOURI_EAST_FEET);
		double[] latLon = new double[2];

		// 14-038753, 3131 Olive St
		projection.toDegrees(898807.7, 1020477, latLon);
		assertThat(latLon[0]).isCloseTo(38.635829, within(6e-7));
		assertThat(latLon[1]).isCloseTo(-90.22483, within(6e-7));
		// 4900 Maple Ave, the first row of the harmonized file
		projection.toDegrees(888708.3, 1028833, latLon);
		assertThat(latLon[0]).isCloseTo(38.658851, within(6e-7));
		assertThat(latLon[1]).isCloseTo(-90.26011, within(6e-7));
	}

	@Test
	void rejectsAProjectionItCannotRead() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SourceProjection("+proj=nonsense"))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+proj=nonsense");
	}
}
