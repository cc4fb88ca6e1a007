package org.beacon.reports.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.agency.Agency;
import org.beacon.disclosure.PublicDisclosure;
import org.beacon.disclosure.PublicReport;
import org.beacon.disclosure.ReportUpdate;
import org.beacon.disclosure.ResidentReport;
import org.beacon.reports.ReportService;
import org.beacon.reports.internal.Moderation;
import org.beacon.reports.internal.Open311Queries;
import org.beacon.reports.internal.Outcome;
import org.beacon.reports.internal.RequestUpdate;
import org.beacon.reports.internal.ServiceRequestService;
import org.beacon.reports.internal.ServiceRequestService.Submitted;
import org.beacon.reports.internal.StoredRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public face of a service request, made by {@link PublicDisclosure}, Beacon's one rule set for public
 * output: the point generalised to its H3 cell centre, resident text (description, hundred-block address,
 * media) only after moderation approved it, private categories and rejected requests never. Reporter details
 * are not even asked for.
 */
@Component
class Open311Requests {

	private final Open311Queries queries;
	private final ServiceRequestService requests;
	private final PublicDisclosure disclosure;

	Open311Requests(Open311Queries queries, ServiceRequestService requests, PublicDisclosure disclosure) {
		this.queries = queries;
		this.requests = requests;
		this.disclosure = disclosure;
	}

	/** The POST answer: id xor token (nothing for blackbox), the notice, and the receipt extension. */
	Map<String, Object> created(Submitted submitted, ReportService service, boolean extensions) {
		StoredRequest r = submitted.request();
		Map<String, Object> m = new LinkedHashMap<>();
		switch (service.type()) {
			case REALTIME -> m.put("service_request_id", r.publicId());
			case BATCH -> m.put("token", r.token());
			case BLACKBOX -> {
			}
		}
		String notice = submitted.holdReason()
				.map(reason -> service.serviceNotice() == null ? reason : service.serviceNotice() + " " + reason)
				.orElse(service.serviceNotice());
		m.put("service_notice", notice);
		if (extensions && submitted.receipt().isPresent()) {
			var receipt = submitted.receipt().get();
			Map<String, Object> ext = new LinkedHashMap<>();
			ext.put("receipt_id", receipt.code());
			ext.put("receipt_passphrase", receipt.passphrase());
			ext.put("receipt_expires", Open311Controller.datetime(receipt.expiresAt(), java.time.ZoneOffset.UTC));
			ext.put("receipt_url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/tips/receipt").toUriString());
			m.put("extended_attributes", ext);
		}
		return m;
	}

	/** The requests the public may see, in order; the others are left out. */
	List<Map<String, Object>> list(Agency agency, List<StoredRequest> found, boolean extensions) {
		Instant now = requests.now();
		List<Map<String, Object>> out = new java.util.ArrayList<>();
		for (StoredRequest r : found) {
			disclosure.disclose(facts(r)).ifPresent(p -> out.add(request(agency, r, p, extensions, now)));
		}
		return out;
	}

	static ResidentReport facts(StoredRequest r) {
		return new ResidentReport(r.privateCategory(), r.moderation() == Moderation.REJECTED,
				r.moderation() == Moderation.APPROVED, r.lat(), r.lon(), r.address(), r.description(), r.mediaUrl());
	}

	private Map<String, Object> request(Agency agency, StoredRequest r, PublicReport p, boolean extensions, Instant now) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("service_request_id", r.publicId());
		m.put("status", r.state().open311Status());
		m.put("status_notes", queries.statusNotes(r).orElse(null));
		m.put("service_name", r.serviceName());
		m.put("service_code", r.serviceCode());
		m.put("description", p.description());
		m.put("agency_responsible", agency.name());
		m.put("service_notice", r.serviceNotice());
		m.put("requested_datetime", Open311Controller.datetime(r.requestedAt(), agency.timeZone()));
		m.put("updated_datetime", Open311Controller.datetime(r.closedAt() != null ? r.closedAt() : r.updatedAt(),
				agency.timeZone()));
		m.put("expected_datetime", Open311Controller.datetime(r.expectedAt(), agency.timeZone()));
		m.put("address", p.address());
		m.put("lat", p.lat());
		m.put("long", p.lon());
		m.put("media_url", p.mediaUrl());
		if (extensions) {
			Map<String, Object> ext = new LinkedHashMap<>();
			ext.put("status_extended", Outcome.extendedStatus(r.state(), r.outcome()));
			ext.put("outcome", r.outcome() == null ? null : r.outcome().name().toLowerCase(java.util.Locale.ROOT));
			ext.put("overdue", r.overdue(now));
			m.put("extended_attributes", ext);
		}
		return m;
	}

	/**
	 * mySociety {@code request_update} entries of the updates the public may read: the fields its schema
	 * requires ({@code update_id}, {@code service_request_id}, {@code status} as an extended status,
	 * {@code updated_datetime}, {@code description}, {@code media_url}, empty when there is none) and
	 * {@code external_status_code}, the honest outcome of a closed request.
	 */
	List<Map<String, Object>> updates(Agency agency, List<RequestUpdate> updates) {
		List<Map<String, Object>> out = new java.util.ArrayList<>();
		for (RequestUpdate u : updates) {
			disclosure.disclose(new ReportUpdate(u.privateCategory(), u.requestRejected(), u.publicUpdate(), u.body()))
					.ifPresent(p -> {
						Map<String, Object> m = new LinkedHashMap<>();
						m.put("update_id", Long.toString(u.id()));
						m.put("service_request_id", u.requestPublicId());
						m.put("status", u.extendedStatus());
						m.put("updated_datetime", Open311Controller.datetime(u.at(), agency.timeZone()));
						m.put("description", p.text());
						m.put("media_url", "");
						if (u.outcome() != null) {
							m.put("external_status_code", u.outcome().name().toLowerCase(java.util.Locale.ROOT));
						}
						out.add(m);
					});
		}
		return out;
	}
}
