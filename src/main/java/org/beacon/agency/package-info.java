/**
 * The agencies one deployment serves: name, time zone and map projection. Owns the {@code agency} table
 * and configures the default agency on first start. Knows nothing of people, incidents or areas.
 */
package org.beacon.agency;
