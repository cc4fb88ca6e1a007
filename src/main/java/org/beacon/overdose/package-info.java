/**
 * Overdose events and spike detection, health-first: ODMAP's core fields (when, where at the precision the
 * source gives, fatal or not, naloxone, suspected drugs), CSV import profiles, EARS/CUSUM/scan alarms that
 * reach public-health partners first, and area-level harm-reduction notices for residents. Refuses to know
 * names or any other personal identifier; never publishes a location finer than an area.
 */
package org.beacon.overdose;
