package org.beacon.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.beacon.analytics.internal.ForecastScore;
import org.beacon.analytics.internal.ForecastScoring;
import org.beacon.analytics.internal.GetisOrd;
import org.beacon.analytics.internal.Grid;
import org.beacon.analytics.internal.GridNeighbourhood;
import org.beacon.geography.MetricProjection;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The study area on an L-shaped boundary: the square 0..1000 m less its north-east quarter (500..1000 both
 * ways), so a 100 m grid over its envelope has 11×11 cells (a point on the east or north edge, x or y = 1000,
 * falls in column or row 10) of which 75 have their centre inside: the 25 in the north-east (row ≥ 5 and
 * column ≥ 5) and the 21 of row or column 10 lie outside. Metres are degrees here ({@link #PLANE}).
 */
class StudyAreaTests {

	private final AnalyticsEngine engine = new AnalyticsEngine();

	@Test
	void strayIncidentFarOutsideChangesNeitherTheGridNorAnyZScore() {
		List<double[]> inside = incidents();
		List<double[]> withStray = new ArrayList<>(inside);
		withStray.add(new double[] { 21_000, 400 }); // 20 km east of the boundary

		IncidentFrame clean = frame(inside).within(lShape());
		IncidentFrame stray = frame(withStray).within(lShape());
		AnalysisTable a = engine.run("gistar", clean, options(), Neighbourhoods.none());
		AnalysisTable b = engine.run("gistar", stray, options(), Neighbourhoods.none());

		assertThat(stray.size()).isEqualTo(clean.size());
		assertThat(stray.studyArea().dropped()).isEqualTo(1);
		assertThat(b.rows()).hasSameSizeAs(a.rows());
		for (int r = 0; r < a.rows().size(); r++) {
			assertThat(b.rows().get(r)).containsExactly(a.rows().get(r));
		}
		assertThat(b.summary()).contains("study_area=neighbourhoods area_km2=0.750 dropped_incidents=1");
		// without a boundary the stray widens the grid over the points to 211 columns (x 0..21,100) by 9 rows
		AnalysisTable box = engine.run("gistar", frame(withStray), options(), Neighbourhoods.none());
		assertThat(box.rows()).hasSize(211 * 9);
		assertThat(box.summary()).last().asString().startsWith("study_area=bounding_box");
	}

	/** Gi* runs on the 75 study cells only: n = 75, and a neighbour in the cut-out quarter does not count. */
	@Test
	void leavesCellsOutsideTheBoundaryOutOfGiStar() {
		IncidentFrame frame = frame(incidents()).within(lShape());

		AnalysisTable table = engine.run("gistar", frame, options(), Neighbourhoods.none());

		assertThat(table.rows()).hasSize(75);
		assertThat(table.rows()).noneMatch(row -> (int) row[0] >= 5 && (int) row[1] >= 5);
		Grid grid = new Grid(0, 0, 100, 11, 11);
		boolean[] mask = new boolean[121];
		for (int c = 0; c < 121; c++) {
			int ix = c % 11, iy = c / 11;
			mask[c] = ix < 10 && iy < 10 && (ix < 5 || iy < 5);
		}
		double[] z = GetisOrd.giStar(grid.count(frame.x(), frame.y()), 11, 11, mask, GridNeighbourhood.queen());
		for (Object[] row : table.rows()) {
			int c = (int) row[0] * 11 + (int) row[1];
			assertThat((double) row[5]).isCloseTo(z[c], within(1e-12));
		}
		assertThat(table.summary().get(0)).startsWith("incidents=13 cells=75 ");
	}

	/** Counts, density and emerging rows come only from cells whose centre lies inside. */
	@Test
	void leavesCellsOutsideTheBoundaryOutOfCountsDensityAndEmerging() {
		List<double[]> xy = incidents();
		xy.add(new double[] { 560, 560 }); // in the cut-out quarter: dropped
		xy.add(new double[] { 500, 520 }); // on the boundary: kept, but its cell's centre (550, 550) is outside
		IncidentFrame frame = frame(xy).within(lShape());

		AnalysisTable counts = engine.run("counts", frame, options(), Neighbourhoods.none());
		AnalysisTable kde = engine.run("kde", frame, options(), Neighbourhoods.none());
		AnalysisTable emerging = engine.run("emerging", frame, options(), Neighbourhoods.none());

		assertThat(frame.size()).isEqualTo(14);
		assertThat(counts.rows()).extracting(r -> r[0] + ":" + r[1] + ":" + r[4]).containsExactly("0:0:1", "1:1:10",
				"1:8:1", "8:1:1");
		assertThat(kde.rows()).isNotEmpty().noneMatch(StudyAreaTests::outside);
		assertThat(emerging.rows()).isNotEmpty().noneMatch(StudyAreaTests::outside);
	}

	private static boolean outside(Object[] row) {
		int iy = (int) row[0], ix = (int) row[1];
		return ix >= 10 || iy >= 10 || ix >= 5 && iy >= 5;
	}

	/**
	 * PAI = hit rate / area share, the area share's denominator being the 75 study cells: a forecast equal to
	 * the counts flags ⌊0.04·75⌋ = 3 cells: the hot cell (10 incidents) and two of the three with one; they
	 * hold 12 of 13 incidents: PAI = (12/13)/(3/75) = 23.0769.
	 * Over the whole 121-cell grid the same forecast would flag ⌊0.04·121⌋ = 4 cells.
	 */
	@Test
	void scoresPaiOverTheStudyAreasCells() {
		IncidentFrame frame = frame(incidents()).within(lShape());
		Grid grid = frame.studyArea().grid(frame, 100);
		boolean[] inside = frame.studyArea().cells(grid);
		int[] observed = grid.count(frame.x(), frame.y());
		double[] predicted = Arrays.stream(observed).asDoubleStream().toArray();

		ForecastScore score = ForecastScoring.score(predicted, observed, inside, 0.04)[0];

		assertThat(grid).isEqualTo(new Grid(0, 0, 100, 11, 11));
		assertThat(score.flaggedCells()).isEqualTo(3);
		assertThat(score.pai()).isCloseTo((12.0 / 13) / (3.0 / 75), within(1e-12));
		assertThat(ForecastScoring.score(predicted, observed, null, 0.04)[0].flaggedCells()).isEqualTo(4);
	}

	/** Fairness: every study cell counts toward its neighbourhood's area (west 0..500: 50 cells, east: 25). */
	@Test
	void givesFairnessTheStudyAreasCellsOwnedByBoundary() {
		GeometryFactory f = new GeometryFactory();
		Geometry west = f.toGeometry(new org.locationtech.jts.geom.Envelope(0, 500, 0, 1000));
		Geometry east = f.toGeometry(new org.locationtech.jts.geom.Envelope(500, 1000, 0, 500));
		Neighbourhoods neighbourhoods = new Neighbourhoods(Map.of(1L, "W", 2L, "E"), Map.of(), Map.of(),
				Map.of(1L, west, 2L, east));

		AnalysisTable table = engine.run("fairness", frame(incidents()).within(lShape()),
				FairnessTests.options("queen", "gistar"), neighbourhoods);

		assertThat(table.rows()).extracting(row -> row[0] + ":" + row[3]).containsExactly("1:50", "2:25");
		assertThat(table.summary().get(0)).contains("study_cells=75 ");
	}

	/** A forecast scores only study cells, though a kernel spreads the hot cell's weight over the cut-out quarter. */
	@Test
	void forecastsOnlyTheStudyAreasCells() {
		IncidentFrame frame = frame(incidents()).within(lShape());

		AnalysisTable forecast = engine.run("forecast", frame, FairnessTests.options("queen", "kde"),
				Neighbourhoods.none());

		assertThat(forecast.rows()).isNotEmpty().noneMatch(StudyAreaTests::outside);
		assertThat(forecast.fairness().summary().get(0)).contains("study_cells=75 ");
	}

	static StudyArea lShape() {
		Coordinate[] ring = { new Coordinate(0, 0), new Coordinate(1000, 0), new Coordinate(1000, 500),
				new Coordinate(500, 500), new Coordinate(500, 1000), new Coordinate(0, 1000), new Coordinate(0, 0) };
		return StudyArea.of(StudyArea.Source.NEIGHBOURHOODS, new GeometryFactory().createPolygon(ring), PLANE);
	}

	/** 10 in cell (1, 1), one each in cells (0, 0), (1, 8), (8, 1); all in the first week of 2024. */
	static List<double[]> incidents() {
		List<double[]> xy = new ArrayList<>();
		for (int k = 0; k < 10; k++) {
			xy.add(new double[] { 150, 150 });
		}
		xy.add(new double[] { 50, 50 });
		xy.add(new double[] { 850, 150 });
		xy.add(new double[] { 150, 850 });
		return xy;
	}

	static IncidentFrame frame(List<double[]> xy) {
		int n = xy.size();
		long[] t = new long[n];
		double[] x = new double[n], y = new double[n];
		long[] neighbourhood = new long[n];
		for (int i = 0; i < n; i++) {
			x[i] = xy.get(i)[0];
			y[i] = xy.get(i)[1];
			t[i] = LocalDate.of(2024, 1, 2 + i % 5).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
			neighbourhood[i] = x[i] < 500 ? 1 : 2;
		}
		return new IncidentFrame(t, x, y, y.clone(), x.clone(), new int[n], neighbourhood, PLANE, ZoneOffset.UTC);
	}

	private static AnalysisOptions options() {
		return FairnessTests.options("queen", "naive");
	}

	/** Metres are degrees: x is the longitude, y the latitude. */
	static final MetricProjection PLANE = new MetricProjection() {
		@Override
		public void toMetres(double lat, double lon, double[] xy) {
			xy[0] = lon;
			xy[1] = lat;
		}

		@Override
		public void toDegrees(double x, double y, double[] latLon) {
			latLon[0] = y;
			latLon[1] = x;
		}

		@Override
		public String definition() {
			return "plane";
		}
	};
}
