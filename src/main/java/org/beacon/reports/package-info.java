/**
 * Resident reports through Open311 GeoReport v2 (plus the mySociety update extension): the per-agency
 * service catalogue, service requests, and staff triage of reports and tips with honest outcomes and SLA
 * clocks. Reporter contact details are kept apart and never published; private categories never appear
 * in public output. Asks {@code tips} for receipts; knows nothing of incidents.
 */
package org.beacon.reports;
