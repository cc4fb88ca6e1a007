package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Scheduled detection on several nodes: one lease, one runner at a time. */
@SpringBootTest
class JobLocksIntegrationTests {

	@Autowired
	JobLocks locks;

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
	void aSecondNodeWaitsUntilTheFirstReleasesTheLease() {
		JobLocks otherNode = otherNode();

		assertThat(locks.tryLock("overdose.redelivery", Duration.ofMinutes(5))).isTrue();
		assertThat(otherNode.tryLock("overdose.redelivery", Duration.ofMinutes(5))).isFalse();
		assertThat(locks.tryLock("overdose.redelivery", Duration.ofMinutes(5))).as("the holder renews").isTrue();
		locks.unlock("overdose.redelivery");
		assertThat(otherNode.tryLock("overdose.redelivery", Duration.ofMinutes(5))).isTrue();
		otherNode.unlock("overdose.redelivery");
	}

	@Test
	void aLeaseLeftByADeadNodeExpires() {
		JobLocks deadNode = otherNode();
		assertThat(deadNode.tryLock("overdose.redelivery", Duration.ofSeconds(-1))).isTrue(); // already expired

		assertThat(locks.tryLock("overdose.redelivery", Duration.ofMinutes(5))).isTrue();
		locks.unlock("overdose.redelivery");
	}

	@Test
	void theScheduledRunWaitsForTheNodeHoldingTheLeaseThenFindsTodaysSpike() {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		LocalDate today = LocalDate.now(OverdoseFixtures.ST_LOUIS);
		events.insertAll(spikeToday(agency, today));
		JobLocks otherNode = otherNode();
		assertThat(otherNode.tryLock(DetectionTriggers.LOCK, Duration.ofMinutes(5))).isTrue();

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
