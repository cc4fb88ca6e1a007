package org.beacon.agency;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks agencies up; the one the default configuration created is {@link #defaultAgency()}. */
@Service
public class Agencies {

	private final JdbcClient jdbc;
	private final AgencyProperties properties;

	Agencies(JdbcClient jdbc, AgencyProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** The agency named by {@code beacon.agency.code}, created on first start. */
	public Agency defaultAgency() {
		return byCode(properties.code())
				.orElseThrow(() -> new IllegalStateException("default agency '" + properties.code() + "' is not configured"));
	}

	public Optional<Agency> byCode(String code) {
		return jdbc.sql("SELECT id, code, name, time_zone, projection FROM agency WHERE code = :code")
				.param("code", code).query(Agencies::map).optional();
	}

	public Agency get(AgencyId id) {
		return jdbc.sql("SELECT id, code, name, time_zone, projection FROM agency WHERE id = :id")
				.param("id", id.value()).query(Agencies::map).optional()
				.orElseThrow(() -> new IllegalArgumentException("no agency with id " + id));
	}

	public List<Agency> all() {
		return jdbc.sql("SELECT id, code, name, time_zone, projection FROM agency ORDER BY id").query(Agencies::map).list();
	}

	/** Creates the agency unless one with the same code exists; safe when several nodes start at once. */
	@Transactional
	public Agency ensure(String code, String name, ZoneId zone, String projection) {
		jdbc.sql("""
				INSERT INTO agency (code, name, time_zone, projection)
				SELECT :code, :name, :zone, :projection
				WHERE NOT EXISTS (SELECT 1 FROM agency WHERE code = :code)
				""").param("code", code).param("name", name).param("zone", zone.getId()).param("projection", projection)
				.update();
		return byCode(code).orElseThrow();
	}

	/** Changes the projection, e.g. once geography has chosen a local one for {@code auto}. */
	public void setProjection(AgencyId id, String projection) {
		jdbc.sql("UPDATE agency SET projection = :projection WHERE id = :id")
				.param("projection", projection).param("id", id.value()).update();
	}

	private static Agency map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Agency(AgencyId.of(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
				ZoneId.of(rs.getString("time_zone")), rs.getString("projection"));
	}
}
