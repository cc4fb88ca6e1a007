package org.beacon.geography;

import org.beacon.shared.AgencyId;

/** One imported area; {@code code} is the agency's own id for it (e.g. St. Louis {@code NHD_NUM}). */
public record Area(long id, AgencyId agency, AreaKind kind, String code, String name) {
}
