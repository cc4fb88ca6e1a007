package org.beacon.overdose.internal;

import java.time.Clock;

import org.beacon.shared.JobLeases;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This module's job leases, on its own {@code job_lock} table (rows {@code overdose.detection} and
 * {@code overdose.redelivery}): with several nodes, one at a time runs scheduled detection or redelivery.
 */
@Component
public class JobLocks extends JobLeases {

	JobLocks(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		super(jdbc, "job_lock", clock);
	}
}
