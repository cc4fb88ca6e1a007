package org.beacon.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.beacon.identity.AuditEntry;
import org.beacon.identity.AuditLog;
import org.beacon.identity.AuditTrail;
import org.beacon.identity.AuditTrail.AuditVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Edits the audit table behind the application's back, as someone with database access could, and checks
 * that verify() names the row. Each test puts the row back and sees the chain whole again, which shows the
 * finding was about that edit. A context of its own, thrown away afterwards, so no other test sees a
 * broken chain.
 */
@SpringBootTest(properties = "beacon.test.context=audit-tampering")
@DirtiesContext
class AuditTamperingIntegrationTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	long last;

	@BeforeEach
	void appendSomeEntries() {
		for (int i = 1; i <= 4; i++) {
			trail.record("alice", "192.0.2.1", "incidents.export", "report-" + i + ".csv", "success");
		}
		last = jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single();
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void reportsAnIntactChainWithTheNumberOfRows() {
		AuditVerification verification = trail.verify();

		assertThat(verification.intact()).isTrue();
		assertThat(verification.firstBadRow()).isZero();
		assertThat(verification.rowsChecked()).isEqualTo(last);
	}

	@Test
	void namesTheRowAnUpdateAltered() {
		long seq = last - 2;
		jdbc.sql("UPDATE audit_event SET target = 'something-else.csv' WHERE seq = :seq").param("seq", seq).update();

		AuditVerification verification = trail.verify();

		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBadRow()).isEqualTo(seq);
		assertThat(verification.problem()).isEqualTo("hash mismatch (row altered)");
		assertThat(verification.rowsChecked()).isEqualTo(seq);

		jdbc.sql("UPDATE audit_event SET target = 'report-2.csv' WHERE seq = :seq").param("seq", seq).update();
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void namesTheRowADeleteRemoved() {
		long seq = last - 1;
		AuditEntry removed = entry(seq);
		jdbc.sql("DELETE FROM audit_event WHERE seq = :seq").param("seq", seq).update();

		AuditVerification verification = trail.verify();

		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBadRow()).isEqualTo(seq);
		assertThat(verification.problem()).isEqualTo("row missing (the next row is " + (seq + 1) + ")");

		insert(removed);
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void namesTheLastRowWhenTheTailIsCutOff() {
		AuditEntry removed = entry(last);
		jdbc.sql("DELETE FROM audit_event WHERE seq = :seq").param("seq", last).update();

		AuditVerification verification = trail.verify();

		assertThat(verification.firstBadRow()).isEqualTo(last);
		assertThat(verification.problem()).startsWith("row missing (the trail ends at row " + (last - 1));

		insert(removed);
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void findsARowRewrittenTogetherWithItsHashThroughTheNextRowsLink() {
		long seq = last - 2;
		AuditEntry original = entry(seq);
		rewrite(original, "mallory");

		AuditVerification verification = trail.verify();

		assertThat(verification.firstBadRow()).isEqualTo(seq + 1);
		assertThat(verification.problem()).startsWith("link to row " + seq + " broken");

		rewrite(original, original.actor());
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void findsTheLastRowRewrittenTogetherWithItsHashThroughTheHead() {
		AuditEntry original = entry(last);
		rewrite(original, "mallory");

		AuditVerification verification = trail.verify();

		assertThat(verification.firstBadRow()).isEqualTo(last);
		assertThat(verification.problem()).startsWith("row rewritten with a new hash");

		rewrite(original, original.actor());
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void findsRowsAddedBehindTheHeadsBack() {
		AuditEntry tail = entry(last);
		var forged = new AuditEntry(last + 1, tail.occurredAt(), null, "mallory", "192.0.2.66", "identity.login", "mallory",
				"success", tail.hash(), null);
		insert(new AuditEntry(forged.seq(), forged.occurredAt(), null, forged.actor(), forged.sourceAddress(),
				forged.action(), forged.target(), forged.outcome(), forged.prevHash(), AuditHash.of(forged)));

		AuditVerification verification = trail.verify();

		assertThat(verification.firstBadRow()).isEqualTo(last + 1);
		assertThat(verification.problem()).startsWith("row not recorded by the trail head");

		jdbc.sql("DELETE FROM audit_event WHERE seq = :seq").param("seq", last + 1).update();
		assertThat(trail.verify().intact()).isTrue();
	}

	private AuditEntry entry(long seq) {
		return log.latest(Integer.MAX_VALUE).stream().filter(entry -> entry.seq() == seq).findFirst().orElseThrow();
	}

	/** Changes the actor and writes a matching hash, as someone who knows the hash rule would. */
	private void rewrite(AuditEntry original, String actor) {
		var changed = new AuditEntry(original.seq(), original.occurredAt(), original.agency(), actor,
				original.sourceAddress(), original.action(), original.target(), original.outcome(), original.prevHash(),
				null);
		jdbc.sql("UPDATE audit_event SET actor = :actor, hash = :hash WHERE seq = :seq")
				.param("actor", actor).param("hash", AuditHash.of(changed)).param("seq", original.seq()).update();
	}

	private void insert(AuditEntry entry) {
		jdbc.sql("""
				INSERT INTO audit_event (seq, agency_id, occurred_at, actor, source_address, action, target, outcome,
				                         prev_hash, hash)
				VALUES (:seq, :agency, :at, :actor, :address, :action, :target, :outcome, :prev, :hash)
				""")
				.param("seq", entry.seq())
				.param("agency", entry.agency() == null ? null : entry.agency().value(), java.sql.Types.BIGINT)
				.param("at", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
				.param("actor", entry.actor()).param("address", entry.sourceAddress()).param("action", entry.action())
				.param("target", entry.target()).param("outcome", entry.outcome()).param("prev", entry.prevHash())
				.param("hash", entry.hash())
				.update();
	}
}
