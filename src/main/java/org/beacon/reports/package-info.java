/**
 * Resident reports through Open311 GeoReport v2 (plus the mySociety update extension): the per-agency
 * service catalogue, service requests, and staff triage of reports and tips with honest outcomes and SLA
 * clocks. Reporter contact details are kept apart and never published; what the public sees of a request
 * is decided by {@code disclosure}. Residents file and follow reports on the web as well. Asks {@code tips} for
 * receipts and {@code incidents} whether an incident staff link a report to exists; never publishes such links.
 */
package org.beacon.reports;
