package org.beacon.geography.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beacon.geography.Area;
import org.beacon.geography.AreaKind;
import org.beacon.shared.AgencyId;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code area} table. Geometry travels as WGS 84 WKT; JTS lives above this class. */
@Repository
class AreaRepository {

	private final JdbcClient jdbc;

	AreaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An area as stored, with its geometry as WKT. */
	record StoredArea(long id, String code, String name, String wkt) {
	}

	/**
	 * Changes iff an area was added, changed or removed and added again: a cheap way for each node to know its
	 * index is stale. Ids are never reused, so the largest id tells a re-created set from the one it replaced.
	 */
	record Signature(long count, long revision, long maxId) {
	}

	/** The revision the next import stamps on the rows it adds or changes. */
	long nextRevision(AgencyId agency) {
		return jdbc.sql("SELECT COALESCE(MAX(revision), 0) + 1 FROM area WHERE agency_id = :agency")
				.param("agency", agency.value()).query(Long.class).single();
	}

	Signature signature(AgencyId agency) {
		return jdbc.sql("""
				SELECT COUNT(*) AS n, COALESCE(MAX(revision), 0) AS revision, COALESCE(MAX(id), 0) AS max_id
				FROM area WHERE agency_id = :agency""").param("agency", agency.value())
				.query((rs, row) -> new Signature(rs.getLong("n"), rs.getLong("revision"), rs.getLong("max_id")))
				.single();
	}

	Map<String, StoredArea> byCode(AgencyId agency, AreaKind kind) {
		Map<String, StoredArea> areas = new HashMap<>();
		stored(agency, kind).forEach(area -> areas.put(area.code(), area));
		return areas;
	}

	List<StoredArea> stored(AgencyId agency, AreaKind kind) {
		return jdbc.sql("""
				SELECT id, code, name, geometry_wkt FROM area
				WHERE agency_id = :agency AND kind = :kind
				ORDER BY LENGTH(code), code
				""").param("agency", agency.value()).param("kind", kind.name())
				.query((rs, row) -> new StoredArea(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						rs.getString("geometry_wkt")))
				.list();
	}

	/** Every area of the agency, all kinds: what the spatial index is built from. */
	Map<AreaKind, List<StoredArea>> allStored(AgencyId agency) {
		Map<AreaKind, List<StoredArea>> byKind = new HashMap<>();
		for (AreaKind kind : AreaKind.values()) {
			byKind.put(kind, stored(agency, kind));
		}
		return byKind;
	}

	List<Area> list(AgencyId agency, AreaKind kind) {
		return jdbc.sql("""
				SELECT id, code, name FROM area
				WHERE agency_id = :agency AND kind = :kind
				ORDER BY LENGTH(code), code
				""").param("agency", agency.value()).param("kind", kind.name())
				.query((rs, row) -> new Area(rs.getLong("id"), agency, kind, rs.getString("code"), rs.getString("name")))
				.list();
	}

	void insert(AgencyId agency, AreaKind kind, AreaRow row, long revision) {
		jdbc.sql("""
				INSERT INTO area (agency_id, kind, code, name, geometry_wkt, min_lat, min_lon, max_lat, max_lon,
				                  centroid_lat, centroid_lon, source, revision)
				VALUES (:agency, :kind, :code, :name, :wkt, :minLat, :minLon, :maxLat, :maxLon,
				        :centroidLat, :centroidLon, :source, :revision)
				""").params(row.params()).param("agency", agency.value()).param("kind", kind.name())
				.param("revision", revision).update();
	}

	void update(long id, AreaRow row, long revision) {
		jdbc.sql("""
				UPDATE area SET name = :name, geometry_wkt = :wkt, min_lat = :minLat, min_lon = :minLon,
				       max_lat = :maxLat, max_lon = :maxLon, centroid_lat = :centroidLat, centroid_lon = :centroidLon,
				       source = :source, revision = :revision, updated_at = CURRENT_TIMESTAMP
				WHERE id = :id
				""").params(row.params()).param("id", id).param("revision", revision).update();
	}

	/** The bounding box of all the agency's areas, as {@code [minLat, minLon, maxLat, maxLon]}, if it has any. */
	Optional<double[]> extent(AgencyId agency) {
		return jdbc.sql("""
				SELECT MIN(min_lat) AS min_lat, MIN(min_lon) AS min_lon, MAX(max_lat) AS max_lat, MAX(max_lon) AS max_lon
				FROM area WHERE agency_id = :agency
				""").param("agency", agency.value())
				.query((rs, row) -> rs.getObject("min_lat") == null ? null
						: new double[] { rs.getDouble("min_lat"), rs.getDouble("min_lon"), rs.getDouble("max_lat"),
								rs.getDouble("max_lon") })
				.optional();
	}

	/** One area's columns as written: WKT plus the bounding box and centroid SQL can filter on. */
	record AreaRow(String code, String name, String wkt, Envelope box, Point centroid, String source) {

		Map<String, Object> params() {
			return Map.of("code", code, "name", name, "wkt", wkt, "minLat", box.getMinY(), "minLon", box.getMinX(),
					"maxLat", box.getMaxY(), "maxLon", box.getMaxX(), "centroidLat", centroid.getY(), "centroidLon",
					centroid.getX(), "source", source);
		}
	}
}
