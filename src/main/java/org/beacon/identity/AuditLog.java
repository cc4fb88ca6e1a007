package org.beacon.identity;

import java.util.List;

/**
 * Reads the audit trail back, for the admin pages and for tests. Kept apart from {@link AuditTrail} so
 * modules that only write (and their test doubles) need not know about reading.
 */
public interface AuditLog {

	/** The newest entries first, at most {@code limit} of them. */
	List<AuditEntry> latest(int limit);
}
