/**
 * Staff accounts ({@link org.beacon.identity.StaffAccounts}), roles, login with lockout, the security filter
 * chains and headers, and the tamper-evident audit trail every module writes to
 * ({@link org.beacon.identity.AuditTrail}). Knows nothing of incidents or areas; other modules call
 * {@code AuditTrail} to record what users did and may add filter chains for their public paths.
 */
package org.beacon.identity;
