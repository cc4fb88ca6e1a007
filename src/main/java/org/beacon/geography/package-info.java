/**
 * Areas (jurisdiction, districts, beats, neighbourhoods) imported from GeoJSON, point-in-area lookup,
 * projection to metres and H3 cells. Knows nothing of incidents or people: it answers "where".
 */
package org.beacon.geography;
