package org.beacon.reports.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.beacon.identity.AuditTrail;
import org.beacon.shared.AgencyId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What supervisors change in an agency's catalogue from the staff page: a category's name, SLA, whether it is
 * private and whether it is offered at all. Public reads join the catalogue, so a category made private stops
 * being public with the next request; the Open311 lookup cache of this node is cleared as well. Audited.
 */
@Service
public class CatalogueEditor {

	private final JdbcClient jdbc;
	private final JdbcServiceCatalogue catalogue;
	private final ServiceRequestService requests;
	private final ObjectProvider<AuditTrail> audit;

	CatalogueEditor(JdbcClient jdbc, JdbcServiceCatalogue catalogue, ServiceRequestService requests,
			ObjectProvider<AuditTrail> audit) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.requests = requests;
		this.audit = audit;
	}

	/** One category as the staff page shows it, active or not. */
	public record Entry(String code, String name, int slaHours, boolean privateCategory, boolean active) {
	}

	public List<Entry> entries(AgencyId agency) {
		return jdbc.sql("""
				SELECT code, name, sla_hours, private_category, active FROM report_service
				WHERE agency_id = :agency ORDER BY sort_order, code
				""").param("agency", agency.value()).query((rs, n) -> new Entry(rs.getString(1), rs.getString(2),
				rs.getInt(3), rs.getBoolean(4), rs.getBoolean(5))).list();
	}

	/**
	 * Changes one category. Errors name the field: {@code name} (1-200 characters), {@code slaHours} (1 to 8760,
	 * a year), {@code code} (must exist).
	 */
	@Transactional
	public Entry change(AgencyId agency, String code, String name, String slaHours, boolean privateCategory,
			boolean active, String actor) {
		List<String> errors = new ArrayList<>();
		String n = name == null ? "" : name.trim();
		if (n.isEmpty() || n.length() > 200) {
			errors.add("name must be 1 to 200 characters");
		}
		int sla = 0;
		try {
			sla = Integer.parseInt(slaHours == null ? "" : slaHours.trim());
		}
		catch (NumberFormatException e) {
			// reported below
		}
		if (sla < 1 || sla > 8760) {
			errors.add("slaHours must be a whole number of hours from 1 to 8760, was '" + slaHours + "'");
		}
		Entry before = entries(agency).stream().filter(e -> e.code().equals(code)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("code: no category '" + code + "' in this catalogue"));
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", errors));
		}
		String keywords = jdbc.sql("SELECT keywords FROM report_service WHERE agency_id = :agency AND code = :code")
				.param("agency", agency.value()).param("code", code).query(String.class).optional().orElse(null);
		jdbc.sql("""
				UPDATE report_service SET name = :name, sla_hours = :sla, private_category = :private, active = :active,
				       keywords = :keywords, updated_at = :now
				WHERE agency_id = :agency AND code = :code
				""").param("name", n).param("sla", sla).param("private", privateCategory).param("active", active)
				.param("keywords", keywords(keywords, privateCategory))
				.param("now", OffsetDateTime.ofInstant(requests.now(), ZoneOffset.UTC)).param("agency", agency.value())
				.param("code", code).update();
		catalogue.forget();
		Entry after = new Entry(code, n, sla, privateCategory, active);
		audit.ifAvailable(trail -> trail.record("reports.catalogue.change",
				"report_service:" + code + " " + describe(before, after), "success"));
		return after;
	}

	/** The mySociety {@code private} keyword follows the flag. */
	private static String keywords(String stored, boolean privateCategory) {
		List<String> words = new ArrayList<>(stored == null || stored.isBlank() ? List.of()
				: Arrays.stream(stored.split(",")).map(String::trim).filter(w -> !w.isEmpty()).toList());
		words.remove("private");
		if (privateCategory) {
			words.add("private");
		}
		return String.join(",", words);
	}

	private static String describe(Entry b, Entry a) {
		List<String> changes = new ArrayList<>();
		if (!b.name().equals(a.name())) {
			changes.add("name");
		}
		if (b.slaHours() != a.slaHours()) {
			changes.add("sla " + b.slaHours() + "->" + a.slaHours());
		}
		if (b.privateCategory() != a.privateCategory()) {
			changes.add("private " + b.privateCategory() + "->" + a.privateCategory());
		}
		if (b.active() != a.active()) {
			changes.add("active " + b.active() + "->" + a.active());
		}
		return changes.isEmpty() ? "(no change)" : String.join(", ", changes);
	}
}
