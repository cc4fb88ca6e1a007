package org.beacon.reports.internal;

import java.time.Instant;

import org.beacon.reports.ServiceType;
import org.beacon.shared.AgencyId;

/** A service request as stored, with its service's code, name and flags. Staff-side; never published as is. */
public record StoredRequest(long id, AgencyId agency, String publicId, String token, long serviceId, String serviceCode,
		String serviceName, boolean privateCategory, ServiceType serviceType, int slaHours, String serviceNotice,
		String description, Double lat, Double lon, String address, String addressId, String mediaUrl,
		RequestState state, Outcome outcome, String statusNotes, Moderation moderation, String moderationNote,
		String assignedTo, Long duplicateOf, Long receiptId, String channel, Instant requestedAt, Instant updatedAt,
		Instant expectedAt, Instant closedAt) {

	/** Open and past its SLA. */
	public boolean overdue(Instant now) {
		return state.isOpen() && expectedAt != null && now.isAfter(expectedAt);
	}

	public boolean located() {
		return lat != null && lon != null;
	}
}
