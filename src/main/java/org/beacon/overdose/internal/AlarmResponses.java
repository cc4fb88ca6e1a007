package org.beacon.overdose.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;

import org.beacon.identity.AuditTrail;
import org.beacon.shared.AgencyId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What partners and supervisors do about an alarm: acknowledge it. Audited. */
@Service
public class AlarmResponses {

	private final AlarmRepository alarms;
	private final ObjectProvider<AuditTrail> audit;
	private final ObjectProvider<Clock> clock;

	AlarmResponses(AlarmRepository alarms, ObjectProvider<AuditTrail> audit, ObjectProvider<Clock> clock) {
		this.alarms = alarms;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Marks the alarm acknowledged by {@code actor} with an optional note (what is being done). Acknowledging
	 * twice keeps the first acknowledgement.
	 *
	 * @return false if it was already acknowledged
	 * @throws NoSuchElementException for an alarm of another agency or none
	 */
	@Transactional
	public boolean acknowledge(AgencyId agency, long alarmId, String actor, String note) {
		alarms.find(agency, alarmId).orElseThrow(() -> new NoSuchElementException("no overdose alarm " + alarmId));
		String text = note == null || note.isBlank() ? null : note.trim().length() > 2000 ? note.trim().substring(0, 2000)
				: note.trim();
		boolean done = alarms.acknowledge(agency, alarmId, actor, text, now());
		audit.ifAvailable(trail -> trail.record("overdose.alarm.acknowledge", "overdose_alarm:" + alarmId,
				done ? "success" : "failure"));
		return done;
	}

	private Instant now() {
		return clock.getIfAvailable(Clock::systemUTC).instant();
	}
}
