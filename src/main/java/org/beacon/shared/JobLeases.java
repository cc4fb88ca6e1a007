package org.beacon.shared;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leases on the rows of one lock table, so that of several nodes running the same jar only one runs a
 * scheduled job at a time. The table is the module's own ({@code name} primary key, {@code locked_by},
 * {@code locked_until}, one row per job, made by its migration); a module subclasses this with its table's
 * name and makes the subclass its bean. Taking a lease is one conditional UPDATE: it succeeds when the lease
 * has expired or this node holds it, so two nodes can never both succeed. A node that dies holding a lease
 * blocks the job only until the lease expires.
 */
public class JobLeases {

	private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");

	private final JdbcClient jdbc;
	private final ObjectProvider<Clock> clock;
	private final String node;
	private final String take;
	private final String release;

	/** @param table the lock table's name: lower-case letters, digits and underscores, as SQL cannot bind it */
	protected JobLeases(JdbcClient jdbc, String table, ObjectProvider<Clock> clock) {
		if (table == null || !TABLE.matcher(table).matches()) {
			throw new IllegalArgumentException("table must be a plain lower-case SQL name; was '" + table + "'");
		}
		this.jdbc = jdbc;
		this.clock = clock;
		this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
		this.take = """
				UPDATE %s SET locked_by = :node, locked_until = :until
				WHERE name = :name AND (locked_until < :now OR locked_by = :node)""".formatted(table);
		this.release = "UPDATE %s SET locked_until = :now WHERE name = :name AND locked_by = :node".formatted(table);
	}

	/** Takes (or renews) the lease on job {@code name} for {@code lease}; false if another node holds it. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean tryLock(String name, Duration lease) {
		Instant now = now();
		return jdbc.sql(take).param("node", node).param("until", utc(now.plus(lease))).param("now", utc(now))
				.param("name", name).update() == 1;
	}

	/** Gives the lease on job {@code name} back early, if this node holds it. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void unlock(String name) {
		jdbc.sql(release).param("now", utc(now())).param("name", name).param("node", node).update();
	}

	/** Who this node is in {@code locked_by}: the JVM's name and a random suffix. */
	String node() {
		return node;
	}

	private Instant now() {
		return clock.getIfAvailable(Clock::systemUTC).instant();
	}

	private static OffsetDateTime utc(Instant t) {
		return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
	}
}
