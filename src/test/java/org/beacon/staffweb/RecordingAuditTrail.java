package org.beacon.staffweb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beacon.identity.AuditTrail;

/** Test-only audit trail that keeps what it was told, to assert on. */
public class RecordingAuditTrail implements AuditTrail {

	public record Entry(String actor, String action, String target, String outcome) {
	}

	private final List<Entry> entries = new CopyOnWriteArrayList<>();

	public List<Entry> entries() {
		return List.copyOf(entries);
	}

	public void clear() {
		entries.clear();
	}

	@Override
	public void record(String action, String target, String outcome) {
		entries.add(new Entry("(request)", action, target, outcome));
	}

	@Override
	public void record(String actor, String sourceAddress, String action, String target, String outcome) {
		entries.add(new Entry(actor, action, target, outcome));
	}

	@Override
	public AuditVerification verify() {
		return new AuditVerification(entries.size(), 0, null);
	}
}
