/**
 * Overdose events and spike detection, health-first: alarms go to public-health partners, residents get
 * area-level notices; no names or personal identifiers here.
 */
package org.beacon.overdose;
