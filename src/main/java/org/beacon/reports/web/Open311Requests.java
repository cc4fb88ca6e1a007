package org.beacon.reports.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.agency.Agency;
import org.beacon.reports.ReportService;
import org.beacon.reports.internal.Moderation;
import org.beacon.reports.internal.Open311Queries;
import org.beacon.reports.internal.Outcome;
import org.beacon.reports.internal.PublicLocation;
import org.beacon.reports.internal.RequestUpdate;
import org.beacon.reports.internal.ServiceRequestService;
import org.beacon.reports.internal.ServiceRequestService.Submitted;
import org.beacon.reports.internal.StoredRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public face of a service request. One rule set: location generalised to the block, resident text
 * (description, address, media) only after moderation approved it, reporter details never, private
 * categories never (they are filtered out before they get here).
 */
@Component
class Open311Requests {

	private final Open311Queries queries;
	private final ServiceRequestService requests;

	Open311Requests(Open311Queries queries, ServiceRequestService requests) {
		this.queries = queries;
		this.requests = requests;
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

	List<Map<String, Object>> list(Agency agency, List<StoredRequest> found, boolean extensions) {
		Instant now = requests.now();
		return found.stream().map(r -> request(agency, r, extensions, now)).toList();
	}

	private Map<String, Object> request(Agency agency, StoredRequest r, boolean extensions, Instant now) {
		boolean approved = r.moderation() == Moderation.APPROVED && !r.privateCategory();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("service_request_id", r.publicId());
		m.put("status", r.state().open311Status());
		m.put("status_notes", queries.statusNotes(r).orElse(null));
		m.put("service_name", r.serviceName());
		m.put("service_code", r.serviceCode());
		m.put("description", approved ? r.description() : null);
		m.put("agency_responsible", agency.name());
		m.put("service_notice", r.serviceNotice());
		m.put("requested_datetime", Open311Controller.datetime(r.requestedAt(), agency.timeZone()));
		m.put("updated_datetime", Open311Controller.datetime(r.closedAt() != null ? r.closedAt() : r.updatedAt(),
				agency.timeZone()));
		m.put("expected_datetime", Open311Controller.datetime(r.expectedAt(), agency.timeZone()));
		m.put("address", approved ? PublicLocation.block(r.address()) : null);
		m.put("lat", r.located() ? PublicLocation.snap(r.lat()) : null);
		m.put("long", r.located() ? PublicLocation.snap(r.lon()) : null);
		m.put("media_url", approved ? r.mediaUrl() : null);
		if (extensions) {
			Map<String, Object> ext = new LinkedHashMap<>();
			ext.put("status_extended", Outcome.extendedStatus(r.state(), r.outcome()));
			ext.put("outcome", r.outcome() == null ? null : r.outcome().name().toLowerCase(java.util.Locale.ROOT));
			ext.put("overdue", r.overdue(now));
			m.put("extended_attributes", ext);
		}
		return m;
	}

	/** mySociety request_update entries. */
	List<Map<String, Object>> updates(Agency agency, List<RequestUpdate> updates) {
		return updates.stream().map(u -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("update_id", Long.toString(u.id()));
			m.put("service_request_id", u.requestPublicId());
			m.put("status", u.extendedStatus());
			m.put("updated_datetime", Open311Controller.datetime(u.at(), agency.timeZone()));
			m.put("description", u.body() == null ? "" : u.body());
			return m;
		}).toList();
	}
}
