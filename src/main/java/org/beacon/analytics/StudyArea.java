package org.beacon.analytics;

import java.util.Locale;

import org.beacon.analytics.internal.Grid;
import org.beacon.geography.MetricProjection;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Where a frame's statistics are computed: the agency's jurisdiction boundary if it imported one, else the
 * union of its imported areas, or the neighbourhoods an {@code areas} filter chose. Incidents outside it are
 * not in the frame; grids cover its envelope, and a cell whose centre lies outside it is in no statistic
 * (Gi* neighbours and n, density cells, the emerging cube, forecast scoring, fairness, allocation). Without
 * any imported area (a CSV on a fresh database) the study area is the incidents' bounding box, every cell of
 * it counted, as before study areas existed.
 */
public final class StudyArea {

	/** Where the boundary came from. */
	public enum Source {
		/** The agency's {@code JURISDICTION} area(s). */
		JURISDICTION,
		/** The union of all the agency's imported areas. */
		AREAS,
		/** The union of the neighbourhoods an {@code areas} filter chose. */
		NEIGHBOURHOODS,
		/** No areas: the bounding box of the incidents. */
		BOUNDING_BOX
	}

	private static final StudyArea BOX = new StudyArea(Source.BOUNDING_BOX, null, 0);

	private final Source source;

	/** In the frame's metres; null for the bounding box. */
	private final Geometry plane;

	private final IndexedPointInAreaLocator locator;

	private final int dropped;

	private StudyArea(Source source, Geometry plane, int dropped) {
		this.source = source;
		this.plane = plane;
		this.locator = plane == null ? null : new IndexedPointInAreaLocator(plane);
		this.dropped = dropped;
	}

	/** No boundary: the incidents' bounding box. */
	public static StudyArea boundingBox() {
		return BOX;
	}

	/**
	 * A boundary given in WGS 84 ({@code x} longitude, {@code y} latitude), projected to the frame's metres.
	 *
	 * @throws IllegalArgumentException if the boundary is empty
	 */
	public static StudyArea of(Source source, Geometry wgs84, MetricProjection projection) {
		if (source == Source.BOUNDING_BOX || wgs84 == null || wgs84.isEmpty()) {
			throw new IllegalArgumentException("a study area needs a boundary");
		}
		Geometry plane = wgs84.copy();
		plane.apply(new ToMetres(projection));
		plane.geometryChanged();
		return new StudyArea(source, plane, 0);
	}

	/** This study area, noting how many incidents fell outside it and were left out of the frame. */
	StudyArea withDropped(int incidents) {
		return plane == null ? this : new StudyArea(source, plane, incidents);
	}

	public Source source() {
		return source;
	}

	/** Incidents left out of the frame because they lie outside. */
	public int dropped() {
		return dropped;
	}

	/** Whether there is a boundary (false: the bounding box of the incidents). */
	public boolean bounded() {
		return plane != null;
	}

	/** Whether the point (metres) lies inside or on the boundary; always true for the bounding box. */
	public boolean contains(double x, double y) {
		return plane == null || locator.locate(new Coordinate(x, y)) != Location.EXTERIOR;
	}

	/** Area in square metres; NaN for the bounding box. */
	public double squareMetres() {
		return plane == null ? Double.NaN : plane.getArea();
	}

	/**
	 * The grid of a frame: cells of {@code cell} metres aligned to multiples of the cell size over the
	 * boundary's envelope, or over the incidents for the bounding box.
	 */
	Grid grid(IncidentFrame frame, double cell) {
		if (plane == null) {
			return Grid.covering(frame.x(), frame.y(), cell);
		}
		Envelope box = plane.getEnvelopeInternal();
		return Grid.covering(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(), cell);
	}

	/** The grid's cells whose centre lies inside (or on) the boundary; null (every cell) for the bounding box. */
	boolean[] cells(Grid grid) {
		if (plane == null) {
			return null;
		}
		boolean[] inside = new boolean[grid.cells()];
		for (int iy = 0; iy < grid.ny(); iy++) {
			for (int ix = 0; ix < grid.nx(); ix++) {
				inside[iy * grid.nx() + ix] = contains(grid.centreX(ix), grid.centreY(iy));
			}
		}
		return inside;
	}

	/** The summary line every result carries: {@code study_area=.. dropped_incidents=..}. */
	String describe() {
		if (plane == null) {
			return "study_area=bounding_box (no areas imported: the grid covers the incidents' bounding box)";
		}
		return String.format(Locale.ROOT, "study_area=%s area_km2=%.3f dropped_incidents=%d",
				source.name().toLowerCase(Locale.ROOT), plane.getArea() / 1e6, dropped);
	}

	/** Projects coordinates from (lon, lat) degrees to the frame's metres in place. */
	private record ToMetres(MetricProjection projection) implements CoordinateSequenceFilter {

		@Override
		public void filter(CoordinateSequence seq, int i) {
			double[] xy = new double[2];
			projection.toMetres(seq.getY(i), seq.getX(i), xy);
			seq.setOrdinate(i, 0, xy[0]);
			seq.setOrdinate(i, 1, xy[1]);
		}

		@Override
		public boolean isDone() {
			return false;
		}

		@Override
		public boolean isGeometryChanged() {
			return true;
		}
	}
}
