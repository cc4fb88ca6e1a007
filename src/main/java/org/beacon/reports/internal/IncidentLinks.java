package org.beacon.reports.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.identity.AuditTrail;
import org.beacon.incidents.IncidentLookup;
import org.beacon.incidents.IncidentRow;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff links from a report to incident records, checked against the incidents module's {@link IncidentLookup}
 * so a link always names a real incident of the same agency. Links are internal: audited, shown to staff, never
 * to the public.
 */
@Service
public class IncidentLinks {

	/** Incidents offered as candidates: within this distance of the report ... */
	public static final double NEARBY_METRES = 250;
	/** ... and at most this many. */
	static final int NEARBY_LIMIT = 20;

	private final JdbcClient jdbc;
	private final IncidentLookup incidents;
	private final ServiceRequestService requests;
	private final ServiceRequestRepository repository;
	private final ObjectProvider<AuditTrail> audit;

	IncidentLinks(JdbcClient jdbc, IncidentLookup incidents, ServiceRequestService requests,
			ServiceRequestRepository repository, ObjectProvider<AuditTrail> audit) {
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.requests = requests;
		this.repository = repository;
		this.audit = audit;
	}

	/** One link as staff see it. */
	public record Link(long incidentId, String source, String sourceId, String linkedBy, Instant linkedAt) {
	}

	/** Links the incident whose source id staff typed; a clear error when none or several match. */
	@Transactional
	public Link linkBySourceId(StoredRequest r, String sourceId, String actor) {
		return link(r, incidents.oneBySourceId(r.agency(), sourceId), actor);
	}

	/** Links an incident picked from the nearby list, by Beacon's id. */
	@Transactional
	public Link linkById(StoredRequest r, long incidentId, String actor) {
		IncidentRow row = incidents.byId(r.agency(), incidentId).orElseThrow(
				() -> new IllegalArgumentException("incident " + incidentId + ": no counted incident of this agency has it"));
		return link(r, row, actor);
	}

	/** Located incidents near the report in the {@code days} before it was made (and since), nearest first. */
	public List<IncidentRow> nearby(StoredRequest r, int days) {
		if (!r.located()) {
			return List.of();
		}
		Instant since = r.requestedAt().minus(Duration.ofDays(Math.max(1, days)));
		return incidents.near(r.agency(), r.lat(), r.lon(), NEARBY_METRES, since, NEARBY_LIMIT);
	}

	public List<Link> links(long requestId) {
		return jdbc.sql("""
				SELECT incident_id, incident_source, incident_source_id, linked_by, linked_at
				FROM service_request_incident WHERE request_id = :request ORDER BY linked_at, id
				""").param("request", requestId).query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant())).list();
	}

	/** Source ids linked to each of the requests, for the queue. */
	public Map<Long, List<String>> sourceIds(List<Long> requestIds) {
		Map<Long, List<String>> result = new LinkedHashMap<>();
		if (requestIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT request_id, incident_source_id FROM service_request_incident
				WHERE request_id IN (:ids) ORDER BY request_id, linked_at, id
				""").param("ids", requestIds).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
				.forEach(e -> result.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
		return result;
	}

	private Link link(StoredRequest r, IncidentRow incident, String actor) {
		Instant now = requests.now();
		try {
			jdbc.sql("""
					INSERT INTO service_request_incident (agency_id, request_id, incident_id, incident_source,
					       incident_source_id, linked_by, linked_at)
					VALUES (:agency, :request, :incident, :source, :sourceId, :actor, :now)
					""").param("agency", r.agency().value()).param("request", r.id()).param("incident", incident.id())
					.param("source", incident.source()).param("sourceId", incident.sourceId()).param("actor", actor)
					.param("now", ServiceRequestRepository.utc(now)).update();
		}
		catch (DuplicateKeyException e) {
			throw new IllegalArgumentException("incident " + incident.sourceId() + " is already linked to this report");
		}
		repository.addUpdate(r, "incident", false, "Linked to incident " + incident.source() + " " + incident.sourceId(),
				actor, now);
		audit.ifAvailable(trail -> trail.record("reports.incident.link",
				"service_request:" + r.publicId() + " incident:" + incident.id(), "success"));
		return new Link(incident.id(), incident.source(), incident.sourceId(), actor, now);
	}
}
