package org.beacon.geography.internal;

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
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable point-in-area index over one agency's areas: per kind, a JTS {@link STRtree} of the areas'
 * envelopes, and for each area the segment-interval index JTS prepared polygons use
 * ({@link IndexedPointInAreaLocator}, built eagerly here so lookups never wait on its lazy initialisation).
 * Safe to share between threads once built.
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

	private static final class KindIndex {

		private final BuiltTree tree = new BuiltTree();
		private final Map<String, Long> codes = new HashMap<>();

		KindIndex(List<Entry> entries) {
			for (Entry entry : entries) {
				IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(entry.geometry());
				// builds the locator's segment index now, on this thread
				locator.locate(entry.geometry().getCoordinate());
				tree.insert(entry.geometry().getEnvelopeInternal(), new Located(entry.id(), locator));
				codes.put(entry.code(), entry.id());
			}
			tree.build();
		}

		long locate(double lat, double lon) {
			Coordinate point = new Coordinate(lon, lat);
			long interior = Long.MAX_VALUE;
			long boundary = Long.MAX_VALUE;
			for (Object item : tree.query(new Envelope(point))) {
				Located area = (Located) item;
				int location = area.locator.locate(point);
				if (location == Location.INTERIOR) {
					interior = Math.min(interior, area.id);
				}
				else if (location == Location.BOUNDARY) {
					boundary = Math.min(boundary, area.id);
				}
			}
			long found = interior != Long.MAX_VALUE ? interior : boundary;
			return found == Long.MAX_VALUE ? 0 : found;
		}
	}

	private record Located(long id, IndexedPointInAreaLocator locator) {
	}

	/**
	 * An STRtree whose queries skip the monitor {@link STRtree#build()} takes on every call once it is built:
	 * with that lock, lookups from several threads serialise on one index.
	 */
	private static final class BuiltTree extends STRtree {

		private volatile boolean ready;

		@Override
		public void build() {
			if (!ready) {
				super.build();
				ready = true;
			}
		}
	}
}
