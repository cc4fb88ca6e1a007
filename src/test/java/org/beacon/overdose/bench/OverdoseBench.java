package org.beacon.overdose.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;

import org.beacon.overdose.internal.AreaDayCounts;
import org.beacon.overdose.internal.DailyCounts;
import org.beacon.overdose.internal.Ears;
import org.beacon.overdose.internal.EarsAreaStatistics;
import org.beacon.overdose.internal.EarsParameters;
import org.beacon.overdose.internal.ReplicationComparison;
import org.beacon.overdose.internal.ScanCluster;
import org.beacon.overdose.internal.ScanInput;
import org.beacon.overdose.internal.ScanMode;
import org.beacon.overdose.internal.ScanParameters;
import org.beacon.overdose.internal.ScanResult;
import org.beacon.overdose.internal.SpaceTimePermutationScan;

/**
 * Benchmark of the overdose spike detectors on the peers' synthetic data (not a unit test; run it
 * through {@code bench/overdose-benchmark.sh}).
 *
 * <pre>
 * ears --input SYNTH.csv --res 10 [--min-sigma 1] [--r-input FOR_R.csv]
 *     EARS C1/C2/C3 for every H3 cell with an event, over the whole period; with --r-input, also writes
 *     the same cells as x = cell ordinal + 0.5, y = 0.5 so that `ears.R --by-cell 1` uses the same cells
 * scan --input SYNTH.csv [--type OD] [--res 8] [--mode prospective|retrospective] [--replications 999]
 *      [--threads 2] [--first-day 0] [--last-day 729] [--max-window-days N] [--max-radius M] [--compare R]
 *     space-time permutation scan with H3 cell centres as locations; --compare (prospective only) also runs
 *     the first R replications through the plain and the bounded scanner, one thread, same seeds
 * </pre>
 */
public final class OverdoseBench {

	private OverdoseBench() {
	}

	record Events(long[] epochDay, double[] lat, double[] lon, String[] type) {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> opt = options(args);
		switch (args.length == 0 ? "" : args[0]) {
			case "ears" -> ears(opt);
			case "scan" -> scan(opt);
			default -> throw new IllegalArgumentException("usage: OverdoseBench ears|scan --input FILE ...");
		}
	}

	static void ears(Map<String, String> opt) throws IOException {
		int res = Integer.parseInt(opt.getOrDefault("res", "10"));
		double minSigma = Double.parseDouble(opt.getOrDefault("min-sigma", "1"));
		long t0 = System.nanoTime();
		Events ev = read(Path.of(opt.get("input")), null);
		long t1 = System.nanoTime();
		H3Core h3 = H3Core.newInstance();
		int n = ev.epochDay().length;
		long[] cell = new long[n];
		for (int i = 0; i < n; i++) {
			cell[i] = h3.latLngToCell(ev.lat()[i], ev.lon()[i], res);
		}
		long t2 = System.nanoTime();
		// cells in ascending id order, days from the first to the last event date (as ears.R does)
		long[] ids = Arrays.stream(cell).distinct().sorted().toArray();
		int[] area = new int[n];
		for (int i = 0; i < n; i++) {
			area[i] = Arrays.binarySearch(ids, cell[i]);
		}
		long first = Arrays.stream(ev.epochDay()).min().orElseThrow();
		long last = Arrays.stream(ev.epochDay()).max().orElseThrow();
		AreaDayCounts counts = DailyCounts.byArea(area, ev.epochDay(), ids.length, first, (int) (last - first + 1));
		long t3 = System.nanoTime();
		EarsParameters p = EarsParameters.CDC.withMinSigma(minSigma);
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long cpu3 = threads.getCurrentThreadCpuTime();
		EarsAreaStatistics stats = Ears.allAreas(counts, p);
		long t4 = System.nanoTime();
		long cpu4 = threads.getCurrentThreadCpuTime();
		double[] warm = new double[5];
		double[] warmCpu = new double[5];
		for (int r = 0; r < warm.length; r++) {
			long a = System.nanoTime();
			long ac = threads.getCurrentThreadCpuTime();
			Ears.allAreas(counts, p);
			warm[r] = (System.nanoTime() - a) / 1e9;
			warmCpu[r] = (threads.getCurrentThreadCpuTime() - ac) / 1e9;
		}
		Arrays.sort(warm);
		Arrays.sort(warmCpu);
		System.out.printf("java: events=%d H3 res %d cells=%d days=%d cell-days=%d%n", n, res, ids.length,
				counts.days(), (long) ids.length * counts.days());
		System.out.printf("java: alarms: C1>3 %d  C2>3 %d  C3>2 %d (cell-days, minSigma=%s)%n", stats.c1Alarms(),
				stats.c2Alarms(), stats.c3Alarms(), minSigma);
		System.out.printf("java_timing_seconds read=%.3f h3_index=%.3f aggregate=%.3f ears_all_cells=%.3f "
				+ "ears_all_cells_cpu=%.3f ears_warm_median=%.3f ears_warm_median_cpu=%.3f%n", s(t0, t1), s(t1, t2),
				s(t2, t3), s(t3, t4), s(cpu3, cpu4), warm[2], warmCpu[2]);
		String forR = opt.get("r-input");
		if (forR != null) {
			try (BufferedWriter out = Files.newBufferedWriter(Path.of(forR), StandardCharsets.UTF_8)) {
				out.write("date,type,x,y\n");
				for (int i = 0; i < n; i++) {
					out.write(LocalDate.ofEpochDay(ev.epochDay()[i]) + "," + ev.type()[i] + "," + area[i] + ".5,0.5\n");
				}
			}
		}
	}

	static void scan(Map<String, String> opt) throws IOException {
		int res = Integer.parseInt(opt.getOrDefault("res", "8"));
		ScanMode mode = ScanMode.valueOf(opt.getOrDefault("mode", "prospective").toUpperCase());
		int replications = Integer.parseInt(opt.getOrDefault("replications", "999"));
		int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
		Events ev = read(Path.of(opt.get("input")), opt.getOrDefault("type", "OD"));
		long start = LocalDate.of(2022, 1, 1).toEpochDay();
		long firstDay = start + Integer.parseInt(opt.getOrDefault("first-day", "0"));
		long lastDay = start + Integer.parseInt(opt.getOrDefault("last-day", "729"));
		H3Core h3 = H3Core.newInstance();
		Map<Long, Integer> index = new HashMap<>();
		List<Long> ids = new ArrayList<>();
		List<Integer> area = new ArrayList<>();
		List<Long> days = new ArrayList<>();
		for (int i = 0; i < ev.epochDay().length; i++) {
			if (ev.epochDay()[i] < firstDay || ev.epochDay()[i] > lastDay) {
				continue;
			}
			long c = h3.latLngToCell(ev.lat()[i], ev.lon()[i], res);
			area.add(index.computeIfAbsent(c, k -> {
				ids.add(k);
				return ids.size() - 1;
			}));
			days.add(ev.epochDay()[i]);
		}
		double[] x = new double[ids.size()];
		double[] y = new double[ids.size()];
		double lat0 = Arrays.stream(ev.lat()).average().orElse(0);
		for (int i = 0; i < ids.size(); i++) {
			LatLng ll = h3.cellToLatLng(ids.get(i));
			// local equirectangular metres: enough for distances inside a county
			x[i] = ll.lng * 111_320.0 * Math.cos(Math.toRadians(lat0));
			y[i] = ll.lat * 111_320.0;
		}
		AreaDayCounts counts = DailyCounts.byArea(area.stream().mapToInt(Integer::intValue).toArray(),
				days.stream().mapToLong(Long::longValue).toArray(), ids.size(), firstDay, (int) (lastDay - firstDay + 1));
		ScanParameters p = ScanParameters.satscanDefaults(mode, 20240601).withReplications(replications)
				.withThreads(threads);
		if (opt.containsKey("max-window-days")) {
			p = p.withMaxWindowDays(Integer.parseInt(opt.get("max-window-days")));
		}
		if (opt.containsKey("max-radius")) {
			p = p.withMaxRadiusMetres(Double.parseDouble(opt.get("max-radius")));
		}
		long cpu0 = cpuNanos();
		long t0 = System.nanoTime();
		ScanResult r = SpaceTimePermutationScan.run(new ScanInput(x, y, counts), p);
		long t1 = System.nanoTime();
		long cpu1 = cpuNanos();
		System.out.printf("scan: events=%d locations=%d (H3 res %d) days=%d mode=%s maxWindow=%d replications=%d threads=%d%n",
				counts.total(), ids.size(), res, counts.days(), mode, r.maxTemporalDays(), replications, threads);
		for (ScanCluster c : r.clusters().subList(0, Math.min(3, r.clusters().size()))) {
			System.out.printf("  cluster: %d locations, radius %.0f m, days %s..%s, cases %d, expected %.2f, O/E %.2f, LLR %.3f, p %.3f%n",
					c.locations().length, c.radius(), LocalDate.ofEpochDay(firstDay + c.startDay()),
					LocalDate.ofEpochDay(firstDay + c.endDay()), c.cases(), c.expected(), c.observedOverExpected(), c.llr(),
					c.pValue());
		}
		System.out.printf("scan_timing_seconds wall=%.3f process_cpu=%.3f per_replication_cpu_ms=%.2f critical_0.05=%.3f%n",
				s(t0, t1), s(cpu0, cpu1), (cpu1 - cpu0) / 1e6 / (replications + 1), r.criticalValue(0.05));
		if (opt.containsKey("compare")) {
			if (mode != ScanMode.PROSPECTIVE) {
				throw new IllegalArgumentException("--compare: the bounded scanner is for prospective scans");
			}
			ReplicationComparison.Result c = ReplicationComparison.prospective(new ScanInput(x, y, counts), p,
					Integer.parseInt(opt.get("compare")));
			System.out.printf("compare: %d replications, one thread: plain %.1f ms, bounded %.1f ms per "
					+ "replication (CPU), ratio %.1fx, maxima differing: %d%n", c.replications(), c.plainMillis(),
					c.boundedMillis(), c.plainMillis() / c.boundedMillis(), c.differing());
		}
	}

	static Events read(Path file, String type) throws IOException {
		int cap = 1 << 16;
		long[] day = new long[cap];
		double[] lat = new double[cap];
		double[] lon = new double[cap];
		String[] types = new String[cap];
		int n = 0;
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String header = in.readLine();
			if (!header.startsWith("id,t,date,x,y,lon,lat,type")) {
				throw new IllegalArgumentException(file + ": expected gen_synth.py columns, got " + header);
			}
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String[] f = line.split(",");
				if (type != null && !type.equals(f[7])) {
					continue;
				}
				if (n == day.length) {
					day = Arrays.copyOf(day, 2 * n);
					lat = Arrays.copyOf(lat, 2 * n);
					lon = Arrays.copyOf(lon, 2 * n);
					types = Arrays.copyOf(types, 2 * n);
				}
				day[n] = LocalDate.parse(f[2]).toEpochDay();
				lon[n] = Double.parseDouble(f[5]);
				lat[n] = Double.parseDouble(f[6]);
				types[n] = f[7].intern();
				n++;
			}
		}
		return new Events(Arrays.copyOf(day, n), Arrays.copyOf(lat, n), Arrays.copyOf(lon, n), Arrays.copyOf(types, n));
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> m = new HashMap<>();
		for (int i = 1; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("expected --option value, got " + args[i]);
			}
			m.put(args[i].substring(2), args[i + 1]);
		}
		return m;
	}

	/** CPU time of the whole process (all threads, JIT and GC included), nanoseconds. */
	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static double s(long from, long to) {
		return (to - from) / 1e9;
	}
}
