package org.beacon.reports.internal;

import java.util.List;
import java.util.Map;

import org.beacon.reports.ReportService;
import org.beacon.shared.AgencyId;

/** A validated service request, ready to store. {@code attributes} maps code to value(s). */
public record NewRequest(AgencyId agency, ReportService service, String description, Double lat, Double lon,
		String address, String addressId, String mediaUrl, Map<String, List<String>> attributes, Contact contact,
		Long apiKeyId, String channel) {

	/** Who reported, when they chose to say; kept in its own table and never published. */
	public record Contact(String email, String firstName, String lastName, String phone, String deviceId,
			String accountId) {

		public boolean isEmpty() {
			return email == null && firstName == null && lastName == null && phone == null && deviceId == null
					&& accountId == null;
		}

		public boolean hasEmail() {
			return email != null;
		}
	}
}
