package org.beacon.incidents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beacon.incidents.IncidentLookup;
import org.beacon.incidents.IncidentRow;
import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link IncidentLookup} in SQL both H2 and PostgreSQL run; neighbourhood names are left out (not needed to link). */
@Service
class JdbcIncidentLookup implements IncidentLookup {

	private static final String SELECT = """
			SELECT id, source, source_id, occurred_at, offense_code, description, category, block_address, lat, lon,
			       neighbourhood_id
			FROM incident WHERE agency_id = :agency AND unfounded = FALSE AND reversed = FALSE""";

	private static final double METRES_PER_DEGREE_LAT = 111_320;

	/** Mean Earth radius (IUGG), metres. */
	private static final double EARTH_RADIUS = 6_371_008.8;

	private final JdbcClient jdbc;

	JdbcIncidentLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<IncidentRow> bySourceId(AgencyId agency, String sourceId) {
		return jdbc.sql(SELECT + " AND source_id = :sourceId ORDER BY source").param("agency", agency.value())
				.param("sourceId", sourceId).query(JdbcIncidentLookup::row).list();
	}

	@Override
	public Optional<IncidentRow> byId(AgencyId agency, long id) {
		return jdbc.sql(SELECT + " AND id = :id").param("agency", agency.value()).param("id", id)
				.query(JdbcIncidentLookup::row).optional();
	}

	@Override
	public List<IncidentRow> near(AgencyId agency, double lat, double lon, double radiusMetres, Instant since, int limit) {
		double dLat = radiusMetres / METRES_PER_DEGREE_LAT;
		double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
		List<IncidentRow> inBox = jdbc.sql(SELECT
				+ " AND occurred_at >= :since AND lat BETWEEN :minLat AND :maxLat AND lon BETWEEN :minLon AND :maxLon")
				.param("agency", agency.value()).param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
				.param("minLat", lat - dLat).param("maxLat", lat + dLat).param("minLon", lon - dLon)
				.param("maxLon", lon + dLon).query(JdbcIncidentLookup::row).list();
		List<IncidentRow> within = new ArrayList<>();
		for (IncidentRow r : inBox) {
			if (metres(lat, lon, r.lat(), r.lon()) <= radiusMetres) {
				within.add(r);
			}
		}
		within.sort(Comparator.comparingDouble(r -> metres(lat, lon, r.lat(), r.lon())));
		return within.size() <= limit ? within : within.subList(0, limit);
	}

	/** Haversine great-circle distance in metres. */
	static double metres(double lat1, double lon1, double lat2, double lon2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	private static IncidentRow row(ResultSet rs, int n) throws SQLException {
		return JdbcIncidentQueries.row(rs, Map.of());
	}
}
