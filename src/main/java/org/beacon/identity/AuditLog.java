package org.beacon.identity;

import java.util.List;

import org.beacon.shared.AgencyId;

/**
 * Reads the audit trail back, for the admin pages and for tests. Kept apart from {@link AuditTrail} so
 * modules that only write (and their test doubles) need not know about reading.
 */
public interface AuditLog {

	/** The newest entries first, at most {@code limit} of them. */
	List<AuditEntry> latest(int limit);

	/**
	 * The newest entries of one agency first, at most {@code limit}: its own, and those that belong to no agency
	 * (a login attempt with an unknown username), never another agency's.
	 */
	List<AuditEntry> latest(AgencyId agency, int limit);
}
