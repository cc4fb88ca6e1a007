package org.beacon.overdose.internal;

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
 * Leases on rows of {@code job_lock}, so that of several nodes running the same jar only one runs a
 * scheduled job at a time. Taking a lease is one conditional UPDATE: it succeeds when the lease has expired
 * (or this node holds it), so two nodes can never both succeed. A node that dies holding a lease blocks the
 * job only until the lease expires.
 */
@Component
public class JobLocks {

	private final JdbcClient jdbc;
	private final ObjectProvider<Clock> clock;
	private final String node;

	JobLocks(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Takes the lease on {@code name} for {@code lease}; false if another node holds it. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean tryLock(String name, Duration lease) {
		Instant now = now();
		return jdbc.sql("""
				UPDATE job_lock SET locked_by = :node, locked_until = :until
				WHERE name = :name AND (locked_until < :now OR locked_by = :node)""")
				.param("node", node).param("until", AlarmRepository.utc(now.plus(lease)))
				.param("now", AlarmRepository.utc(now)).param("name", name).update() == 1;
	}

	/** Gives the lease back early, if this node holds it. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void unlock(String name) {
		jdbc.sql("UPDATE job_lock SET locked_until = :now WHERE name = :name AND locked_by = :node")
				.param("now", AlarmRepository.utc(now())).param("name", name).param("node", node).update();
	}

	String node() {
		return node;
	}

	private Instant now() {
		return clock.getIfAvailable(Clock::systemUTC).instant();
	}
}
