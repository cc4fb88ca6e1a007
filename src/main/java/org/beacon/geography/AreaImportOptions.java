package org.beacon.geography;

/**
 * How to read areas from GeoJSON features.
 *
 * @param kind what the features are
 * @param idProperty the feature property holding the area's code (e.g. {@code NHD_NUM})
 * @param nameProperty the feature property holding its name (e.g. {@code NHD_NAME})
 */
public record AreaImportOptions(AreaKind kind, String idProperty, String nameProperty) {
}
