package org.beacon.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Counts by neighbourhood on {@link StudyAreaTests#incidents()} (metres are degrees): neighbourhood 1 is the
 * west half (x < 500: the 10 at (150, 150), (50, 50) and (150, 850), 12 incidents), 2 the south-east quarter
 * (the one at (850, 150)), 3 a neighbourhood with none. Neighbourhood 2 is drawn as two squares, one with a
 * hole, to check the GeoJSON of an area in parts.
 */
class AreaCountsTests {

	/** Areas as geography gives them: a square, a square with a hole plus a second part, another square. */
	private static Map<Long, Geometry> shapes() {
		WKTReader wkt = new WKTReader();
		Map<Long, Geometry> shapes = new LinkedHashMap<>();
		try {
			shapes.put(1L, wkt.read("POLYGON ((0 0, 500 0, 500 1000, 0 1000, 0 0))"));
			shapes.put(2L, wkt.read("MULTIPOLYGON (((500 0, 1000 0, 1000 500, 500 500, 500 0), "
					+ "(600 300, 600 400, 700 400, 700 300, 600 300)), ((2000 0, 2100 0, 2100 100, 2000 100, 2000 0)))"));
			shapes.put(3L, wkt.read("POLYGON ((3000 0, 3100 0, 3100 100, 3000 100, 3000 0))"));
		}
		catch (ParseException e) {
			throw new IllegalStateException(e);
		}
		return shapes;
	}

	@Test
	void countsIncidentsPerNeighbourhoodWithZerosAndTheirBoundaries() {
		Map<Long, Geometry> shapes = shapes();
		Neighbourhoods neighbourhoods = new Neighbourhoods(Map.of(1L, "W", 2L, "SE", 3L, "X"),
				Map.of(1L, "West", 2L, "South-east", 3L, "Elsewhere"), Map.of(), shapes);

		AnalysisTable table = new AnalyticsEngine().run("counts", StudyAreaTests.frame(StudyAreaTests.incidents()),
				options(), neighbourhoods);

		assertThat(table.columns()).containsExactly("neighbourhood_id", "code", "name", "count");
		assertThat(table.rows()).extracting(r -> r[0] + ":" + r[1] + ":" + r[2] + ":" + r[3])
			.containsExactly("1:W:West:12", "2:SE:South-east:1", "3:X:Elsewhere:0");
		assertThat(table.summary().get(0)).isEqualTo("incidents=13 neighbourhoods=3 by=area");
		StringWriter json = new StringWriter();
		table.writeGeoJson(json);
		String[] features = json.toString().split("\n");
		assertThat(features[1]).contains("{\"type\":\"Polygon\",\"coordinates\":[[[0.0,0.0],[500.0,0.0],");
		// the hole comes second in the first part (clockwise), the second square is another part
		assertThat(features[2]).contains("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[500.0,0.0],")
			.contains("],[[600.0,300.0],[600.0,400.0],[700.0,400.0],[700.0,300.0],[600.0,300.0]]],[[[2000.0,0.0],")
			.contains("\"count\":1");
	}

	@Test
	void givesIncidentsInNoNeighbourhoodARowWithoutAShape() {
		List<double[]> xy = new ArrayList<>(StudyAreaTests.incidents());
		IncidentFrame frame = StudyAreaTests.frame(xy);
		frame.neighbourhood()[0] = 0;

		AnalysisTable table = new AnalyticsEngine().run("counts", frame, options(),
				new Neighbourhoods(Map.of(1L, "W"), Map.of(1L, "West"), Map.of(), Map.of(1L, shapes().get(1L))));
		StringWriter json = new StringWriter();
		table.writeGeoJson(json);

		assertThat(table.rows()).extracting(r -> r[0] + ":" + r[2] + ":" + r[3]).containsExactly("0:unknown:1",
				"1:West:11", "2::1");
		assertThat(json.toString().split("\n")[1]).startsWith("{\"type\":\"Feature\",\"geometry\":null,");
	}

	private static AnalysisOptions options() {
		AnalysisOptions d = FairnessTests.options("queen", "naive");
		return new AnalysisOptions(d.from(), d.to(), d.cell(), d.bandwidth(), d.kernel(), d.weights(), d.fdr(),
				d.spaceBands(), d.timeBands(), d.permutations(), d.seed(), d.period(), d.forecast(), d.trainingDays(),
				d.tauDays(), d.minLagHours(), d.triggerSigma(), d.units(), d.radius(), d.maxPerNeighbourhood(),
				d.shares(), "area", d.h3Resolution());
	}
}
