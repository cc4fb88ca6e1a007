package org.beacon.geography;

import java.util.Map;

/**
 * The demographic figures of one area, as imported: its population and any further numeric columns of the
 * file (for example {@code poverty} or {@code black}), by column name.
 *
 * @param area the area (id, code, name)
 * @param population residents
 * @param figures further figures by column name, in file order; empty when the file had none
 */
public record AreaDemographics(Area area, long population, Map<String, Double> figures) {
}
