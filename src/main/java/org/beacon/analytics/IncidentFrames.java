package org.beacon.analytics;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.beacon.agency.Agencies;
import org.beacon.analytics.internal.CsvIncidents;
import org.beacon.analytics.internal.FrameColumns;
import org.beacon.geography.Area;
import org.beacon.geography.AreaDemographics;
import org.beacon.geography.AreaKind;
import org.beacon.geography.AreasImported;
import org.beacon.geography.Demographics;
import org.beacon.geography.Geography;
import org.beacon.geography.MetricProjection;
import org.beacon.geography.PlaneProjection;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentQueries;
import org.beacon.incidents.IncidentsImported;
import org.beacon.shared.AgencyId;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Builds {@link IncidentFrame}s from stored incidents (cached, a small LRU keyed by filter, dropped for an
 * agency when it imports incidents or areas) or straight from a CSV file. Each frame holds only the incidents
 * inside its {@link StudyArea}: the neighbourhoods an {@code areas} filter names, else the agency's
 * jurisdiction, else the union of its imported areas; with no areas at all, every incident (bounding box).
 */
@Service
public class IncidentFrames {

	private static final Logger log = LoggerFactory.getLogger(IncidentFrames.class);

	/** Frames of a city's few years take a few MB each; eight cover a session of comparisons. */
	static final int CACHED_FRAMES = 8;

	private final ObjectProvider<IncidentQueries> queries;
	private final Geography geography;
	private final ObjectProvider<Demographics> demographics;
	private final Agencies agencies;
	private final Map<Key, IncidentFrame> cache = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, IncidentFrame> eldest) {
			return size() > CACHED_FRAMES;
		}
	};

	IncidentFrames(ObjectProvider<IncidentQueries> queries, Geography geography,
			ObjectProvider<Demographics> demographics, Agencies agencies) {
		this.queries = queries;
		this.geography = geography;
		this.demographics = demographics;
		this.agencies = agencies;
	}

	/** What a cached frame was built for: the incidents' filter and the chosen neighbourhoods. */
	private record Key(IncidentFilter filter, Set<Long> areas) {
	}

	/** The counted incidents of the filter that have coordinates, inside the agency's study area. */
	public IncidentFrame frame(IncidentFilter filter) {
		return frame(filter, Set.of());
	}

	/**
	 * The counted incidents of the filter that have coordinates, inside the neighbourhoods {@code areas} names
	 * (area ids), or inside the agency's study area when it names none.
	 *
	 * @throws IllegalArgumentException naming an id that is not one of the agency's neighbourhoods
	 */
	public IncidentFrame frame(IncidentFilter filter, Set<Long> areas) {
		Key key = new Key(filter, Set.copyOf(areas));
		synchronized (cache) {
			IncidentFrame cached = cache.get(key);
			if (cached != null) {
				return cached;
			}
		}
		IncidentQueries source = queries.getIfAvailable();
		if (source == null) {
			throw new IllegalStateException("incident queries are not available in this build");
		}
		FrameColumns columns = new FrameColumns();
		source.forEach(filter, row -> columns.add(row.occurredAt().getEpochSecond(), row.lat(), row.lon(),
				row.category() == null ? -1 : row.category().ordinal(), row.neighbourhoodId()));
		IncidentFrame frame = project(columns, filter, null, key.areas());
		synchronized (cache) {
			cache.put(key, frame);
		}
		return frame;
	}

	/**
	 * Reads a CSV file with a profile ({@code stl-slmpd}, or {@code generic} with {@code columns}
	 * {@code time=..,lat=..,lon=..[,category=..]}), keeping the filter's dates and categories. Times without an
	 * offset are local to the filter's agency.
	 *
	 * @param projection a projection definition, or null for the agency's (or, if the agency has none yet, the
	 *        UTM zone of the data's centre)
	 */
	public IncidentFrame fromCsv(Path file, String profile, Map<String, String> columnNames, IncidentFilter filter,
			String projection) {
		return fromCsv(file, profile, columnNames, filter, projection, Set.of());
	}

	/**
	 * As {@link #fromCsv(Path, String, Map, IncidentFilter, String)}, keeping only the rows inside the
	 * neighbourhoods {@code areas} names (area ids of the database), or inside the agency's study area; a
	 * database without areas keeps every row.
	 */
	public IncidentFrame fromCsv(Path file, String profile, Map<String, String> columnNames, IncidentFilter filter,
			String projection, Set<Long> areas) {
		FrameColumns columns = new FrameColumns();
		ZoneId zone = zone(filter);
		CsvIncidents.Skipped skipped = CsvIncidents.read(file, profile, columnNames, zone, filter.from(), filter.to(),
				filter.categories(), columns);
		log.info("{}: {} rows, {} kept, {} unreadable, {} outside the filter or not counted", file.getFileName(),
				skipped.rows(), columns.size(), skipped.unreadable(), skipped.filteredOut());
		IncidentFrame frame = project(columns, filter, projection, areas);
		locateNeighbourhoods(frame, filter.agency());
		return frame;
	}

	/**
	 * Gives a CSV's rows without a neighbourhood number (a generic file) the one of the imported neighbourhood
	 * holding them, keyed by its code as {@link #neighbourhoods(AgencyId, boolean)} keys a CSV's.
	 */
	private void locateNeighbourhoods(IncidentFrame frame, AgencyId agency) {
		long[] keys = frame.neighbourhood();
		Map<Long, Long> keyOfId = new HashMap<>();
		for (Area area : geography.areas(agency, AreaKind.NEIGHBOURHOOD)) {
			Long key = key(area, true);
			if (key != null) {
				keyOfId.put(area.id(), key);
			}
		}
		if (keyOfId.isEmpty()) {
			return;
		}
		var locator = geography.locator(agency);
		for (int i = 0; i < keys.length; i++) {
			if (keys[i] == 0) {
				keys[i] = keyOfId.getOrDefault(locator.locate(AreaKind.NEIGHBOURHOOD, frame.lat()[i], frame.lon()[i]), 0L);
			}
		}
	}

	/**
	 * The agency's neighbourhoods as a frame keys them: by area id for stored incidents, by the code read
	 * as a number for a CSV ({@code stl-slmpd} carries the city's neighbourhood number, the code of the
	 * imported St. Louis neighbourhoods), with the population where demographics are loaded.
	 */
	public Neighbourhoods neighbourhoods(AgencyId agency, boolean csvKeys) {
		Map<Long, String> codes = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		Map<Long, Long> population = new HashMap<>();
		Map<Long, Geometry> shapes = new HashMap<>();
		List<Area> areas = geography.areas(agency, AreaKind.NEIGHBOURHOOD);
		Map<Long, Geometry> byId = areas.isEmpty() ? Map.of()
				: geography.areaGeometries(agency, AreaKind.NEIGHBOURHOOD);
		for (Area area : areas) {
			Long key = key(area, csvKeys);
			if (key != null) {
				codes.put(key, area.code());
				names.put(key, area.name());
				if (byId.containsKey(area.id())) {
					shapes.put(key, byId.get(area.id()));
				}
			}
		}
		Demographics source = demographics.getIfAvailable();
		if (source != null) {
			for (AreaDemographics d : source.list(agency, AreaKind.NEIGHBOURHOOD)) {
				Long key = key(d.area(), csvKeys);
				if (key != null) {
					population.put(key, d.population());
				}
			}
		}
		return new Neighbourhoods(codes, names, population, shapes);
	}

	private static Long key(Area area, boolean csvKeys) {
		if (!csvKeys) {
			return area.id();
		}
		try {
			return Long.parseLong(area.code().trim());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	/** Drops the cached frames of the agency that imported. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(IncidentsImported event) {
		synchronized (cache) {
			cache.keySet().removeIf(k -> k.filter().agency().equals(event.agency()));
		}
	}

	/** Drops the cached frames of an agency whose areas changed: their study area may have. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(AreasImported event) {
		synchronized (cache) {
			cache.keySet().removeIf(k -> k.filter().agency().equals(event.agency()));
		}
	}

	int cachedFrames() {
		synchronized (cache) {
			return cache.size();
		}
	}

	private ZoneId zone(IncidentFilter filter) {
		return agencies.get(filter.agency()).timeZone();
	}

	private IncidentFrame project(FrameColumns columns, IncidentFilter filter, String definition, Set<Long> areas) {
		MetricProjection projection = projection(columns, filter, definition);
		double[] lat = columns.lat();
		double[] lon = columns.lon();
		double[] x = new double[lat.length];
		double[] y = new double[lat.length];
		double[] xy = new double[2];
		for (int i = 0; i < lat.length; i++) {
			projection.toMetres(lat[i], lon[i], xy);
			x[i] = xy[0];
			y[i] = xy[1];
		}
		IncidentFrame frame = new IncidentFrame(columns.seconds(), x, y, lat, lon, columns.category(),
				columns.neighbourhood(), projection, zone(filter));
		StudyArea area = studyArea(filter.agency(), areas, projection);
		return area.bounded() ? frame.within(area) : frame;
	}

	/**
	 * The chosen neighbourhoods' union, else the agency's jurisdiction, else the union of all its areas, else
	 * the bounding box.
	 */
	StudyArea studyArea(AgencyId agency, Set<Long> areas, MetricProjection projection) {
		if (!areas.isEmpty()) {
			Map<Long, Geometry> neighbourhoods = shapes(agency, AreaKind.NEIGHBOURHOOD);
			List<Geometry> chosen = new ArrayList<>();
			for (long id : new TreeSet<>(areas)) {
				Geometry shape = neighbourhoods.get(id);
				if (shape == null) {
					throw new IllegalArgumentException("areas: " + id + " is not a neighbourhood id of this agency"
							+ (neighbourhoods.isEmpty() ? " (it has no neighbourhoods)" : ""));
				}
				chosen.add(shape);
			}
			return StudyArea.of(StudyArea.Source.NEIGHBOURHOODS, UnaryUnionOp.union(chosen), projection);
		}
		Map<Long, Geometry> jurisdiction = shapes(agency, AreaKind.JURISDICTION);
		if (!jurisdiction.isEmpty()) {
			return StudyArea.of(StudyArea.Source.JURISDICTION, UnaryUnionOp.union(jurisdiction.values()), projection);
		}
		List<Geometry> all = new ArrayList<>();
		for (AreaKind kind : AreaKind.values()) {
			all.addAll(shapes(agency, kind).values());
		}
		return all.isEmpty() ? StudyArea.boundingBox()
				: StudyArea.of(StudyArea.Source.AREAS, UnaryUnionOp.union(all), projection);
	}

	private Map<Long, Geometry> shapes(AgencyId agency, AreaKind kind) {
		return geography.areaGeometries(agency, kind);
	}

	private MetricProjection projection(FrameColumns columns, IncidentFilter filter, String definition) {
		if (definition != null && !definition.isBlank()) {
			return metric(geography.projectionFrom(definition));
		}
		try {
			return geography.projection(filter.agency());
		}
		catch (RuntimeException noProjection) {
			if (columns.size() == 0) {
				throw noProjection;
			}
			double[] centre = columns.meanLatLon();
			int zone = (int) Math.floor((centre[1] + 180) / 6) + 1;
			String epsg = "EPSG:" + ((centre[0] >= 0 ? 32600 : 32700) + zone);
			log.info("agency has no projection yet; using {} (UTM zone of the data's centre)", epsg);
			return metric(geography.projectionFrom(epsg));
		}
	}

	private static MetricProjection metric(PlaneProjection plane) {
		return new MetricProjection() {
			@Override
			public void toMetres(double lat, double lon, double[] xy) {
				plane.toPlane(lat, lon, xy);
			}

			@Override
			public void toDegrees(double x, double y, double[] latLon) {
				plane.toDegrees(x, y, latLon);
			}

			@Override
			public String definition() {
				return plane.definition();
			}
		};
	}
}
