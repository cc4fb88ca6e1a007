package org.beacon.geography;

import org.beacon.shared.AgencyId;

/** Published after an area import committed. */
public record AreasImported(AgencyId agency, AreaKind kind, int imported, int updated) {
}
