package org.beacon.overdose.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code overdose_recipient}. Recipients are disabled, never deleted: deliveries refer to them. */
@Repository
public class RecipientRepository {

	private static final String COLUMNS = """
			id, agency_id, username, label, email, webhook_url, webhook_secret, enabled, created_by, created_at""";

	private final JdbcClient jdbc;

	RecipientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Recipient> list(AgencyId agency) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM overdose_recipient WHERE agency_id = :agency ORDER BY label, id")
				.param("agency", agency.value()).query(RecipientRepository::map).list();
	}

	public Optional<Recipient> find(AgencyId agency, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM overdose_recipient WHERE agency_id = :agency AND id = :id")
				.param("agency", agency.value()).param("id", id).query(RecipientRepository::map).optional();
	}

	public long insert(AgencyId agency, String username, String label, String email, String webhookUrl, String secret,
			String createdBy, Instant now) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO overdose_recipient (agency_id, username, label, email, webhook_url, webhook_secret, enabled,
				    created_by, created_at)
				VALUES (:agency, :username, :label, :email, :url, :secret, TRUE, :by, :at)""")
				.param("agency", agency.value()).param("username", username).param("label", label).param("email", email)
				.param("url", webhookUrl).param("secret", secret).param("by", createdBy)
				.param("at", AlarmRepository.utc(now)).update(keys, "id");
		return keys.getKey().longValue();
	}

	public boolean setEnabled(AgencyId agency, long id, boolean enabled) {
		return jdbc.sql("UPDATE overdose_recipient SET enabled = :enabled WHERE agency_id = :agency AND id = :id")
				.param("enabled", enabled).param("agency", agency.value()).param("id", id).update() == 1;
	}

	static Recipient map(ResultSet rs, int row) throws SQLException {
		return new Recipient(rs.getLong("id"), AgencyId.of(rs.getLong("agency_id")), rs.getString("username"),
				rs.getString("label"), rs.getString("email"), rs.getString("webhook_url"), rs.getString("webhook_secret"),
				rs.getBoolean("enabled"), rs.getString("created_by"), OverdoseEventRepository.instant(rs, "created_at"));
	}
}
