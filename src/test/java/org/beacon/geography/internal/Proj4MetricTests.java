package org.beacon.geography.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class Proj4MetricTests {

	final Proj4Metric utm15 = Proj4Metric.of("EPSG:32615");

	@Test
	void roundTripsStLouisPointsWithinAMicrodegree() {
		double[] xy = new double[2];
		double[] latLon = new double[2];
		for (double[] point : new double[][] { { 38.658851, -90.26011 }, { 38.5405, -90.3164 }, { 38.7554, -90.1820 } }) {
			utm15.toMetres(point[0], point[1], xy);
			utm15.toDegrees(xy[0], xy[1], latLon);
			assertThat(latLon[0]).isCloseTo(point[0], within(1e-6));
			assertThat(latLon[1]).isCloseTo(point[1], within(1e-6));
		}
	}

	@Test
	void measuresAHundredthOfADegreeOfLatitudeAsAbout1111Metres() {
		double[] a = new double[2];
		double[] b = new double[2];

		utm15.toMetres(38.60, -90.25, a);
		utm15.toMetres(38.61, -90.25, b);

		// a meridian degree at 38.6° N is 111.0 km; UTM's scale 2.75° off the central meridian adds 0.03 %
		assertThat(Math.hypot(b[0] - a[0], b[1] - a[1])).isCloseTo(1111.0, withinPercentage(0.5));
		// zone 15's false easting is 500 km at -93°; St. Louis lies east of it
		assertThat(a[0]).isBetween(700_000.0, 760_000.0);
	}

	@Test
	void givesMetresEvenForAProjectionInFeet() {
		Proj4Metric feet = Proj4Metric.of(Proj4PlaneTests.MISSOURI_EAST_US_FEET);
		// EPSG:6512 is the same Missouri East transverse Mercator in metres
		Proj4Metric metres = Proj4Metric.of("EPSG:6512");
		double[] fromFeet = new double[2];
		double[] fromMetres = new double[2];

		feet.toMetres(38.658851, -90.26011, fromFeet);
		metres.toMetres(38.658851, -90.26011, fromMetres);

		assertThat(fromFeet[0]).isCloseTo(fromMetres[0], within(0.001));
		assertThat(fromFeet[1]).isCloseTo(fromMetres[1], within(0.001));
	}

	@Test
	void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
		double[] expected = new double[2];
		utm15.toMetres(38.658851, -90.26011, expected);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int offset = t;
				results.add(pool.submit(() -> {
					double[] xy = new double[2];
					double[] latLon = new double[2];
					for (int i = 0; i < 20_000; i++) {
						// interleave a different point so shared scratch state would show
						utm15.toMetres(38.5 + offset * 0.01, -90.3, xy);
						utm15.toDegrees(xy[0], xy[1], latLon);
						utm15.toMetres(38.658851, -90.26011, xy);
						if (xy[0] != expected[0] || xy[1] != expected[1]) {
							return false;
						}
					}
					return true;
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
