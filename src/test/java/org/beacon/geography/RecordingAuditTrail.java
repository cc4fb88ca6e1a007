package org.beacon.geography;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beacon.identity.AuditTrail;

/** Keeps audit entries in memory as {@code action target outcome}, for tests that check what was recorded. */
public class RecordingAuditTrail implements AuditTrail {

	private final List<String> entries = new CopyOnWriteArrayList<>();

	@Override
	public void record(String action, String target, String outcome) {
		entries.add(action + " " + target + " " + outcome);
	}

	@Override
	public void record(String actor, String sourceAddress, String action, String target, String outcome) {
		record(action, target, outcome);
	}

	@Override
	public AuditVerification verify() {
		return new AuditVerification(entries.size(), 0, null);
	}

	public List<String> entries() {
		return entries;
	}
}
