/**
 * Staff accounts, roles, login, and the tamper-evident audit trail every module writes to. Knows nothing
 * of incidents or areas; other modules call {@link org.beacon.identity.AuditTrail} to record what users did.
 */
package org.beacon.identity;
