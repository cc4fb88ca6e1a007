package org.beacon.publicsafety.internal;

import java.time.Clock;

import org.beacon.shared.JobLeases;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This module's job leases, on its own {@code alert_job_lock} table (rows {@code alerts.digests} and
 * {@code alerts.redelivery}): with several nodes, one at a time sends digests or redelivers alerts.
 */
@Component
public class AlertLocks extends JobLeases {

	AlertLocks(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		super(jdbc, "alert_job_lock", clock);
	}
}
