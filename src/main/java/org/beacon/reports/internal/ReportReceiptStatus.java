package org.beacon.reports.internal;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.beacon.agency.Agencies;
import org.beacon.tips.ReceiptStatusSource;
import org.springframework.stereotype.Component;

/**
 * The status line a resident sees for a report when they open its receipt: what the public could see too, plus
 * the date the service promised (its SLA) and whether that date has passed.
 */
@Component
class ReportReceiptStatus implements ReceiptStatusSource {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ServiceRequestRepository repository;
	private final ServiceRequestService requests;
	private final Agencies agencies;

	ReportReceiptStatus(ServiceRequestRepository repository, ServiceRequestService requests, Agencies agencies) {
		this.repository = repository;
		this.requests = requests;
		this.agencies = agencies;
	}

	@Override
	public Optional<String> statusLine(long receiptId) {
		return repository.byReceipt(receiptId).map(r -> {
			String state = r.state() == RequestState.CLOSED && r.outcome() != null ? r.outcome().label() : r.state().label();
			String notes = r.statusNotes() == null || r.state() == RequestState.CLOSED ? "" : " — " + r.statusNotes();
			return "Report " + r.publicId() + " (" + r.serviceName() + "): " + state + notes + due(r);
		});
	}

	private String due(StoredRequest r) {
		if (r.expectedAt() == null || !r.state().isOpen()) {
			return "";
		}
		String when = DAY.withZone(agencies.get(r.agency()).timeZone()).format(r.expectedAt());
		return r.overdue(requests.now()) ? ". Expected by " + when + ": overdue" : ". Expected by " + when;
	}
}
