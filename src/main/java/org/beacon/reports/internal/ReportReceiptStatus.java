package org.beacon.reports.internal;

import java.util.Optional;

import org.beacon.tips.ReceiptStatusSource;
import org.springframework.stereotype.Component;

/** The status line a resident sees for a report when they open its receipt: what the public could see too. */
@Component
class ReportReceiptStatus implements ReceiptStatusSource {

	private final ServiceRequestRepository repository;

	ReportReceiptStatus(ServiceRequestRepository repository) {
		this.repository = repository;
	}

	@Override
	public Optional<String> statusLine(long receiptId) {
		return repository.byReceipt(receiptId).map(r -> {
			String state = r.state() == RequestState.CLOSED && r.outcome() != null ? r.outcome().label() : r.state().label();
			String notes = r.statusNotes() == null || r.state() == RequestState.CLOSED ? "" : " — " + r.statusNotes();
			return "Report " + r.publicId() + " (" + r.serviceName() + "): " + state + notes;
		});
	}
}
