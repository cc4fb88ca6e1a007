/**
 * Incident records and their import through CSV profiles: classification into Beacon offense categories,
 * reversal and unfounded rules, idempotent re-import, row-level error reports. Asks geography where a
 * point lies; knows nothing of people beyond the record.
 */
package org.beacon.incidents;
