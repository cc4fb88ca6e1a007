/**
 * How geography works inside: GeoJSON reading and validation, the {@code area} table, the per-agency spatial
 * index, Proj4J projections and H3. Private to the module; other modules use {@link org.beacon.geography.Geography}.
 */
package org.beacon.geography.internal;
