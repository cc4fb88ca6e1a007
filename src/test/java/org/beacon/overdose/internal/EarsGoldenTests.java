package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/**
 * C1 and C2 against R {@code surveillance::earsC} 1.20.3 (golden file and the script that made it in
 * {@code src/test/resources/ears/}). earsC gives an upper bound {@code Ȳ + z·max(s, minSigma)} and an
 * alarm {@code Y > bound}; we rebuild the bound from our baseline mean and SD and compare both.
 */
class EarsGoldenTests {

	/** Golden doubles are written with 15 significant digits; values are below 2,000. */
	static final double TOLERANCE = 1e-9;

	record Row(String series, double minSigma, int day, int count, double mean0, double sd0, double c1Bound,
			Boolean c1Alarm, double mean2, double sd2, double c2Bound, Boolean c2Alarm) {
	}

	@Test
	void c1AndC2MatchSurveillanceEarsC() throws IOException {
		List<Row> rows = readGolden();
		assertThat(rows).hasSize(5692);
		Map<String, List<Row>> bySeries = new LinkedHashMap<>();
		for (Row r : rows) {
			bySeries.computeIfAbsent(r.series() + "@" + r.minSigma(), k -> new ArrayList<>()).add(r);
		}
		assertThat(bySeries).hasSize(14);

		int c1Days = 0;
		int c2Days = 0;
		int c1Alarms = 0;
		int c2Alarms = 0;
		for (List<Row> series : bySeries.values()) {
			int[] counts = series.stream().mapToInt(Row::count).toArray();
			EarsParameters p = EarsParameters.CDC.withMinSigma(series.get(0).minSigma());
			EarsSeries c1 = Ears.c1(counts, p);
			EarsSeries c2 = Ears.c2(counts, p);
			for (Row r : series) {
				int t = r.day();
				if (r.c1Alarm() == null) {
					assertThat(c1.statistic()[t]).as("C1 day %d of %s", t, r.series()).isNaN();
				}
				else {
					assertDay(c1, r, r.mean0(), r.sd0(), r.c1Bound(), r.c1Alarm(), p);
					c1Days++;
					c1Alarms += r.c1Alarm() ? 1 : 0;
				}
				if (r.c2Alarm() == null) {
					assertThat(c2.statistic()[t]).as("C2 day %d of %s", t, r.series()).isNaN();
				}
				else {
					assertDay(c2, r, r.mean2(), r.sd2(), r.c2Bound(), r.c2Alarm(), p);
					c2Days++;
					c2Alarms += r.c2Alarm() ? 1 : 0;
				}
			}
		}
		// 7 series × 2 floors; C1 starts on day 7 and C2 on day 9 of each series
		assertThat(c1Days).isEqualTo(5692 - 14 * 7);
		assertThat(c2Days).isEqualTo(5692 - 14 * 9);
		assertThat(c1Alarms).isEqualTo(103);
		assertThat(c2Alarms).isEqualTo(128);
	}

	@Test
	void allAreasGivesTheSameStatisticsAsOneSeriesAtATime() throws IOException {
		List<Row> rows = readGolden().stream().filter(r -> r.minSigma() == 1.0).toList();
		List<String> names = rows.stream().map(Row::series).distinct().toList();
		int days = 200;
		int[] flat = new int[names.size() * days];
		for (int a = 0; a < names.size(); a++) {
			String name = names.get(a);
			int[] s = rows.stream().filter(r -> r.series().equals(name)).mapToInt(Row::count).limit(days).toArray();
			System.arraycopy(s, 0, flat, a * days, Math.min(days, s.length));
		}
		AreaDayCounts m = new AreaDayCounts(names.size(), days, flat);
		EarsParameters p = EarsParameters.forSparseSeries();

		EarsAreaStatistics all = Ears.allAreas(m, p);

		long c1 = 0;
		long c2 = 0;
		long c3 = 0;
		for (int a = 0; a < names.size(); a++) {
			for (EarsMethod method : EarsMethod.values()) {
				EarsSeries one = Ears.compute(method, m.series(a), p);
				double[] batch = switch (method) {
					case C1 -> all.c1();
					case C2 -> all.c2();
					case C3 -> all.c3();
				};
				assertThat(Arrays.copyOfRange(batch, a * days, (a + 1) * days)).as("%s area %d", method, a)
						.containsExactly(one.statistic());
			}
			c1 += Ears.c1(m.series(a), p).alarmCount();
			c2 += Ears.c2(m.series(a), p).alarmCount();
			c3 += Ears.c3(m.series(a), p).alarmCount();
		}
		assertThat(all.c1Alarms()).isEqualTo(c1).isPositive();
		assertThat(all.c2Alarms()).isEqualTo(c2).isPositive();
		assertThat(all.c3Alarms()).isEqualTo(c3).isPositive();
	}

	private static void assertDay(EarsSeries ours, Row r, double mean, double sd, double bound, boolean alarm,
			EarsParameters p) {
		int t = r.day();
		String where = ours.method() + " day " + t + " of " + r.series() + " minSigma " + r.minSigma();
		assertThat(ours.baselineMean()[t]).as(where).isCloseTo(mean, within(TOLERANCE));
		assertThat(ours.baselineSd()[t]).as(where).isCloseTo(sd, within(TOLERANCE));
		double ourBound = ours.baselineMean()[t] + p.threshold() * Math.max(ours.baselineSd()[t], p.minSigma());
		assertThat(ourBound).as(where).isCloseTo(bound, within(TOLERANCE));
		assertThat(ours.alarm()[t]).as(where).isEqualTo(alarm);
	}

	static List<Row> readGolden() throws IOException {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				Objects.requireNonNull(EarsGoldenTests.class.getResourceAsStream("/ears/earsc_golden.csv")),
				StandardCharsets.UTF_8))) {
			String header = in.readLine();
			assertThat(header).startsWith("series,min_sigma,day,count,mean7_lag0,sd7_lag0,c1_ub,c1_alarm");
			List<Row> rows = new ArrayList<>();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String[] f = line.split(",", -1);
				rows.add(new Row(f[0], Double.parseDouble(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
						num(f[4]), num(f[5]), num(f[6]), bool(f[7]), num(f[8]), num(f[9]), num(f[10]), bool(f[11])));
			}
			return rows;
		}
	}

	private static double num(String s) {
		return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
	}

	private static Boolean bool(String s) {
		return s.equals("NA") ? null : Boolean.valueOf(s);
	}
}
