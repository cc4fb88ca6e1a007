package org.beacon.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;

import org.beacon.analytics.internal.AreaShapes;
import org.beacon.shared.H3Library;
import org.locationtech.jts.geom.Geometry;

/**
 * Counts by area and by H3 cell ({@code analyze counts --counts-by area|h3}); counts by square cell are
 * {@link AnalyticsEngine#counts(IncidentFrame, AnalysisOptions)}. Both count the frame's incidents, all inside
 * its study area, and carry each row's shape for maps.
 */
final class AreaCounts {

	private AreaCounts() {
	}

	/**
	 * Incidents per neighbourhood (as the frame keys them; 0 for incidents in none), with its boundary for
	 * maps. Every known neighbourhood has a row, 0 included, unless the frame was limited to chosen ones: then
	 * the neighbourhoods holding its incidents.
	 */
	static AnalysisTable byArea(IncidentFrame frame, Neighbourhoods neighbourhoods) {
		TreeMap<Long, Integer> counts = new TreeMap<>();
		for (long key : frame.neighbourhood()) {
			counts.merge(key, 1, Integer::sum);
		}
		TreeSet<Long> keys = new TreeSet<>(counts.keySet());
		if (frame.studyArea().source() != StudyArea.Source.NEIGHBOURHOODS) {
			keys.addAll(neighbourhoods.codes().keySet());
		}
		List<Object[]> rows = new ArrayList<>();
		List<double[]> rings = new ArrayList<>();
		for (long key : keys) {
			rows.add(new Object[] { key, neighbourhoods.code(key), neighbourhoods.name(key), counts.getOrDefault(key, 0) });
			Geometry shape = neighbourhoods.shapes().get(key);
			rings.add(shape == null ? null : AreaShapes.rings(shape));
		}
		return new AnalysisTable("counts", List.of("neighbourhood_id", "code", "name", "count"), rows, rings,
				List.of("incidents=" + frame.size() + " neighbourhoods=" + rows.size() + " by=area"));
	}

	/**
	 * Incidents per H3 cell ({@code latLngToCell} at {@code resolution}) holding at least one, in cell id order,
	 * with the cell's centre and hexagon (pentagon) for maps.
	 */
	static AnalysisTable byH3(IncidentFrame frame, int resolution) {
		H3Core h3 = H3Library.core();
		TreeMap<Long, Integer> counts = new TreeMap<>();
		for (int i = 0; i < frame.size(); i++) {
			counts.merge(h3.latLngToCell(frame.lat()[i], frame.lon()[i], resolution), 1, Integer::sum);
		}
		List<Object[]> rows = new ArrayList<>();
		List<double[]> rings = new ArrayList<>();
		for (var cell : counts.entrySet()) {
			LatLng centre = h3.cellToLatLng(cell.getKey());
			rows.add(new Object[] { h3.h3ToString(cell.getKey()), centre.lat, centre.lng, cell.getValue() });
			List<LatLng> boundary = h3.cellToBoundary(cell.getKey());
			double[] ring = new double[2 * boundary.size() + 2];
			for (int k = 0; k <= boundary.size(); k++) {
				LatLng corner = boundary.get(k % boundary.size());
				ring[2 * k] = corner.lng;
				ring[2 * k + 1] = corner.lat;
			}
			rings.add(ring);
		}
		return new AnalysisTable("counts", List.of("h3_cell", "center_lat", "center_lon", "count"), rows, rings,
				List.of("incidents=" + frame.size() + " cells=" + rows.size() + " by=h3 resolution=" + resolution));
	}
}
