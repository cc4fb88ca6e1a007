package org.beacon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.request.RequestContextHolder;

@IdentityIntegrationTest
class AuditTrailIntegrationTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	MutableClock clock;

	@Test
	void recordsTheOperatingSystemUserAndCliOutsideAnyRequest() {
		// Spring's test support sets up a mock request for every test; a command-line run has none
		RequestContextHolder.resetRequestAttributes();

		trail.record("incidents.import", "stl-2024.csv", "success");

		AuditEntry entry = log.latest(1).get(0);
		assertThat(entry.actor()).isEqualTo(System.getProperty("user.name"));
		assertThat(entry.sourceAddress()).isEqualTo("cli");
		assertThat(entry.action()).isEqualTo("incidents.import");
		assertThat(entry.target()).isEqualTo("stl-2024.csv");
		assertThat(entry.outcome()).isEqualTo("success");
		assertThat(entry.occurredAt()).isEqualTo(clock.instant());
	}

	@Test
	void chainsEachEntryToThePreviousOne() {
		trail.record("scheduler", "cli", "alerts.digest", "weekly", "success");
		trail.record("scheduler", "cli", "alerts.digest", "daily", "failure");

		List<AuditEntry> latest = log.latest(2);
		assertThat(latest.get(0).seq()).isEqualTo(latest.get(1).seq() + 1);
		assertThat(latest.get(0).prevHash()).isEqualTo(latest.get(1).hash());
		assertThat(latest.get(0).hash()).matches("[0-9a-f]{64}").isNotEqualTo(latest.get(1).hash());
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void keepsTheChainIntactAndGaplessUnderConcurrentAppends() throws Exception {
		long before = trail.verify().rowsChecked();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Callable<Void>> writers = new ArrayList<>();
		for (int writer = 0; writer < 4; writer++) {
			String actor = "writer-" + writer;
			writers.add(() -> {
				for (int i = 0; i < 25; i++) {
					trail.record(actor, "192.0.2.5", "test.append", "item-" + i, "success");
				}
				return null;
			});
		}
		for (Future<Void> done : pool.invokeAll(writers)) {
			done.get();
		}
		pool.shutdown();

		var verification = trail.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.rowsChecked()).isEqualTo(before + 100);
		assertThat(log.latest(100)).extracting(AuditEntry::seq)
				.containsExactlyElementsOf(LongStream.iterate(before + 100, seq -> seq > before, seq -> seq - 1).boxed().toList());
	}

	@Test
	void storesOverlongAndOddTextAsItHashedIt() {
		trail.record("robot", "cli", "test.odd", "x".repeat(5000) + "\u0000", "success");

		assertThat(log.latest(1).get(0).target()).hasSize(1000);
		assertThat(trail.verify().intact()).isTrue();
	}
}
