package org.beacon.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beacon.reports.ServiceType;
import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for service requests, their attributes, contact details and updates. */
@Repository
public class ServiceRequestRepository {

	private static final String SELECT = """
			SELECT r.id, r.agency_id, r.public_id, r.token, r.service_id, s.code AS service_code, s.name AS service_name,
			       s.private_category, s.service_type, s.sla_hours, s.service_notice, r.description, r.lat, r.lon,
			       r.address_string, r.address_id, r.media_url, r.state, r.outcome, r.status_notes, r.moderation,
			       r.moderation_note, r.assigned_to, r.duplicate_of, r.receipt_id, r.channel, r.requested_at,
			       r.updated_at, r.expected_at, r.closed_at
			FROM service_request r JOIN report_service s ON s.id = r.service_id
			""";

	/** Public reads never see private categories or rejected requests. */
	private static final String PUBLIC = " AND s.private_category = FALSE AND r.moderation <> 'rejected'";

	private static final String INSERT = """
			INSERT INTO service_request (agency_id, public_id, token, service_id, description, lat, lon, address_string,
			       address_id, media_url, state, moderation, moderation_note, receipt_id, channel, api_key_id,
			       requested_at, updated_at, expected_at)
			""";

	private static final String INSERT_VALUES = """
			VALUES (:agency, :publicId, :token, :service, :description, :lat, :lon, :address, :addressId, :mediaUrl,
			       :state, :moderation, :moderationNote, :receipt, :channel, :apiKey, :now, :now, :expected)
			""";

	/**
	 * A report sent with an API key is written only while the key is active, checked in the insert itself: a key
	 * revoked on another node, which this node may still hold as verified, stops at once, for no extra round trip.
	 * Values are cast because a parameter in a select list has no column type to take.
	 */
	private static final String INSERT_IF_KEY_ACTIVE = """
			SELECT CAST(:agency AS BIGINT), CAST(:publicId AS VARCHAR(20)), CAST(:token AS VARCHAR(40)),
			       CAST(:service AS BIGINT), CAST(:description AS VARCHAR(4000)), CAST(:lat AS DOUBLE PRECISION),
			       CAST(:lon AS DOUBLE PRECISION), CAST(:address AS VARCHAR(500)), CAST(:addressId AS VARCHAR(100)),
			       CAST(:mediaUrl AS VARCHAR(2000)), CAST(:state AS VARCHAR(30)), CAST(:moderation AS VARCHAR(10)),
			       CAST(:moderationNote AS VARCHAR(500)), CAST(:receipt AS BIGINT), CAST(:channel AS VARCHAR(20)), k.id,
			       CAST(:now AS TIMESTAMP WITH TIME ZONE), CAST(:now AS TIMESTAMP WITH TIME ZONE),
			       CAST(:expected AS TIMESTAMP WITH TIME ZONE)
			FROM open311_api_key k
			WHERE k.id = :apiKey AND k.agency_id = :agency AND k.revoked_at IS NULL
			""";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcOperations batch;

	ServiceRequestRepository(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	long insert(NewRequest request, String publicId, String token, RequestState state, Moderation moderation,
			String moderationNote, Long receiptId, Instant now, Instant expected) {
		KeyHolder key = new GeneratedKeyHolder();
		int inserted = jdbc.sql(request.apiKeyId() == null ? INSERT + INSERT_VALUES : INSERT + INSERT_IF_KEY_ACTIVE)
				.param("agency", request.agency().value()).param("publicId", publicId).param("token", token)
				.param("service", request.service().id()).param("description", request.description())
				.param("lat", request.lat()).param("lon", request.lon()).param("address", request.address())
				.param("addressId", request.addressId()).param("mediaUrl", request.mediaUrl()).param("state", state.name())
				.param("moderation", moderation.db()).param("moderationNote", moderationNote).param("receipt", receiptId)
				.param("channel", request.channel()).param("apiKey", request.apiKeyId()).param("now", utc(now))
				.param("expected", utc(expected)).update(key, "id");
		if (inserted == 0) {
			throw new RevokedKeyException(request.apiKeyId());
		}
		long id = key.getKey().longValue();
		List<MapSqlParameterSource> attributes = new ArrayList<>();
		request.attributes().forEach((code, values) -> values.forEach(value -> attributes.add(new MapSqlParameterSource()
				.addValue("request", id).addValue("code", code).addValue("value", value))));
		if (!attributes.isEmpty()) {
			// one round trip for all answers
			batch.batchUpdate("""
					INSERT INTO service_request_attribute (request_id, code, attr_value) VALUES (:request, :code, :value)
					""", attributes.toArray(MapSqlParameterSource[]::new));
		}
		if (!request.contact().isEmpty()) {
			NewRequest.Contact c = request.contact();
			jdbc.sql("""
					INSERT INTO service_request_contact (request_id, email, first_name, last_name, phone, device_id, account_id)
					VALUES (:request, :email, :first, :last, :phone, :device, :account)
					""").param("request", id).param("email", c.email()).param("first", c.firstName())
					.param("last", c.lastName()).param("phone", c.phone()).param("device", c.deviceId())
					.param("account", c.accountId()).update();
		}
		return id;
	}

	public Optional<StoredRequest> byId(long id) {
		return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(ServiceRequestRepository::map).optional();
	}

	public Optional<StoredRequest> byPublicId(AgencyId agency, String publicId) {
		return jdbc.sql(SELECT + " WHERE r.agency_id = :agency AND r.public_id = :publicId")
				.param("agency", agency.value()).param("publicId", publicId).query(ServiceRequestRepository::map).optional();
	}

	Optional<StoredRequest> byToken(AgencyId agency, String token) {
		return jdbc.sql(SELECT + " WHERE r.agency_id = :agency AND r.token = :token").param("agency", agency.value())
				.param("token", token).query(ServiceRequestRepository::map).optional();
	}

	Optional<StoredRequest> byReceipt(long receiptId) {
		return jdbc.sql(SELECT + " WHERE r.receipt_id = :receipt").param("receipt", receiptId)
				.query(ServiceRequestRepository::map).optional();
	}

	/** Public requests with these ids, in the order of the newest first. */
	List<StoredRequest> publicByIds(AgencyId agency, List<String> publicIds) {
		return jdbc.sql(SELECT + " WHERE r.agency_id = :agency AND r.public_id IN (:ids)" + PUBLIC
				+ " ORDER BY r.requested_at DESC, r.id DESC").param("agency", agency.value()).param("ids", publicIds)
				.query(ServiceRequestRepository::map).list();
	}

	List<StoredRequest> publicSearch(AgencyId agency, PublicQuery query) {
		StringBuilder sql = new StringBuilder(SELECT)
				.append(" WHERE r.agency_id = :agency AND r.requested_at >= :start AND r.requested_at <= :end").append(PUBLIC);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("agency", agency.value());
		params.put("start", utc(query.start()));
		params.put("end", utc(query.end()));
		if (!query.serviceCodes().isEmpty()) {
			sql.append(" AND s.code IN (:codes)");
			params.put("codes", query.serviceCodes());
		}
		if (query.statuses().size() == 1) {
			sql.append("closed".equals(query.statuses().get(0)) ? " AND r.state = 'CLOSED'" : " AND r.state <> 'CLOSED'");
		}
		sql.append(" ORDER BY r.requested_at DESC, r.id DESC LIMIT :limit OFFSET :offset");
		params.put("limit", query.limit());
		params.put("offset", query.offset());
		return jdbc.sql(sql.toString()).params(params).query(ServiceRequestRepository::map).list();
	}

	public List<StoredRequest> queue(AgencyId agency, QueueFilter filter, Instant now) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE r.agency_id = :agency");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("agency", agency.value());
		if ("open".equals(filter.status())) {
			sql.append(" AND r.state <> 'CLOSED'");
		}
		else if ("closed".equals(filter.status())) {
			sql.append(" AND r.state = 'CLOSED'");
		}
		if (filter.serviceCode() != null) {
			sql.append(" AND s.code = :code");
			params.put("code", filter.serviceCode());
		}
		if ("-".equals(filter.assignee())) {
			sql.append(" AND r.assigned_to IS NULL");
		}
		else if (filter.assignee() != null) {
			sql.append(" AND r.assigned_to = :assignee");
			params.put("assignee", filter.assignee());
		}
		if (Boolean.TRUE.equals(filter.overdue())) {
			sql.append(" AND r.state <> 'CLOSED' AND r.expected_at < :now");
			params.put("now", utc(now));
		}
		if (filter.moderation() != null) {
			sql.append(" AND r.moderation = :moderation");
			params.put("moderation", filter.moderation());
		}
		sql.append(" ORDER BY r.expected_at ASC, r.id ASC LIMIT :limit");
		params.put("limit", filter.limit());
		return jdbc.sql(sql.toString()).params(params).query(ServiceRequestRepository::map).list();
	}

	/** Located requests of one service inside a lat/lon box and time window, except {@code excludeId}. */
	List<StoredRequest> inBox(AgencyId agency, long serviceId, double minLat, double maxLat, double minLon, double maxLon,
			Instant from, Instant to, long excludeId) {
		return jdbc.sql(SELECT + """
				 WHERE r.agency_id = :agency AND r.service_id = :service AND r.id <> :exclude
				   AND r.lat BETWEEN :minLat AND :maxLat AND r.lon BETWEEN :minLon AND :maxLon
				   AND r.requested_at BETWEEN :from AND :to
				 ORDER BY r.requested_at
				""").param("agency", agency.value()).param("service", serviceId).param("exclude", excludeId)
				.param("minLat", minLat).param("maxLat", maxLat).param("minLon", minLon).param("maxLon", maxLon)
				.param("from", utc(from)).param("to", utc(to)).query(ServiceRequestRepository::map).list();
	}

	public Map<String, List<String>> attributes(long requestId) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		jdbc.sql("SELECT code, attr_value FROM service_request_attribute WHERE request_id = :request ORDER BY id")
				.param("request", requestId).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
				.forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return result;
	}

	public Optional<NewRequest.Contact> contact(long requestId) {
		return jdbc.sql("""
				SELECT email, first_name, last_name, phone, device_id, account_id
				FROM service_request_contact WHERE request_id = :request
				""").param("request", requestId)
				.query((rs, n) -> new NewRequest.Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6)))
				.optional();
	}

	void update(StoredRequest r, Instant now) {
		jdbc.sql("""
				UPDATE service_request SET service_id = :service, state = :state, outcome = :outcome,
				       status_notes = :notes, moderation = :moderation, moderation_note = :moderationNote,
				       assigned_to = :assignee, duplicate_of = :duplicateOf, expected_at = :expected,
				       closed_at = :closed, updated_at = :now
				WHERE id = :id
				""").param("service", r.serviceId()).param("state", r.state().name())
				.param("outcome", r.outcome() == null ? null : r.outcome().name()).param("notes", r.statusNotes())
				.param("moderation", r.moderation().db()).param("moderationNote", r.moderationNote())
				.param("assignee", r.assignedTo()).param("duplicateOf", r.duplicateOf()).param("expected", utc(r.expectedAt()))
				.param("closed", utc(r.closedAt())).param("now", utc(now)).param("id", r.id()).update();
	}

	void addUpdate(StoredRequest r, String kind, boolean publicUpdate, String body, String author, Instant now) {
		jdbc.sql("""
				INSERT INTO service_request_update (agency_id, request_id, kind, public_update, state, outcome, body,
				       author, created_at)
				VALUES (:agency, :request, :kind, :public, :state, :outcome, :body, :author, :now)
				""").param("agency", r.agency().value()).param("request", r.id()).param("kind", kind)
				.param("public", publicUpdate).param("state", r.state().name())
				.param("outcome", r.outcome() == null ? null : r.outcome().name()).param("body", body)
				.param("author", author).param("now", utc(now)).update();
	}

	public List<RequestUpdate> updates(long requestId) {
		return jdbc.sql("""
				SELECT u.id, u.request_id, r.public_id, u.kind, u.public_update, u.state, u.outcome, u.body, u.author,
				       u.created_at, s.private_category, r.moderation
				FROM service_request_update u JOIN service_request r ON r.id = u.request_id
				  JOIN report_service s ON s.id = r.service_id
				WHERE u.request_id = :request ORDER BY u.created_at, u.id
				""").param("request", requestId).query(ServiceRequestRepository::mapUpdate).list();
	}

	/** Public updates of public requests, for the mySociety {@code servicerequestupdates} resource. */
	List<RequestUpdate> publicUpdates(AgencyId agency, Instant from, Instant to, int limit) {
		return jdbc.sql("""
				SELECT u.id, u.request_id, r.public_id, u.kind, u.public_update, u.state, u.outcome, u.body, u.author,
				       u.created_at, s.private_category, r.moderation
				FROM service_request_update u
				  JOIN service_request r ON r.id = u.request_id
				  JOIN report_service s ON s.id = r.service_id
				WHERE u.agency_id = :agency AND u.public_update = TRUE AND u.created_at >= :from AND u.created_at <= :to
				  AND s.private_category = FALSE AND r.moderation <> 'rejected'
				ORDER BY u.created_at, u.id LIMIT :limit
				""").param("agency", agency.value()).param("from", utc(from)).param("to", utc(to)).param("limit", limit)
				.query(ServiceRequestRepository::mapUpdate).list();
	}

	/** The latest public update text of a request, for {@code status_notes}. */
	Optional<String> latestPublicNote(long requestId) {
		return jdbc.sql("""
				SELECT body FROM service_request_update
				WHERE request_id = :request AND public_update = TRUE AND body IS NOT NULL
				ORDER BY created_at DESC, id DESC LIMIT 1
				""").param("request", requestId).query(String.class).optional();
	}

	private static RequestUpdate mapUpdate(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		return new RequestUpdate(rs.getLong("id"), rs.getLong("request_id"), rs.getString("public_id"), rs.getString("kind"),
				rs.getBoolean("public_update"), RequestState.valueOf(rs.getString("state")),
				outcome == null ? null : Outcome.valueOf(outcome), rs.getString("body"), rs.getString("author"),
				instant(rs, "created_at"), rs.getBoolean("private_category"),
				Moderation.REJECTED.db().equals(rs.getString("moderation")));
	}

	private static StoredRequest map(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		long duplicateOf = rs.getLong("duplicate_of");
		Long duplicate = rs.wasNull() ? null : duplicateOf;
		long receiptId = rs.getLong("receipt_id");
		Long receipt = rs.wasNull() ? null : receiptId;
		return new StoredRequest(rs.getLong("id"), AgencyId.of(rs.getLong("agency_id")), rs.getString("public_id"),
				rs.getString("token"), rs.getLong("service_id"), rs.getString("service_code"), rs.getString("service_name"),
				rs.getBoolean("private_category"), ServiceType.fromWire(rs.getString("service_type")), rs.getInt("sla_hours"),
				rs.getString("service_notice"), rs.getString("description"), (Double) rs.getObject("lat", Double.class),
				rs.getObject("lon", Double.class), rs.getString("address_string"), rs.getString("address_id"),
				rs.getString("media_url"), RequestState.valueOf(rs.getString("state")),
				outcome == null ? null : Outcome.valueOf(outcome), rs.getString("status_notes"),
				Moderation.fromDb(rs.getString("moderation")), rs.getString("moderation_note"), rs.getString("assigned_to"),
				duplicate, receipt, rs.getString("channel"), instant(rs, "requested_at"), instant(rs, "updated_at"),
				instant(rs, "expected_at"), instant(rs, "closed_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static OffsetDateTime utc(Instant t) {
		return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
	}
}
