package org.beacon.tips.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beacon.shared.AgencyId;
import org.beacon.tips.TipCategory;
import org.beacon.tips.TipDetail;
import org.beacon.tips.TipImage;
import org.beacon.tips.TipOutcome;
import org.beacon.tips.TipQueueFilter;
import org.beacon.tips.TipSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for tips, their notes and attachments. */
@Repository
class TipRepository {

	private static final String SUMMARY = """
			SELECT t.id, t.category, t.body, t.state, t.outcome, t.moderation, t.moderation_note, t.assigned_to,
			       t.received_at, t.receipt_id,
			       (SELECT COUNT(*) FROM tip_attachment a WHERE a.tip_id = t.id) AS attachments,
			       (SELECT COUNT(*) FROM receipt_message m WHERE m.receipt_id = t.receipt_id AND m.sender = 'resident'
			          AND m.id > COALESCE((SELECT MAX(s.id) FROM receipt_message s
			                               WHERE s.receipt_id = t.receipt_id AND s.sender = 'staff'), 0)) AS unanswered
			FROM tip t
			""";

	private final JdbcClient jdbc;

	TipRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(AgencyId agency, TipSubmission tip, String moderation, String moderationNote, long receiptId,
			Instant receivedHour, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO tip (agency_id, category, body, location_text, lat, lon, occurred_text, state, moderation,
				       moderation_note, receipt_id, received_at, updated_at)
				VALUES (:agency, :category, :body, :location, :lat, :lon, :occurred, 'new', :moderation, :note, :receipt,
				       :received, :now)
				""").param("agency", agency.value()).param("category", tip.category().code()).param("body", tip.description())
				.param("location", tip.location()).param("lat", tip.lat()).param("lon", tip.lon())
				.param("occurred", tip.occurred()).param("moderation", moderation).param("note", moderationNote)
				.param("receipt", receiptId).param("received", utc(receivedHour)).param("now", utc(now)).update(key, "id");
		return key.getKey().longValue();
	}

	void insertAttachment(long tipId, ImageSanitizer.Sanitized image, byte[] original) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO tip_attachment (tip_id, content_type, width, height, working_copy, working_sha256)
				VALUES (:tip, :type, :width, :height, :bytes, :sha)
				""").param("tip", tipId).param("type", image.contentType()).param("width", image.width())
				.param("height", image.height()).param("bytes", image.bytes()).param("sha", image.sha256()).update(key, "id");
		jdbc.sql("""
				INSERT INTO tip_attachment_original (attachment_id, content_type, size_bytes, sha256, original)
				VALUES (:attachment, :type, :size, :sha, :bytes)
				""").param("attachment", key.getKey().longValue()).param("type", image.originalContentType())
				.param("size", original.length).param("sha", image.originalSha256()).param("bytes", original).update();
	}

	List<TipSummary> queue(AgencyId agency, TipQueueFilter filter) {
		StringBuilder sql = new StringBuilder(SUMMARY).append(" WHERE t.agency_id = :agency");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("agency", agency.value());
		if ("open".equals(filter.status())) {
			sql.append(" AND t.state <> 'closed'");
		}
		else if ("closed".equals(filter.status())) {
			sql.append(" AND t.state = 'closed'");
		}
		if (filter.category() != null) {
			sql.append(" AND t.category = :category");
			params.put("category", filter.category().code());
		}
		if ("-".equals(filter.assignee())) {
			sql.append(" AND t.assigned_to IS NULL");
		}
		else if (filter.assignee() != null) {
			sql.append(" AND t.assigned_to = :assignee");
			params.put("assignee", filter.assignee());
		}
		if (Boolean.TRUE.equals(filter.held())) {
			sql.append(" AND t.moderation = 'held'");
		}
		sql.append(" ORDER BY t.id DESC LIMIT :limit");
		params.put("limit", filter.limit());
		return jdbc.sql(sql.toString()).params(params).query(TipRepository::summary).list();
	}

	Optional<TipSummary> summary(AgencyId agency, long id) {
		return jdbc.sql(SUMMARY + " WHERE t.agency_id = :agency AND t.id = :id").param("agency", agency.value())
				.param("id", id).query(TipRepository::summary).optional();
	}

	Optional<Row> row(AgencyId agency, long id) {
		return jdbc.sql("""
				SELECT id, body, location_text, lat, lon, occurred_text, receipt_id, state FROM tip
				WHERE agency_id = :agency AND id = :id
				""").param("agency", agency.value()).param("id", id)
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("body"), rs.getString("location_text"),
						rs.getObject("lat", Double.class), rs.getObject("lon", Double.class), rs.getString("occurred_text"),
						rs.getLong("receipt_id"), rs.getString("state")))
				.optional();
	}

	List<TipDetail.Note> notes(long tipId) {
		return jdbc.sql("SELECT kind, body, author, created_at FROM tip_note WHERE tip_id = :tip ORDER BY id")
				.param("tip", tipId).query((rs, n) -> new TipDetail.Note(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, OffsetDateTime.class).toInstant()))
				.list();
	}

	List<TipDetail.Attachment> attachments(long tipId) {
		return jdbc.sql("""
				SELECT a.id, a.content_type, a.width, a.height, a.working_sha256, o.content_type AS original_type,
				       o.sha256, o.size_bytes
				FROM tip_attachment a JOIN tip_attachment_original o ON o.attachment_id = a.id
				WHERE a.tip_id = :tip ORDER BY a.id
				""").param("tip", tipId)
				.query((rs, n) -> new TipDetail.Attachment(rs.getLong("id"), rs.getString("content_type"), rs.getInt("width"),
						rs.getInt("height"), rs.getString("working_sha256"), rs.getString("original_type"),
						rs.getString("sha256"), rs.getInt("size_bytes")))
				.list();
	}

	Optional<TipImage> workingCopy(AgencyId agency, long tipId, long attachmentId) {
		return jdbc.sql("""
				SELECT a.content_type, a.working_copy, a.working_sha256
				FROM tip_attachment a JOIN tip t ON t.id = a.tip_id
				WHERE t.agency_id = :agency AND t.id = :tip AND a.id = :attachment
				""").param("agency", agency.value()).param("tip", tipId).param("attachment", attachmentId)
				.query((rs, n) -> new TipImage(rs.getString(1), rs.getBytes(2), rs.getString(3))).optional();
	}

	Optional<TipImage> original(AgencyId agency, long tipId, long attachmentId) {
		return jdbc.sql("""
				SELECT o.content_type, o.original, o.sha256
				FROM tip_attachment_original o JOIN tip_attachment a ON a.id = o.attachment_id JOIN tip t ON t.id = a.tip_id
				WHERE t.agency_id = :agency AND t.id = :tip AND a.id = :attachment
				""").param("agency", agency.value()).param("tip", tipId).param("attachment", attachmentId)
				.query((rs, n) -> new TipImage(rs.getString(1), rs.getBytes(2), rs.getString(3))).optional();
	}

	void set(long tipId, String column, Object value, Instant now) {
		String sql = switch (column) {
			case "assigned_to" -> "UPDATE tip SET assigned_to = :value, updated_at = :now WHERE id = :id";
			case "category" -> "UPDATE tip SET category = :value, updated_at = :now WHERE id = :id";
			case "moderation" -> "UPDATE tip SET moderation = :value, moderation_note = NULL, updated_at = :now WHERE id = :id";
			case "state" -> "UPDATE tip SET state = :value, updated_at = :now WHERE id = :id";
			default -> throw new IllegalArgumentException("not a settable tip column: " + column);
		};
		jdbc.sql(sql).param("value", value).param("now", utc(now)).param("id", tipId).update();
	}

	void close(long tipId, TipOutcome outcome, Instant now) {
		jdbc.sql("UPDATE tip SET state = 'closed', outcome = :outcome, closed_at = :now, updated_at = :now WHERE id = :id")
				.param("outcome", outcome.name()).param("now", utc(now)).param("id", tipId).update();
	}

	void reopen(long tipId, Instant now) {
		jdbc.sql("UPDATE tip SET state = 'open', outcome = NULL, closed_at = NULL, updated_at = :now WHERE id = :id")
				.param("now", utc(now)).param("id", tipId).update();
	}

	void note(long tipId, String kind, String body, String author, Instant now) {
		jdbc.sql("""
				INSERT INTO tip_note (tip_id, kind, body, author, created_at) VALUES (:tip, :kind, :body, :author, :now)
				""").param("tip", tipId).param("kind", kind).param("body", body).param("author", author)
				.param("now", utc(now)).update();
	}

	private static TipSummary summary(ResultSet rs, int n) throws SQLException {
		String body = rs.getString("body");
		String outcome = rs.getString("outcome");
		boolean held = "held".equals(rs.getString("moderation"));
		return new TipSummary(rs.getLong("id"), TipCategory.fromCode(rs.getString("category")),
				body.length() <= 140 ? body : body.substring(0, 140) + "…", rs.getString("state"),
				outcome == null ? null : TipOutcome.valueOf(outcome), held ? rs.getString("moderation_note") : null,
				rs.getString("assigned_to"), rs.getObject("received_at", OffsetDateTime.class).toInstant(),
				rs.getInt("attachments"), rs.getInt("unanswered"));
	}

	static OffsetDateTime utc(Instant t) {
		return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
	}

	record Row(long id, String body, String location, Double lat, Double lon, String occurred, long receiptId,
			String state) {
	}
}
