package org.beacon.geography.internal;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.beacon.geography.AreaKind;
import org.beacon.geography.AreaLocator;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable point-in-area index over one agency's areas. Per kind, a lattice of cells over the areas'
 * extent, classified once with a JTS {@link STRtree} and {@link PreparedGeometry}: most cells lie inside one
 * area and answer with an array read; cells on a boundary keep their few candidate areas, tested with the
 * segment-interval index JTS prepared polygons use ({@link IndexedPointInAreaLocator}, built eagerly so lookups
 * never wait on its lazy initialisation). Immutable once built, so threads share it without locks.
 *
 * <p>Edge rule: areas are closed sets. A point in an area's interior gets that area; a point on a boundary
 * (a shared edge, a vertex) gets the boundary area with the lowest id; a point in a hole or outside every
 * area gets 0. Overlapping areas (bad data) resolve to the lowest id, so results never depend on order.
 */
final class AreaIndex implements AreaLocator {

	private final Map<AreaKind, KindIndex> kinds;

	private AreaIndex(Map<AreaKind, KindIndex> kinds) {
		this.kinds = kinds;
	}

	/** One area to index: its id, code and WGS 84 geometry (x = longitude, y = latitude). */
	record Entry(long id, String code, Geometry geometry) {
	}

	static AreaIndex of(Map<AreaKind, List<Entry>> entries) {
		Map<AreaKind, KindIndex> kinds = new EnumMap<>(AreaKind.class);
		entries.forEach((kind, list) -> {
			if (!list.isEmpty()) {
				kinds.put(kind, new KindIndex(list));
			}
		});
		return new AreaIndex(kinds);
	}

	@Override
	public long locate(AreaKind kind, double lat, double lon) {
		KindIndex index = kinds.get(kind);
		if (index == null || Double.isNaN(lat) || Double.isNaN(lon)) {
			return 0;
		}
		return index.locate(lat, lon);
	}

	@Override
	public long byCode(AreaKind kind, String code) {
		KindIndex index = kinds.get(kind);
		if (index == null || code == null) {
			return 0;
		}
		return index.codes.getOrDefault(code.trim(), 0L);
	}

	/** Number of areas of a kind in the index. */
	int size(AreaKind kind) {
		KindIndex index = kinds.get(kind);
		return index == null ? 0 : index.codes.size();
	}

	/**
	 * The areas of one kind over a regular lattice of cells spanning their extent. Built with an STRtree of
	 * the areas and their prepared geometries, each cell records either the one area whose interior properly
	 * contains it, so a lookup there is an array read, or nothing, or the few areas that touch it, which a
	 * lookup then tests with their point locators. Lookups allocate nothing but one coordinate and take no lock.
	 */
	private static final class KindIndex {

		/** Cells per area, up to {@link #MAX_CELLS}: for 88 St. Louis neighbourhoods, cells of about 150 m. */
		static final int CELLS_PER_AREA = 256;
		static final int MAX_CELLS = 1 << 18;
		/** A cell whose areas must be tested one by one. */
		static final int MIXED = -1;
		/** A cell no area touches. */
		static final int EMPTY = -2;

		private final long[] ids;
		private final IndexedPointInAreaLocator[] locators;
		private final Map<String, Long> codes = new HashMap<>();
		private final double minX;
		private final double minY;
		private final double cellWidth;
		private final double cellHeight;
		private final int columns;
		private final int rows;
		/** Per cell: the index of the area covering it, {@link #MIXED} or {@link #EMPTY}. */
		private final int[] resolved;
		/** Per {@link #MIXED} cell: the indexes of the areas touching it, by ascending id. */
		private final int[][] candidates;

		KindIndex(List<Entry> unsorted) {
			List<Entry> entries = unsorted.stream().sorted(Comparator.comparingLong(Entry::id)).toList();
			int n = entries.size();
			ids = new long[n];
			locators = new IndexedPointInAreaLocator[n];
			PreparedGeometry[] prepared = new PreparedGeometry[n];
			STRtree tree = new STRtree();
			Envelope extent = new Envelope();
			for (int i = 0; i < n; i++) {
				Entry entry = entries.get(i);
				ids[i] = entry.id();
				locators[i] = new IndexedPointInAreaLocator(entry.geometry());
				// builds the locator's segment index now, on this thread
				locators[i].locate(entry.geometry().getCoordinate());
				prepared[i] = PreparedGeometryFactory.prepare(entry.geometry());
				tree.insert(entry.geometry().getEnvelopeInternal(), i);
				extent.expandToInclude(entry.geometry().getEnvelopeInternal());
				codes.put(entry.code(), entry.id());
			}
			tree.build();
			int cells = Math.min(MAX_CELLS, Math.max(1, n * CELLS_PER_AREA));
			double aspect = extent.getWidth() / Math.max(extent.getHeight(), Double.MIN_NORMAL);
			columns = (int) Math.max(1, Math.min(cells, Math.round(Math.sqrt(cells * aspect))));
			rows = Math.max(1, cells / columns);
			minX = extent.getMinX();
			minY = extent.getMinY();
			cellWidth = Math.max(extent.getWidth() / columns, Double.MIN_NORMAL);
			cellHeight = Math.max(extent.getHeight() / rows, Double.MIN_NORMAL);
			resolved = new int[columns * rows];
			candidates = new int[columns * rows][];
			GeometryFactory factory = new GeometryFactory();
			for (int row = 0; row < rows; row++) {
				for (int column = 0; column < columns; column++) {
					classify(row * columns + column, cell(column, row), tree, prepared, factory);
				}
			}
		}

		/** The cell's closed rectangle, widened by a hair so rounding in {@link #locate} can never leave it. */
		private Envelope cell(int column, int row) {
			Envelope cell = new Envelope(minX + column * cellWidth, minX + (column + 1) * cellWidth,
					minY + row * cellHeight, minY + (row + 1) * cellHeight);
			cell.expandBy(cellWidth * 1e-6, cellHeight * 1e-6);
			return cell;
		}

		private void classify(int index, Envelope cell, STRtree tree, PreparedGeometry[] prepared, GeometryFactory factory) {
			Geometry rectangle = factory.toGeometry(cell);
			int[] touching = tree.query(cell).stream().mapToInt(item -> (Integer) item)
					.filter(area -> prepared[area].intersects(rectangle)).sorted().toArray();
			if (touching.length == 0) {
				resolved[index] = EMPTY;
			}
			else if (touching.length == 1 && prepared[touching[0]].containsProperly(rectangle)) {
				resolved[index] = touching[0];
			}
			else {
				resolved[index] = MIXED;
				candidates[index] = touching;
			}
		}

		long locate(double lat, double lon) {
			double fx = (lon - minX) / cellWidth;
			double fy = (lat - minY) / cellHeight;
			// also false for NaN
			if (!(fx >= 0 && fx <= columns && fy >= 0 && fy <= rows)) {
				return 0;
			}
			int cell = Math.min((int) fy, rows - 1) * columns + Math.min((int) fx, columns - 1);
			int area = resolved[cell];
			if (area >= 0) {
				return ids[area];
			}
			return area == EMPTY ? 0 : test(candidates[cell], new Coordinate(lon, lat));
		}

		/** Interior beats boundary; among equals the lowest id wins, which is the first since they are sorted. */
		private long test(int[] areas, Coordinate point) {
			long boundary = 0;
			for (int area : areas) {
				int location = locators[area].locate(point);
				if (location == Location.INTERIOR) {
					return ids[area];
				}
				if (location == Location.BOUNDARY && boundary == 0) {
					boundary = ids[area];
				}
			}
			return boundary;
		}
	}
}
