package org.beacon.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beacon.reports.AttributeDatatype;
import org.beacon.reports.ReportService;
import org.beacon.reports.ServiceAttribute;
import org.beacon.reports.ServiceCatalogue;
import org.beacon.reports.ServiceSpec;
import org.beacon.reports.ServiceType;
import org.beacon.shared.AgencyId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The catalogue in tables {@code report_service}, {@code report_service_attribute} and its values. */
@Service
class JdbcServiceCatalogue implements ServiceCatalogue {

	private static final String SELECT_SERVICE = """
			SELECT id, agency_id, code, name, description, group_name, keywords, service_type, private_category,
			       sla_hours, service_notice
			FROM report_service
			""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final LookupCache<String, Optional<ReportService>> byCode;

	JdbcServiceCatalogue(JdbcClient jdbc, ObjectProvider<Clock> clock, Open311Properties properties) {
		this.jdbc = jdbc;
		// resolved once, not looked up in the bean factory on every Open311 request
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.byCode = new LookupCache<>(properties.lookupTtl(), System::nanoTime);
	}

	@Override
	public List<ReportService> services(AgencyId agency) {
		List<Row> rows = jdbc.sql(SELECT_SERVICE + " WHERE agency_id = :agency AND active = TRUE ORDER BY sort_order, code")
				.param("agency", agency.value()).query(JdbcServiceCatalogue::row).list();
		return rows.stream().map(this::withAttributes).toList();
	}

	/** Kept for {@code beacon.open311.lookup-ttl}; {@link #define} on this node clears what is kept. */
	@Override
	public Optional<ReportService> service(AgencyId agency, String code) {
		return byCode.get(agency.value() + ":" + code, k -> jdbc
				.sql(SELECT_SERVICE + " WHERE agency_id = :agency AND code = :code AND active = TRUE")
				.param("agency", agency.value()).param("code", code).query(JdbcServiceCatalogue::row).optional()
				.map(this::withAttributes));
	}

	@Override
	public Optional<ReportService> byId(long id) {
		return jdbc.sql(SELECT_SERVICE + " WHERE id = :id").param("id", id).query(JdbcServiceCatalogue::row).optional()
				.map(this::withAttributes);
	}

	@Override
	public Instant changedAt(AgencyId agency) {
		return jdbc.sql("SELECT MAX(updated_at) FROM report_service WHERE agency_id = :agency")
				.param("agency", agency.value()).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
				.map(OffsetDateTime::toInstant).orElse(Instant.EPOCH);
	}

	@Override
	@Transactional
	public ReportService define(AgencyId agency, ServiceSpec spec) {
		Optional<Long> existing = jdbc.sql("SELECT id FROM report_service WHERE agency_id = :agency AND code = :code")
				.param("agency", agency.value()).param("code", spec.code()).query(Long.class).optional();
		long id = existing.map(serviceId -> update(serviceId, spec)).orElseGet(() -> insert(agency, spec, nextOrder(agency)));
		forget();
		return byId(id).orElseThrow();
	}

	/** Drops what this node kept of the catalogue, now and again after the current transaction commits. */
	void forget() {
		byCode.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// a request between the clear above and the commit may have kept the old definition
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					byCode.clear();
				}
			});
		}
	}

	@Override
	public void seedDefaults(AgencyId agency) {
		for (ServiceSpec spec : DefaultCatalogue.services()) {
			boolean present = jdbc.sql("SELECT COUNT(*) FROM report_service WHERE agency_id = :agency AND code = :code")
					.param("agency", agency.value()).param("code", spec.code()).query(Long.class).single() > 0;
			if (!present) {
				try {
					define(agency, spec);
				}
				catch (DuplicateKeyException anotherNodeWasFaster) {
					// the unique (agency_id, code) constraint settled the race; the other node's row stands
				}
			}
		}
	}

	private long insert(AgencyId agency, ServiceSpec spec, int order) {
		jdbc.sql("""
				INSERT INTO report_service (agency_id, code, name, description, group_name, keywords, service_type,
				       private_category, sla_hours, service_notice, sort_order, active, updated_at)
				VALUES (:agency, :code, :name, :description, :group, :keywords, :type, :private, :sla, :notice, :order,
				       TRUE, :now)
				""").param("agency", agency.value()).params(serviceParams(spec)).param("order", order).update();
		long id = jdbc.sql("SELECT id FROM report_service WHERE agency_id = :agency AND code = :code")
				.param("agency", agency.value()).param("code", spec.code()).query(Long.class).single();
		insertAttributes(id, spec.attributes());
		return id;
	}

	private long update(long id, ServiceSpec spec) {
		jdbc.sql("""
				UPDATE report_service SET name = :name, description = :description, group_name = :group,
				       keywords = :keywords, service_type = :type, private_category = :private, sla_hours = :sla,
				       service_notice = :notice, active = TRUE, updated_at = :now
				WHERE id = :id
				""").params(serviceParams(spec)).param("id", id).update();
		jdbc.sql("""
				DELETE FROM report_service_attribute_value
				WHERE attribute_id IN (SELECT id FROM report_service_attribute WHERE service_id = :id)
				""").param("id", id).update();
		jdbc.sql("DELETE FROM report_service_attribute WHERE service_id = :id").param("id", id).update();
		insertAttributes(id, spec.attributes());
		return id;
	}

	private Map<String, Object> serviceParams(ServiceSpec spec) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("code", spec.code());
		p.put("name", spec.name());
		p.put("description", spec.description());
		p.put("group", spec.group());
		p.put("keywords", String.join(",", spec.keywords()));
		p.put("type", spec.type().wire());
		p.put("private", spec.privateCategory());
		p.put("sla", spec.slaHours());
		p.put("notice", spec.serviceNotice());
		p.put("now", now());
		return p;
	}

	private void insertAttributes(long serviceId, List<ServiceAttribute> attributes) {
		for (ServiceAttribute a : attributes) {
			jdbc.sql("""
					INSERT INTO report_service_attribute (service_id, code, variable, datatype, required,
					       datatype_description, attr_order, description)
					VALUES (:service, :code, :variable, :datatype, :required, :datatypeDescription, :order, :description)
					""").param("service", serviceId).param("code", a.code()).param("variable", a.variable())
					.param("datatype", a.datatype().wire()).param("required", a.required())
					.param("datatypeDescription", a.datatypeDescription()).param("order", a.order())
					.param("description", a.description()).update();
			long attributeId = jdbc.sql("SELECT id FROM report_service_attribute WHERE service_id = :service AND code = :code")
					.param("service", serviceId).param("code", a.code()).query(Long.class).single();
			int position = 0;
			for (ServiceAttribute.Value v : a.values()) {
				jdbc.sql("""
						INSERT INTO report_service_attribute_value (attribute_id, value_key, value_name, sort_order)
						VALUES (:attribute, :key, :name, :order)
						""").param("attribute", attributeId).param("key", v.key()).param("name", v.name())
						.param("order", ++position).update();
			}
		}
	}

	private int nextOrder(AgencyId agency) {
		return jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM report_service WHERE agency_id = :agency")
				.param("agency", agency.value()).query(Integer.class).single();
	}

	private ReportService withAttributes(Row row) {
		List<AttributeRow> attributeRows = jdbc.sql("""
				SELECT id, code, variable, datatype, required, datatype_description, attr_order, description
				FROM report_service_attribute WHERE service_id = :service ORDER BY attr_order
				""").param("service", row.id()).query(JdbcServiceCatalogue::attributeRow).list();
		List<ServiceAttribute> attributes = new ArrayList<>();
		for (AttributeRow a : attributeRows) {
			List<ServiceAttribute.Value> values = jdbc.sql("""
					SELECT value_key, value_name FROM report_service_attribute_value
					WHERE attribute_id = :attribute ORDER BY sort_order
					""").param("attribute", a.id())
					.query((rs, n) -> new ServiceAttribute.Value(rs.getString(1), rs.getString(2))).list();
			attributes.add(new ServiceAttribute(a.code(), a.variable(), a.datatype(), a.required(), a.datatypeDescription(),
					a.order(), a.description(), values));
		}
		return new ReportService(row.id(), AgencyId.of(row.agencyId()), row.code(), row.name(), row.description(),
				row.group(), row.keywords(), row.type(), row.privateCategory(), row.slaHours(), row.serviceNotice(), attributes);
	}

	private static AttributeRow attributeRow(ResultSet rs, int n) throws SQLException {
		return new AttributeRow(rs.getLong("id"), rs.getString("code"), rs.getBoolean("variable"),
				AttributeDatatype.fromWire(rs.getString("datatype")), rs.getBoolean("required"),
				rs.getString("datatype_description"), rs.getInt("attr_order"), rs.getString("description"));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String keywords = rs.getString("keywords");
		return new Row(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("code"), rs.getString("name"),
				rs.getString("description"), rs.getString("group_name"),
				keywords == null || keywords.isBlank() ? List.of() : Arrays.stream(keywords.split(",")).map(String::trim).toList(),
				ServiceType.fromWire(rs.getString("service_type")), rs.getBoolean("private_category"), rs.getInt("sla_hours"),
				rs.getString("service_notice"));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
				.truncatedTo(ChronoUnit.MILLIS);
	}

	private record AttributeRow(long id, String code, boolean variable, AttributeDatatype datatype, boolean required,
			String datatypeDescription, int order, String description) {
	}

	private record Row(long id, long agencyId, String code, String name, String description, String group,
			List<String> keywords, ServiceType type, boolean privateCategory, int slaHours, String serviceNotice) {
	}
}
