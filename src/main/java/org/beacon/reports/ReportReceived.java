package org.beacon.reports;

import org.beacon.shared.AgencyId;

/** A resident's report was accepted and stored. Ids and the category only. */
public record ReportReceived(AgencyId agency, long requestId, String serviceCode, boolean privateCategory) {
}
