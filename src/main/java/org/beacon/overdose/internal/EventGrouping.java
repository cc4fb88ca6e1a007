package org.beacon.overdose.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.beacon.geography.Area;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.overdose.AreaGrouping;
import org.beacon.overdose.OverdoseEntry;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.shared.AgencyId;

/**
 * Assigns events to the locations of a grouping: the jurisdiction, counties, cities, neighbourhoods or H3
 * cells. An event whose location is coarser than the grouping (a county centroid, when counting by cell) is
 * left out and counted. Locations are sorted by code, so results do not depend on event order.
 */
final class EventGrouping {

	/** A location: its code and name, and its centre (NaN when none of its events has coordinates). */
	record Location(String code, String name, double lat, double lon) {
	}

	/** {@code locationOf[i]} is event i's location index, or -1 when it was left out. */
	record Grouped(AreaGrouping by, List<Location> locations, int[] locationOf, int leftOut) {
	}

	static final String JURISDICTION_CODE = "jurisdiction";

	private EventGrouping() {
	}

	/**
	 * @param centroids neighbourhood centroids from their polygons when {@code true}; else every location's
	 *        centre is the mean of its events' coordinates
	 */
	static Grouped group(List<OverdoseEvent> events, AreaGrouping by, Geography geography, AgencyId agency,
			boolean centroids) {
		Map<Long, Area> neighbourhoods = new HashMap<>();
		if (by.level() == AreaGrouping.Level.NEIGHBOURHOOD) {
			for (Area a : geography.areas(agency, AreaKind.NEIGHBOURHOOD)) {
				neighbourhoods.put(a.id(), a);
			}
		}
		String[] keys = new String[events.size()];
		TreeMap<String, double[]> sums = new TreeMap<>(); // code -> {sumLat, sumLon, n}
		Map<String, String> names = new HashMap<>();
		Map<String, Long> areaIds = new HashMap<>();
		int leftOut = 0;
		for (int i = 0; i < events.size(); i++) {
			OverdoseEvent event = events.get(i);
			OverdoseEntry e = event.entry();
			String code = null;
			String name = null;
			switch (by.level()) {
				case JURISDICTION -> {
					code = JURISDICTION_CODE;
					name = "Jurisdiction";
				}
				case COUNTY -> code = name = e.county();
				case CITY -> code = name = e.city();
				case NEIGHBOURHOOD -> {
					Area area = event.neighbourhoodId() == null ? null : neighbourhoods.get(event.neighbourhoodId());
					if (area != null) {
						code = area.code();
						name = area.name();
						areaIds.put(code, area.id());
					}
				}
				case H3 -> {
					if (e.precision().locatesWithinAreas()) {
						long cell = by.h3Resolution() == org.beacon.geography.Geography.STORED_H3_RESOLUTION
								&& event.h3Cell() != null ? event.h3Cell()
										: geography.h3Cell(e.lat(), e.lon(), by.h3Resolution());
						code = name = Long.toHexString(cell);
					}
				}
			}
			if (code == null) {
				leftOut++;
				continue;
			}
			keys[i] = code;
			names.putIfAbsent(code, name);
			double[] s = sums.computeIfAbsent(code, k -> new double[3]);
			if (e.lat() != null) {
				s[0] += e.lat();
				s[1] += e.lon();
				s[2]++;
			}
		}
		AreaShapes shapes = centroids && !areaIds.isEmpty()
				? AreaShapes.parse(geography.areasAsGeoJson(agency, AreaKind.NEIGHBOURHOOD)) : null;
		List<Location> locations = new ArrayList<>(sums.size());
		Map<String, Integer> index = new HashMap<>();
		for (var entry : sums.entrySet()) {
			double[] s = entry.getValue();
			double lat = s[2] > 0 ? s[0] / s[2] : Double.NaN;
			double lon = s[2] > 0 ? s[1] / s[2] : Double.NaN;
			if (shapes != null) {
				double[] c = shapes.centroid(areaIds.get(entry.getKey()));
				if (c != null) {
					lat = c[0];
					lon = c[1];
				}
			}
			index.put(entry.getKey(), locations.size());
			locations.add(new Location(entry.getKey(), names.get(entry.getKey()), lat, lon));
		}
		int[] locationOf = new int[events.size()];
		for (int i = 0; i < keys.length; i++) {
			locationOf[i] = keys[i] == null ? -1 : index.get(keys[i]);
		}
		return new Grouped(by, List.copyOf(locations), locationOf, leftOut);
	}
}
