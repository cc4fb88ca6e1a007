package org.beacon.publicsafety.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leases on rows of {@code alert_job_lock} (the overdose module's pattern, on this module's own table): one
 * conditional UPDATE succeeds when the lease has expired or this node holds it, so two nodes never both run a job.
 */
@Component
public class AlertLocks {

	private final JdbcClient jdbc;
	private final ObjectProvider<Clock> clock;
	private final String node;

	AlertLocks(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean tryLock(String name, Duration lease) {
		Instant now = clock.getIfAvailable(Clock::systemUTC).instant();
		return jdbc.sql("""
				UPDATE alert_job_lock SET locked_by = :node, locked_until = :until
				WHERE name = :name AND (locked_until < :now OR locked_by = :node)""")
				.param("node", node).param("until", SubscriptionRepository.utc(now.plus(lease)))
				.param("now", SubscriptionRepository.utc(now)).param("name", name).update() == 1;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void unlock(String name) {
		jdbc.sql("UPDATE alert_job_lock SET locked_until = :now WHERE name = :name AND locked_by = :node")
				.param("now", SubscriptionRepository.utc(clock.getIfAvailable(Clock::systemUTC).instant()))
				.param("name", name).param("node", node).update();
	}
}
