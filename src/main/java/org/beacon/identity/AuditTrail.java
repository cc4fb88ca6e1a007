package org.beacon.identity;

import java.util.function.Supplier;

import org.beacon.shared.AgencyId;

/**
 * The append-only, hash-chained audit trail. Every module records imports, exports and reads of sensitive
 * records here; identity records logins, logouts and account changes itself.
 */
public interface AuditTrail {

	/** The actor of work the server does of its own accord, e.g. creating the first administrator. */
	String SYSTEM = "system";

	/** The "from where" of work the server does while starting ({@link #onBehalfOf}), e.g. loading the demo. */
	String STARTUP = "startup";

	/**
	 * Appends an entry for the current request's user and address (or the command line's user).
	 *
	 * @param action what was done, e.g. {@code incidents.import}, {@code incidents.export}
	 * @param target what it was done to, e.g. a file name or record id; never personal details
	 * @param outcome {@code success}, {@code failure} or {@code denied}; {@code started} for long work (an
	 *        import) whose end is recorded later, so work cut off halfway is still on record
	 */
	void record(String action, String target, String outcome);

	/**
	 * The same for something of {@code agency}, e.g. an import into it, also where no signed-in user says
	 * which agency (the command line, a background job). The default, for stand-ins, drops the agency.
	 */
	default void record(AgencyId agency, String action, String target, String outcome) {
		record(action, target, outcome);
	}

	/** Appends an entry with an explicit actor and address, for work not done inside a web request. */
	void record(String actor, String sourceAddress, String action, String target, String outcome);

	/**
	 * Runs work that a person asked for but another thread does, e.g. an uploaded file imported in the
	 * background: entries that {@link #record(String, String, String)} appends from this thread meanwhile
	 * name that person and the address they asked from, not the process's user. The default, for
	 * stand-ins that do not know who acts, only runs the work.
	 */
	default <T> T onBehalfOf(String actor, String sourceAddress, Supplier<T> work) {
		return work.get();
	}

	/** Walks the chain and reports the first altered or missing row. */
	AuditVerification verify();

	/** The result of {@link #verify()}: {@code firstBadRow} is 0 when the chain is intact. */
	record AuditVerification(long rowsChecked, long firstBadRow, String problem) {

		public boolean intact() {
			return firstBadRow == 0;
		}
	}
}
