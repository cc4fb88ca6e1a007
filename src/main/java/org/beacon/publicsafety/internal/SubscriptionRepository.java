package org.beacon.publicsafety.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.beacon.incidents.OffenseCategory;
import org.beacon.publicsafety.AlertPlace;
import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code alert_subscription}: create, confirm, unsubscribe, list. */
@Repository
public class SubscriptionRepository {

	private static final String COLUMNS = """
			id, agency_id, email, webhook_url, webhook_secret, place_kind, neighbourhood_id, neighbourhood_code,
			centre_lat, centre_lon, radius_m, polygon_geojson, categories, frequency, only_above_usual,
			state, created_at""";

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(Subscription s) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO alert_subscription (agency_id, email, webhook_url, webhook_secret, place_kind, neighbourhood_id,
				  neighbourhood_code, centre_lat, centre_lon, radius_m, polygon_geojson, categories, frequency,
				  only_above_usual, state, created_at)
				VALUES (:agency, :email, :webhook, :secret, :place, :nid, :ncode, :lat, :lon, :radius, :polygon,
				  :categories, :frequency, :above, 'PENDING', :now)""")
				.param("agency", s.agency().value()).param("email", s.email()).param("webhook", s.webhookUrl())
				.param("secret", s.webhookSecret()).param("place", s.place().name()).param("nid", s.neighbourhoodId())
				.param("ncode", s.neighbourhoodCode()).param("lat", s.centreLat()).param("lon", s.centreLon())
				.param("radius", s.radiusMetres()).param("polygon", s.polygonGeoJson())
				.param("categories", s.categories().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
				.param("frequency", s.frequency().name()).param("above", s.onlyAboveUsual())
				.param("now", utc(s.createdAt())).update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Subscription> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert_subscription WHERE id = :id").param("id", id)
				.query(SubscriptionRepository::map).optional();
	}

	public List<Subscription> active(AgencyId agency) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert_subscription WHERE agency_id = :agency AND state = 'ACTIVE' ORDER BY id")
				.param("agency", agency.value()).query(SubscriptionRepository::map).list();
	}

	public List<Subscription> allActive() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM alert_subscription WHERE state = 'ACTIVE' ORDER BY id")
				.query(SubscriptionRepository::map).list();
	}

	/** PENDING to ACTIVE; true when this call confirmed it. */
	public boolean confirm(long id, Instant now) {
		return jdbc.sql("UPDATE alert_subscription SET state = 'ACTIVE', confirmed_at = :now WHERE id = :id AND state = 'PENDING'")
				.param("now", utc(now)).param("id", id).update() == 1;
	}

	/** Ends the subscription and forgets the address and webhook; true when it was not ended already. */
	public boolean unsubscribe(long id, Instant now) {
		return jdbc.sql("""
				UPDATE alert_subscription SET state = 'UNSUBSCRIBED', unsubscribed_at = :now, email = NULL,
				  webhook_url = NULL, webhook_secret = NULL
				WHERE id = :id AND state <> 'UNSUBSCRIBED'""").param("now", utc(now)).param("id", id).update() == 1;
	}

	static Subscription map(ResultSet rs, int n) throws SQLException {
		String cats = rs.getString("categories");
		Set<OffenseCategory> categories = EnumSet.noneOf(OffenseCategory.class);
		if (cats != null && !cats.isBlank()) {
			Arrays.stream(cats.split(",")).map(String::trim).map(OffenseCategory::valueOf).forEach(categories::add);
		}
		return new Subscription(rs.getLong("id"), AgencyId.of(rs.getLong("agency_id")), rs.getString("email"),
				rs.getString("webhook_url"), rs.getString("webhook_secret"), AlertPlace.valueOf(rs.getString("place_kind")),
				(Long) nullable(rs, rs.getLong("neighbourhood_id")), rs.getString("neighbourhood_code"),
				(Double) nullable(rs, rs.getDouble("centre_lat")), (Double) nullable(rs, rs.getDouble("centre_lon")),
				(Double) nullable(rs, rs.getDouble("radius_m")), rs.getString("polygon_geojson"), Set.copyOf(categories),
				Subscription.Frequency.valueOf(rs.getString("frequency")), rs.getBoolean("only_above_usual"),
				rs.getString("state"), instant(rs, "created_at"));
	}

	private static Object nullable(ResultSet rs, Object value) throws SQLException {
		return rs.wasNull() ? null : value;
	}

	static OffsetDateTime utc(Instant t) {
		return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		if (t != null) {
			return t.toInstant();
		}
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}
}
