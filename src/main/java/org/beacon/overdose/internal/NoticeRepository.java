package org.beacon.overdose.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for {@code resident_notice}. Withdrawn notices are kept and marked, never deleted. */
@Repository
public class NoticeRepository {

	private static final String COLUMNS = """
			id, agency_id, alarm_id, area_level, area_code, area_name, title, body, count_text, published_by,
			published_at, withdrawn_by, withdrawn_at, withdrawn_reason""";

	private final JdbcClient jdbc;

	NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(AgencyId agency, Long alarmId, String level, String code, String name, String title, String body,
			String countText, String by, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO resident_notice (agency_id, alarm_id, area_level, area_code, area_name, title, body,
				    count_text, published_by, published_at)
				VALUES (:agency, :alarm, :level, :code, :name, :title, :body, :count, :by, :at)""")
				.param("agency", agency.value()).param("alarm", alarmId).param("level", level).param("code", code)
				.param("name", name).param("title", title).param("body", body).param("count", countText)
				.param("by", by).param("at", AlarmRepository.utc(at)).update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean withdraw(AgencyId agency, long id, String by, String reason, Instant at) {
		return jdbc.sql("""
				UPDATE resident_notice SET withdrawn_by = :by, withdrawn_at = :at, withdrawn_reason = :reason
				WHERE agency_id = :agency AND id = :id AND withdrawn_at IS NULL""")
				.param("by", by).param("at", AlarmRepository.utc(at)).param("reason", reason)
				.param("agency", agency.value()).param("id", id).update() == 1;
	}

	public Optional<ResidentNotice> find(AgencyId agency, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM resident_notice WHERE agency_id = :agency AND id = :id")
				.param("agency", agency.value()).param("id", id).query(NoticeRepository::map).optional();
	}

	/** Published and not withdrawn, newest first. */
	public List<ResidentNotice> current(AgencyId agency, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				FROM resident_notice WHERE agency_id = :agency AND withdrawn_at IS NULL
				ORDER BY published_at DESC, id DESC LIMIT :limit""")
				.param("agency", agency.value()).param("limit", limit).query(NoticeRepository::map).list();
	}

	/** All of an alarm's notices, withdrawn ones too. */
	public List<ResidentNotice> forAlarm(AgencyId agency, long alarmId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM resident_notice WHERE agency_id = :agency AND alarm_id = :alarm ORDER BY id")
				.param("agency", agency.value()).param("alarm", alarmId).query(NoticeRepository::map).list();
	}

	static ResidentNotice map(ResultSet rs, int row) throws SQLException {
		return new ResidentNotice(rs.getLong("id"), AgencyId.of(rs.getLong("agency_id")),
				OverdoseEventRepository.nullableLong(rs, "alarm_id"), rs.getString("area_level"), rs.getString("area_code"),
				rs.getString("area_name"), rs.getString("title"), rs.getString("body"), rs.getString("count_text"),
				rs.getString("published_by"), OverdoseEventRepository.instant(rs, "published_at"),
				rs.getString("withdrawn_by"), OverdoseEventRepository.instant(rs, "withdrawn_at"),
				rs.getString("withdrawn_reason"));
	}
}
