package org.beacon.reports.internal;

import java.time.Instant;

import org.beacon.reports.ReportService;

/** A stored request with some triage fields changed; what it does not set stays as it was. */
final class RequestCopy {
	private final StoredRequest r;
	private long serviceId;
	private RequestState state;
	private Outcome outcome;
	private String statusNotes;
	private Moderation moderation;
	private String moderationNote;
	private String assignedTo;
	private Long duplicateOf;
	private Instant expectedAt;
	private Instant closedAt;

	RequestCopy(StoredRequest r) {
		this.r = r;
		this.serviceId = r.serviceId();
		this.state = r.state();
		this.outcome = r.outcome();
		this.statusNotes = r.statusNotes();
		this.moderation = r.moderation();
		this.moderationNote = r.moderationNote();
		this.assignedTo = r.assignedTo();
		this.duplicateOf = r.duplicateOf();
		this.expectedAt = r.expectedAt();
		this.closedAt = r.closedAt();
	}

	RequestCopy service(ReportService s) {
		serviceId = s.id();
		return this;
	}

	RequestCopy state(RequestState s) {
		state = s;
		return this;
	}

	RequestCopy outcome(Outcome o) {
		outcome = o;
		return this;
	}

	RequestCopy statusNotes(String n) {
		statusNotes = n;
		return this;
	}

	RequestCopy moderation(Moderation m) {
		moderation = m;
		return this;
	}

	RequestCopy moderationNote(String n) {
		moderationNote = n;
		return this;
	}

	RequestCopy assignedTo(String a) {
		assignedTo = a;
		return this;
	}

	RequestCopy duplicateOf(Long d) {
		duplicateOf = d;
		return this;
	}

	RequestCopy expectedAt(Instant e) {
		expectedAt = e;
		return this;
	}

	RequestCopy closedAt(Instant c) {
		closedAt = c;
		return this;
	}

	StoredRequest build() {
		return new StoredRequest(r.id(), r.agency(), r.publicId(), r.token(), serviceId, r.serviceCode(), r.serviceName(),
				r.privateCategory(), r.serviceType(), r.slaHours(), r.serviceNotice(), r.description(), r.lat(), r.lon(),
				r.address(), r.addressId(), r.mediaUrl(), state, outcome, statusNotes, moderation, moderationNote,
				assignedTo, duplicateOf, r.receiptId(), r.channel(), r.requestedAt(), r.updatedAt(), expectedAt, closedAt);
	}
}
