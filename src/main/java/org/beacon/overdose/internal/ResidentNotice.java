package org.beacon.overdose.internal;

import java.time.Instant;

import org.beacon.shared.AgencyId;

/**
 * A harm-reduction notice for the residents of an area. Area-level only; {@code countText} is already
 * suppressed below the privacy minimum, or {@code null}.
 */
public record ResidentNotice(long id, AgencyId agency, Long alarmId, String areaLevel, String areaCode, String areaName,
		String title, String body, String countText, String publishedBy, Instant publishedAt, String withdrawnBy,
		Instant withdrawnAt, String withdrawnReason) {

	public boolean withdrawn() {
		return withdrawnAt != null;
	}
}
