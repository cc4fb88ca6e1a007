package org.beacon.geography.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.beacon.geography.AreaKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class AreaIndexTests {

	/** Two unit squares sharing the edge x = 1, the right one with the lower id; a square with a hole at x 3..6. */
	final AreaIndex index = AreaIndex.of(Map.of(AreaKind.BEAT, List.of(
			new AreaIndex.Entry(7, "A", wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")),
			new AreaIndex.Entry(3, "B", wkt("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")),
			new AreaIndex.Entry(9, "C", wkt("POLYGON ((3 0, 6 0, 6 3, 3 3, 3 0), (4 1, 5 1, 5 2, 4 2, 4 1))")))));

	@Test
	void findsTheAreaWhoseInteriorHoldsThePoint() {
		// lat is y, lon is x
		assertThat(index.locate(AreaKind.BEAT, 0.5, 0.5)).isEqualTo(7);
		assertThat(index.locate(AreaKind.BEAT, 0.5, 1.5)).isEqualTo(3);
		assertThat(index.locate(AreaKind.BEAT, 0.5, 3.5)).isEqualTo(9);
	}

	@Test
	void givesAPointOnASharedEdgeToTheLowerId() {
		assertThat(index.locate(AreaKind.BEAT, 0.5, 1.0)).isEqualTo(3);
		// the shared corner too
		assertThat(index.locate(AreaKind.BEAT, 1.0, 1.0)).isEqualTo(3);
	}

	@Test
	void countsAnOuterEdgeAsInside() {
		assertThat(index.locate(AreaKind.BEAT, 0.0, 0.5)).isEqualTo(7);
		// the corners of the areas' whole extent, (0 0) and (6 3), and just beyond it
		assertThat(index.locate(AreaKind.BEAT, 0.0, 0.0)).isEqualTo(7);
		assertThat(index.locate(AreaKind.BEAT, 3.0, 6.0)).isEqualTo(9);
		assertThat(index.locate(AreaKind.BEAT, 3.0, 6.000001)).isZero();
		assertThat(index.locate(AreaKind.BEAT, -0.000001, 0.5)).isZero();
	}

	@Test
	void returnsZeroOutsideEveryAreaInAHoleAndForMissingInput() {
		assertThat(index.locate(AreaKind.BEAT, 5, 5)).isZero();
		assertThat(index.locate(AreaKind.BEAT, 1.5, 4.5)).isZero();
		assertThat(index.locate(AreaKind.BEAT, Double.NaN, 0.5)).isZero();
		assertThat(index.locate(AreaKind.DISTRICT, 0.5, 0.5)).isZero();
	}

	@Test
	void findsAreasByTrimmedCode() {
		assertThat(index.byCode(AreaKind.BEAT, " B ")).isEqualTo(3);
		assertThat(index.byCode(AreaKind.BEAT, "Z")).isZero();
		assertThat(index.byCode(AreaKind.BEAT, null)).isZero();
		assertThat(index.byCode(AreaKind.NEIGHBOURHOOD, "B")).isZero();
		assertThat(index.size(AreaKind.BEAT)).isEqualTo(3);
	}

	static Geometry wkt(String text) {
		try {
			return new WKTReader().read(text);
		}
		catch (ParseException e) {
			throw new IllegalArgumentException(e);
		}
	}
}
