package org.beacon.overdose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaFixtures;
import org.beacon.geography.Geography;
import org.beacon.overdose.internal.AlarmRepository;
import org.beacon.overdose.internal.StoredAlarm;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Detection after imports: alarms with their evidence, once per (method, area, day), notified only when recent. */
@SpringBootTest
public class DetectionIntegrationTests {

	/** Fountain Park (NHD_NUM 53) and Lewis Place (54), from the geography fixtures' crime sample. */
	static final double[][] FOUNTAIN_PARK = { { 38.661543, -90.261683 }, { 38.654033, -90.260532 } };
	static final double[][] LEWIS_PLACE = { { 38.6577, -90.252074 } };

	@Autowired
	OverdoseEvents events;

	@Autowired
	OverdoseDetection detection;

	@Autowired
	AlarmRepository alarms;

	@Autowired
	Agencies agencies;

	@Autowired
	Geography geography;

	@Test
	void keepsTheEvidenceOfAHistoricalSpikeWithoutNotifyingAnyone() {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);

		events.importFile(agency, OverdoseFixtures.tempe(), ImportProfile.TEMPE, "test");

		StoredAlarm alarm = awaitAlarm(agency, "c2", "jurisdiction", LocalDate.of(2017, 7, 27));
		assertThat(alarm.count()).isEqualTo(5);
		assertThat(alarm.baselineMean()).isEqualTo(6.0 / 7);
		assertThat(alarm.baselineSd()).isCloseTo(Math.sqrt(1.0 / 7), org.assertj.core.api.Assertions.within(1e-12));
		assertThat(alarm.statistic()).isCloseTo(5 - 6.0 / 7, org.assertj.core.api.Assertions.within(1e-12)); // SD floored at 1
		assertThat(alarm.threshold()).isEqualTo(3.0);
		assertThat(alarm.notifies()).isFalse();
		JsonNode series = JsonMapper.builder().build().readTree(alarm.seriesJson());
		assertThat(series.path("start").asString()).isEqualTo("2017-06-29");
		assertThat(series.path("count").size()).isEqualTo(29);
		assertThat(series.path("count").get(28).asInt()).isEqualTo(5);
		assertThat(series.path("statistic").get(28).asDouble()).isEqualTo(alarm.statistic());
	}

	@Test
	void storesEachAlarmOnceHoweverOftenDetectionRuns() {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		events.importFile(agency, OverdoseFixtures.tempe(), ImportProfile.TEMPE, "test");
		awaitAlarm(agency, "c2", "jurisdiction", LocalDate.of(2017, 7, 27));
		int before = alarms.list(agency, null, 1000).size();

		int added = detection.detectAndStore(agency, LocalDate.of(2017, 6, 1), LocalDate.of(2017, 8, 15));

		assertThat(added).isZero();
		assertThat(alarms.list(agency, null, 1000)).hasSize(before);
	}

	@Test
	void raisesANeighbourhoodAlarmForTodaysSpikeAndMarksItForPartners(@TempDir Path dir) throws IOException {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		LocalDate today = LocalDate.now(OverdoseFixtures.ST_LOUIS);

		events.importFile(agency, spike(dir, today), ImportProfile.TEMPE, "test");

		StoredAlarm alarm = awaitAlarm(agency, "c2", "neighbourhood", today);
		assertThat(alarm.areaCode()).isEqualTo("53");
		assertThat(alarm.areaName()).isEqualTo("Fountain Park");
		assertThat(alarm.count()).isEqualTo(6);
		assertThat(alarm.notifies()).isTrue();
		assertThat(alarm.state()).isEqualTo("NEW");
	}

	@Test
	void theProspectiveScanFindsTodaysClusterWithAPValue(@TempDir Path dir) throws IOException {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		LocalDate today = LocalDate.now(OverdoseFixtures.ST_LOUIS);

		events.importFile(agency, spike(dir, today), ImportProfile.TEMPE, "test");

		StoredAlarm scan = await().atMost(Duration.ofSeconds(30)).until(
				() -> alarms.list(agency, null, 100).stream().filter(a -> a.method().equals("scan")).findFirst(),
				Optional::isPresent).orElseThrow();
		assertThat(scan.areaLevel()).isEqualTo("h3:8");
		assertThat(scan.alarmDate()).isEqualTo(today);
		assertThat(scan.pValue()).isLessThanOrEqualTo(0.05);
		assertThat(scan.count()).isGreaterThanOrEqualTo(6);
		JsonNode cluster = JsonMapper.builder().build().readTree(scan.clusterJson());
		assertThat(cluster.path("locations").size()).isGreaterThanOrEqualTo(1);
		assertThat(cluster.path("lat").asDouble()).isBetween(38.60, 38.70);
	}

	/**
	 * 20 quiet days with one overdose every other day, alternating between Fountain Park and Lewis Place, then 6
	 * in Fountain Park today. A Tempe-layout file: the profile only reads date, naloxone and coordinates.
	 */
	public static Path spike(Path dir, LocalDate today) throws IOException {
		StringBuilder csv = new StringBuilder("year,incident_date,narcan_given,latitude,longitude\n");
		for (int d = 20; d >= 1; d -= 2) {
			double[] p = d % 4 == 0 ? FOUNTAIN_PARK[1] : LEWIS_PLACE[0];
			csv.append(today.getYear()).append(',').append(today.minusDays(d)).append(",TRUE,").append(p[0]).append(',')
					.append(p[1]).append('\n');
		}
		for (int i = 0; i < 6; i++) {
			csv.append(today.getYear()).append(',').append(today).append(",TRUE,").append(FOUNTAIN_PARK[0][0] - i * 0.00005)
					.append(',').append(FOUNTAIN_PARK[0][1]).append('\n');
		}
		Path file = dir.resolve("spike.csv");
		Files.writeString(file, csv);
		return file;
	}

	private StoredAlarm awaitAlarm(AgencyId agency, String method, String level, LocalDate day) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> find(agency, method, level, day), Optional::isPresent)
				.orElseThrow();
	}

	private Optional<StoredAlarm> find(AgencyId agency, String method, String level, LocalDate day) {
		List<StoredAlarm> all = alarms.list(agency, null, 1000);
		return all.stream().filter(a -> a.method().equals(method) && a.areaLevel().equals(level) && a.alarmDate().equals(day))
				.findFirst();
	}
}
