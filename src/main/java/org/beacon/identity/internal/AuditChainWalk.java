package org.beacon.identity.internal;

import java.util.List;

import org.beacon.identity.AuditEntry;
import org.beacon.identity.AuditTrail.AuditVerification;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One pass over the audit trail in sequence order, a page at a time so that memory stays flat however long
 * the trail is. For every row it checks, in this order, that
 * <ol>
 * <li>its sequence number is the previous one plus one (else the row with the expected number is missing);</li>
 * <li>its stored hash equals the hash recomputed from its fields (else the row was altered);</li>
 * <li>its {@code prev_hash} equals the previous row's hash (else a row was removed, inserted, or rewritten
 * together with its hash);</li>
 * </ol>
 * and, at the end, that the trail reaches the row the head recorded when the walk began (else the tail was cut
 * off) and goes no further than the head records (else rows were added without the head). Rows appended while
 * the walk runs are checked too.
 */
final class AuditChainWalk {

	private static final int PAGE_SIZE = 1000;

	private final JdbcClient jdbc;

	AuditChainWalk(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	AuditVerification run() {
		Head start = head();
		long checked = 0;
		long expectedSeq = 1;
		String previousHash = AuditHash.GENESIS;
		List<AuditEntry> page = page(0);
		while (!page.isEmpty()) {
			for (AuditEntry row : page) {
				if (row.seq() != expectedSeq) {
					return broken(checked, expectedSeq, row.seq() > expectedSeq
							? "row missing (the next row is " + row.seq() + ")"
							: "unexpected row numbered " + row.seq() + " before row " + expectedSeq);
				}
				checked++;
				if (!AuditHash.of(row).equals(row.hash())) {
					return broken(checked, row.seq(), "hash mismatch (row altered)");
				}
				if (!row.prevHash().equals(previousHash)) {
					return broken(checked, row.seq(), "link to row " + (row.seq() - 1)
							+ " broken (a row was removed or inserted, or that row was rewritten with a new hash)");
				}
				if (row.seq() == start.seq() && !row.hash().equals(start.hash())) {
					return broken(checked, row.seq(), "row rewritten with a new hash (differs from the trail head)");
				}
				previousHash = row.hash();
				expectedSeq++;
			}
			page = page(expectedSeq - 1);
		}
		long last = expectedSeq - 1;
		if (last < start.seq()) {
			return broken(checked, last + 1, "row missing (the trail ends at row " + last + " but the head records "
					+ start.seq() + " rows)");
		}
		Head end = head();
		if (last > end.seq()) {
			return broken(checked, end.seq() + 1, "row not recorded by the trail head (added outside the audit API)");
		}
		return new AuditVerification(checked, 0, "none");
	}

	private List<AuditEntry> page(long afterSeq) {
		return jdbc.sql("""
				SELECT seq, occurred_at, agency_id, actor, source_address, action, target, outcome, prev_hash, hash
				FROM audit_event WHERE seq > :after ORDER BY seq
				FETCH FIRST :size ROWS ONLY
				""").param("after", afterSeq).param("size", PAGE_SIZE).query(JdbcAuditTrail::entry).list();
	}

	private Head head() {
		return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
				.query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).single();
	}

	private static AuditVerification broken(long checked, long seq, String problem) {
		return new AuditVerification(checked, seq, problem);
	}

	private record Head(long seq, String hash) {
	}
}
