package org.beacon.incidents;

import org.beacon.shared.AgencyId;

/** Published after an import committed; read models and analytics caches refresh on it. */
public record IncidentsImported(AgencyId agency, String source, long imported, long updated, long reversed) {
}
