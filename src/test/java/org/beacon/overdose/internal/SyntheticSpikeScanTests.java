package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/**
 * Recovers the overdose spike injected by the peers' synthetic generator (fixture and the commands that
 * made it in {@code src/test/resources/scan/}): 60 extra overdoses on 2023-08-24 around
 * (14383 m, 9022 m), among 188 background overdoses spread over 30 days and 400 km².
 */
class SyntheticSpikeScanTests {

	static final LocalDate FIRST = LocalDate.of(2023, 8, 10);

	static final LocalDate SPIKE = LocalDate.of(2023, 8, 24);

	static final double SPIKE_X = 14383.3;

	static final double SPIKE_Y = 9022.1;

	static final double CELL = 1000;

	record Event(LocalDate date, double x, double y) {
	}

	/** The scan input and, for each location, its square's centre. */
	record Binned(ScanInput input, List<double[]> centres) {

		double distanceToSpike(ScanCluster c) {
			double[] centre = centres.get(c.centre());
			return Math.hypot(centre[0] - SPIKE_X, centre[1] - SPIKE_Y);
		}
	}

	@Test
	void retrospectiveScanFindsTheInjectedSpike() throws IOException {
		List<Event> events = readEvents();
		assertThat(events).hasSize(248);

		Binned binned = binned(events, FIRST.plusDays(29));

		ScanResult r = SpaceTimePermutationScan.run(binned.input(),
				ScanParameters.satscanDefaults(ScanMode.RETROSPECTIVE, 20240601));

		ScanCluster mlc = r.mostLikely();
		int spikeDay = 14;
		assertThat(mlc.startDay()).isEqualTo(spikeDay);
		assertThat(mlc.endDay()).isEqualTo(spikeDay);
		assertThat(mlc.cases()).isBetween(45L, 67L);
		assertThat(mlc.observedOverExpected()).isGreaterThan(3);
		assertThat(mlc.pValue()).isEqualTo(0.001);
		assertThat(binned.distanceToSpike(mlc)).isLessThan(1500);
	}

	@Test
	void prospectiveScanOnTheSpikeDayAlarmsThatDay() throws IOException {
		List<Event> events = readEvents().stream().filter(e -> !e.date().isAfter(SPIKE)).toList();

		Binned binned = binned(events, SPIKE);

		ScanResult r = SpaceTimePermutationScan.run(binned.input(),
				ScanParameters.satscanDefaults(ScanMode.PROSPECTIVE, 20240601));

		ScanCluster mlc = r.mostLikely();
		assertThat(r.days()).isEqualTo(15);
		assertThat(mlc.startDay()).isEqualTo(14);
		assertThat(mlc.endDay()).isEqualTo(14);
		assertThat(mlc.pValue()).isEqualTo(0.001);
		assertThat(mlc.recurrenceIntervalDays()).isEqualTo(1000.0);
		assertThat(binned.distanceToSpike(mlc)).isLessThan(1500);
	}

	/** Events in 1 km squares, each square a location at its centre; only squares with events. */
	static Binned binned(List<Event> events, LocalDate last) {
		Map<Long, Integer> index = new HashMap<>();
		List<double[]> centres = new ArrayList<>();
		int[] area = new int[events.size()];
		long[] day = new long[events.size()];
		for (int i = 0; i < events.size(); i++) {
			Event e = events.get(i);
			long ix = (long) Math.floor(e.x() / CELL);
			long iy = (long) Math.floor(e.y() / CELL);
			area[i] = index.computeIfAbsent(ix * 1_000_000 + iy, k -> {
				centres.add(new double[] { (ix + 0.5) * CELL, (iy + 0.5) * CELL });
				return centres.size() - 1;
			});
			day[i] = e.date().toEpochDay();
		}
		AreaDayCounts counts = DailyCounts.byArea(area, day, centres.size(), FIRST.toEpochDay(),
				DailyCounts.daysInclusive(FIRST, last));
		return new Binned(new ScanInput(centres.stream().mapToDouble(c -> c[0]).toArray(),
				centres.stream().mapToDouble(c -> c[1]).toArray(), counts), centres);
	}

	static List<Event> readEvents() throws IOException {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
				SyntheticSpikeScanTests.class.getResourceAsStream("/scan/od_2023-08-10_2023-09-08.csv")),
				StandardCharsets.UTF_8))) {
			assertThat(in.readLine()).isEqualTo("date,x,y");
			List<Event> events = new ArrayList<>();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String[] f = line.split(",");
				events.add(new Event(LocalDate.parse(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
			}
			return events;
		}
	}
}
