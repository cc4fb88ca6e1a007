package org.beacon.tips.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.identity.AuditTrail;
import org.beacon.incidents.IncidentLookup;
import org.beacon.incidents.IncidentRow;
import org.beacon.shared.AgencyId;
import org.beacon.tips.TipIncidentLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staff links from a tip to incident records, checked against the incidents module's {@link IncidentLookup} so a
 * link always names a counted incident of the tip's agency. Kept as a note in the tip's history (which the
 * tipster never sees) and audited.
 */
@Component
class TipIncidentLinks {

	/** Incidents offered as candidates: within {@link TipIncidentLink#NEARBY_METRES}, and at most this many. */
	static final int NEARBY_LIMIT = 20;

	private final JdbcClient jdbc;
	private final IncidentLookup incidents;
	private final TipRepository tips;
	private final ObjectProvider<AuditTrail> audit;

	TipIncidentLinks(JdbcClient jdbc, IncidentLookup incidents, TipRepository tips, ObjectProvider<AuditTrail> audit) {
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.tips = tips;
		this.audit = audit;
	}

	TipIncidentLink bySourceId(AgencyId agency, long tipId, String sourceId, String actor, Instant now) {
		return link(agency, tipId, incidents.oneBySourceId(agency, sourceId), actor, now);
	}

	TipIncidentLink byId(AgencyId agency, long tipId, long incidentId, String actor, Instant now) {
		IncidentRow row = incidents.byId(agency, incidentId).orElseThrow(
				() -> new IllegalArgumentException("incident " + incidentId + ": no counted incident of this agency has it"));
		return link(agency, tipId, row, actor, now);
	}

	List<IncidentRow> nearby(AgencyId agency, double lat, double lon, Instant receivedAt, int days) {
		Instant since = receivedAt.minus(Duration.ofDays(Math.max(1, days)));
		return incidents.near(agency, lat, lon, TipIncidentLink.NEARBY_METRES, since, NEARBY_LIMIT);
	}

	List<TipIncidentLink> links(AgencyId agency, long tipId) {
		return jdbc.sql("""
				SELECT incident_id, incident_source, incident_source_id, linked_by, linked_at
				FROM tip_incident WHERE agency_id = :agency AND tip_id = :tip ORDER BY linked_at, id
				""").param("agency", agency.value()).param("tip", tipId)
				.query((rs, n) -> new TipIncidentLink(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, OffsetDateTime.class).toInstant()))
				.list();
	}

	Map<Long, List<String>> sourceIds(AgencyId agency, Collection<Long> tipIds) {
		Map<Long, List<String>> result = new LinkedHashMap<>();
		if (tipIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT tip_id, incident_source_id FROM tip_incident
				WHERE agency_id = :agency AND tip_id IN (:tips) ORDER BY tip_id, linked_at, id
				""").param("agency", agency.value()).param("tips", tipIds)
				.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
				.forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return result;
	}

	private TipIncidentLink link(AgencyId agency, long tipId, IncidentRow incident, String actor, Instant now) {
		try {
			jdbc.sql("""
					INSERT INTO tip_incident (agency_id, tip_id, incident_id, incident_source, incident_source_id,
					       linked_by, linked_at)
					VALUES (:agency, :tip, :incident, :source, :sourceId, :actor, :now)
					""").param("agency", agency.value()).param("tip", tipId).param("incident", incident.id())
					.param("source", incident.source()).param("sourceId", incident.sourceId()).param("actor", actor)
					.param("now", TipRepository.utc(now)).update();
		}
		catch (DuplicateKeyException e) {
			throw new IllegalArgumentException("incident " + incident.sourceId() + " is already linked to this tip");
		}
		tips.note(tipId, "incident", "Linked to incident " + incident.source() + " " + incident.sourceId(), actor, now);
		audit.ifAvailable(trail -> trail.record("tips.incident.link", "tip:" + tipId + " incident:" + incident.id(),
				"success"));
		return new TipIncidentLink(incident.id(), incident.source(), incident.sourceId(), actor, now);
	}
}
