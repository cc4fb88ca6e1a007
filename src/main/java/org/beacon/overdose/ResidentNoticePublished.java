package org.beacon.overdose;

import org.beacon.shared.AgencyId;

/**
 * A harm-reduction notice for residents of an area went public. Area-level only: the level (e.g.
 * {@code neighbourhood}, {@code jurisdiction}) and the area's code. Resident alert delivery listens to it.
 */
public record ResidentNoticePublished(AgencyId agency, String areaLevel, String areaCode, long noticeId) {
}
