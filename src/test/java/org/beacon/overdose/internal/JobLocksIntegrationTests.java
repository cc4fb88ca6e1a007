package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaFixtures;
import org.beacon.geography.Geography;
import org.beacon.overdose.OverdoseEntry;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.overdose.OverdoseFixtures;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduled detection on several nodes: one lease, one runner at a time. The lease itself (two nodes never both
 * hold it, a dead node's lease expires) is {@code org.beacon.shared.JobLeasesIntegrationTests}.
 */
@SpringBootTest
class JobLocksIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	DetectionTriggers triggers;

	@Autowired
	OverdoseEventRepository events;

	@Autowired
	AlarmRepository alarms;

	@Autowired
	Agencies agencies;

	@Autowired
	Geography geography;

	@Test
	void theScheduledRunWaitsForTheNodeHoldingTheLeaseThenFindsTodaysSpike() {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		LocalDate today = LocalDate.now(OverdoseFixtures.ST_LOUIS);
		JobLocks otherNode = otherNode();
		// this context's own schedule may hold the lease for a moment; the other node takes it once it is free,
		// and only then does the spike arrive, so no run can have seen it before
		await().atMost(Duration.ofSeconds(30)).until(() -> otherNode.tryLock(DetectionTriggers.LOCK, Duration.ofMinutes(5)));
		events.insertAll(spikeToday(agency, today));

		triggers.scheduledRun();
		assertThat(alarms.list(agency, null, 100)).isEmpty();

		otherNode.unlock(DetectionTriggers.LOCK);
		triggers.scheduledRun();
		assertThat(alarms.list(agency, null, 100)).extracting(StoredAlarm::method, StoredAlarm::areaLevel)
				.contains(org.assertj.core.groups.Tuple.tuple("c2", "neighbourhood"));
	}

	/** Stored straight through the repository: no event is published, so only the scheduled run can find it. */
	private List<OverdoseEvent> spikeToday(AgencyId agency, LocalDate today) {
		EventPlacement placement = new EventPlacement(agency, geography);
		List<OverdoseEvent> list = new ArrayList<>();
		for (int d = 14; d >= 1; d -= 3) {
			list.add(placement.place(0, OverdoseFixtures.pointOn(today.minusDays(d), 38.6577, -90.252074), "test", Instant.now()));
		}
		for (int i = 0; i < 6; i++) {
			OverdoseEntry e = OverdoseFixtures.pointOn(today, 38.661543, -90.261683);
			list.add(placement.place(0, e, "test", Instant.now()));
		}
		return list;
	}

	private JobLocks otherNode() {
		return new JobLocks(jdbc, context.getBeanProvider(Clock.class));
	}
}
