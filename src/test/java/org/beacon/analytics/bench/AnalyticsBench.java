package org.beacon.analytics.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.beacon.analytics.internal.GiStarResult;
import org.beacon.analytics.internal.Grid;
import org.beacon.analytics.internal.GridNeighbourhood;
import org.beacon.analytics.internal.Kernel;
import org.beacon.analytics.internal.KernelDensity;
import org.beacon.analytics.internal.Knox;
import org.beacon.analytics.internal.KnoxTable;

/**
 * Side-by-side benchmark of the analytics core against its peers on the same input (not a unit test; run
 * by {@code bench/analytics-benchmark.sh}):
 * <ul>
 * <li>Gi* (queen, and a 500 m band) on St. Louis 2008-2020 at 100 m and 50 m against R spdep
 * ({@code gi_star.R});</li>
 * <li>Gaussian KDE of 1M synthetic points on a 200 × 200 grid against scikit-learn ({@code kde.py});</li>
 * <li>Knox with 99 permutations on the 250k synthetic burglaries against {@code knox.py}.</li>
 * </ul>
 * Java times are the median of several runs in one JVM (after a warm-up run) and count the same steps
 * as the peer's own compute timings (no file reading, no interpreter start-up); the peers' wall clock,
 * CPU time and peak RSS are printed as well. Arguments: {@code --stl FILE --peers DIR --work DIR}, and
 * {@code --only gistar,kde,knox} to run some of the cases.
 */
public final class AnalyticsBench {

	private static final int RUNS = 5;

	private static final double[] NRC_METRES = { 0, 1, 101, 201, 301 };

	private static final int[] NRC_DAYS = { 0, 8, 15, 22 };

	private final Path peers;

	private final Path work;

	private final List<String> summary = new ArrayList<>();

	private AnalyticsBench(Path peers, Path work) {
		this.peers = peers;
		this.work = work;
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		Path stl = Path.of(option(args, "--stl"));
		Path peers = Path.of(option(args, "--peers"));
		Path work = Path.of(option(args, "--work"));
		Files.createDirectories(work);
		AnalyticsBench bench = new AnalyticsBench(peers, work);
		System.out.printf("Analytics benchmark: %d CPUs, max heap %d MB, load average %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
		List<String> only = List.of(optional(args, "--only", "gistar,kde,knox").split(","));
		if (only.contains("gistar")) {
			bench.giStar(stl);
		}
		Path synthetic = bench.syntheticData();
		if (only.contains("kde")) {
			bench.kernelDensity(synthetic);
		}
		if (only.contains("knox")) {
			bench.knox(synthetic);
		}
		System.out.printf("%nSummary (load average at the end %s)%n", loadAverage());
		System.out.printf("%-44s %12s %12s %9s%n", "method / input (wall clock unless stated)", "Java s", "peer s",
				"ratio");
		bench.summary.forEach(System.out::println);
	}

	private void giStar(Path stl) throws Exception {
		System.out.println("\n== Gi* (binary weights with self, BH-FDR bins) vs R spdep localG ==");
		long t0 = System.nanoTime();
		BenchInputs.Points points = BenchInputs.stLouis(stl);
		System.out.printf("St. Louis: %d rows read, %d geocoded in the city box (%d stray dropped), read and "
				+ "projected to UTM 15N in %.2f s%n", points.read(), points.x().length, points.dropped(), since(t0));
		Path xy = work.resolve("stl_xy.csv");
		BenchInputs.writeXy(xy, points.x(), points.y());
		giStarCase(points, xy, 100, "queen", GridNeighbourhood.queen());
		giStarCase(points, xy, 50, "queen", GridNeighbourhood.queen());
		giStarCase(points, xy, 100, "dist", GridNeighbourhood.distanceBand(500, 100));
	}

	private void giStarCase(BenchInputs.Points points, Path xy, double cell, String weights,
			GridNeighbourhood neighbourhood) throws Exception {
		String label = String.format("Gi* STL %.0f m %s", cell, weights.equals("dist") ? "500 m band" : weights);
		System.out.println("\n-- " + label);
		double[] times = new double[RUNS + 1];
		GiStarResult result = null;
		Grid grid = null;
		for (int r = 0; r <= RUNS; r++) {
			long t0 = System.nanoTime();
			grid = Grid.covering(points.x(), points.y(), cell);
			int[] counts = grid.count(points.x(), points.y());
			double[] values = new double[counts.length];
			for (int i = 0; i < counts.length; i++) {
				values[i] = counts[i];
			}
			result = GiStarResult.analyse(values, grid.nx(), grid.ny(), null, neighbourhood, true);
			times[r] = since(t0);
		}
		double java = median(Arrays.copyOfRange(times, 1, times.length));
		System.out.printf("Java: %d × %d = %d cells, %d hot / %d cold (FDR); first run %.3f s, median of %d %.4f s%n",
				grid.nx(), grid.ny(), grid.cells(), result.hotCells(), result.coldCells(), times[0], RUNS, java);
		Path out = work.resolve(String.format("gi_%s_%.0f.csv", weights, cell));
		Peer peer = Peer.run(List.of("Rscript", peers.resolve("gi_star.R").toString(), "--input", xy.toString(),
				"--cell", fmt(cell), "--weights", weights, "--dist", "500", "--out", out.toString()));
		double peerCompute = peer.timing("total_compute_seconds(binning+weights+localG+fdr)");
		double[] z = BenchInputs.column(out, "gi_z");
		double[] bins = BenchInputs.column(out, "gi_bin");
		double maxDz = 0;
		int binDiff = 0;
		for (int i = 0; i < z.length; i++) {
			maxDz = Math.max(maxDz, Math.abs(z[i] - result.z()[i]));
			binDiff += (int) bins[i] != result.bin()[i] ? 1 : 0;
		}
		System.out.printf("spdep: compute %.3f s, wall %.2f s, CPU %.2f s, peak RSS %d MB; cells %d; "
				+ "max |Δz| = %.1e, bins differing: %d%n", peerCompute, peer.wallSeconds(), peer.cpuSeconds(),
				peer.maxRssKb() >> 10, z.length, maxDz, binDiff);
		summary.add(row(label + " (" + grid.cells() + " cells)", java, peerCompute));
	}

	private Path syntheticData() throws Exception {
		Path file = work.resolve("synth_1e6.csv");
		if (!Files.exists(file)) {
			System.out.println("\nGenerating 1M synthetic events with gen_synth.py (not timed)");
			Peer gen = Peer.run(List.of("/usr/bin/python3", peers.resolve("gen_synth.py").toString(), "1000000",
					file.toString()));
			if (gen.exitCode() != 0) {
				throw new IllegalStateException("gen_synth.py failed");
			}
		}
		return file;
	}

	private void kernelDensity(Path synthetic) throws Exception {
		System.out.println("\n== Gaussian KDE, h = 300 m, 100 m cells vs scikit-learn KernelDensity ==");
		long t0 = System.nanoTime();
		BenchInputs.Points points = BenchInputs.synthetic(synthetic, null);
		System.out.printf("synthetic: %d events read in %.2f s%n", points.x().length, since(t0));
		double[] times = new double[RUNS + 1];
		double[] density = null;
		Grid grid = null;
		for (int r = 0; r <= RUNS; r++) {
			long s = System.nanoTime();
			grid = Grid.covering(points.x(), points.y(), 100);
			density = KernelDensity.perKm2(points.x(), points.y(), null, grid, Kernel.GAUSSIAN, 300);
			times[r] = since(s);
		}
		double java = median(Arrays.copyOfRange(times, 1, times.length));
		double max = Arrays.stream(density).max().orElse(0);
		double exactErr = exactError(points, grid, density, max);
		System.out.printf("Java: %d × %d cells, first run %.3f s, median of %d %.4f s; max %.1f per km²; "
				+ "vs exact sum at 200 random cells: max error %.2e of max%n", grid.nx(), grid.ny(), times[0], RUNS, java,
				max, exactErr);
		Grid fine = Grid.covering(points.x(), points.y(), 50);
		long q0 = System.nanoTime();
		KernelDensity.perKm2(points.x(), points.y(), null, fine, Kernel.QUARTIC, 400);
		System.out.printf("Java quartic r = 400 m on %d × %d = %d cells: %.3f s%n", fine.nx(), fine.ny(), fine.cells(),
				since(q0));
		Path out = work.resolve("kde_out.csv");
		Peer peer = Peer.run(List.of("/usr/bin/python3", peers.resolve("kde.py").toString(), "--input",
				synthetic.toString(), "--cell", "100", "--bandwidth", "300", "--method", "sklearn", "--check", "0",
				"--out", out.toString()));
		double peerCompute = peer.timing("sklearn_fit") + peer.timing("sklearn_eval");
		double[] sk = BenchInputs.column(out, "per_km2_sklearn");
		double maxErr = 0;
		double skMax = 0;
		for (int i = 0; i < sk.length; i++) {
			maxErr = Math.max(maxErr, Math.abs(sk[i] - density[i]));
			skMax = Math.max(skMax, sk[i]);
		}
		System.out.printf("sklearn (rtol 1e-4): fit + evaluate %.2f s, wall %.2f s, CPU %.2f s, peak RSS %d MB; "
				+ "max |Java − sklearn| = %.2e of max%n", peerCompute, peer.wallSeconds(), peer.cpuSeconds(),
				peer.maxRssKb() >> 10, maxErr / skMax);
		summary.add(row("KDE 1M pts, " + grid.cells() + " cells", java, peerCompute));
	}

	private void knox(Path synthetic) throws Exception {
		System.out.println("\n== Knox, 99 permutations, Manhattan, NRC bands vs knox.py ==");
		BenchInputs.Points points = BenchInputs.synthetic(synthetic, "BURG");
		System.out.printf("synthetic burglaries: %d events%n", points.x().length);
		System.gc();
		resetPeakHeap();
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long cpu0 = os.getProcessCpuTime();
		long t0 = System.nanoTime();
		KnoxTable table = Knox.table(points.x(), points.y(), points.day(), NRC_METRES, NRC_DAYS, Knox.Metric.MANHATTAN,
				99, 1);
		double java = since(t0);
		double javaCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
		System.out.printf("Java: %.2f s wall, %.2f s CPU, %d pairs within 301 m, peak heap %d MB%n", java, javaCpu,
				table.pairsWithinMaxDistance(), peakHeapBytes() >> 20);
		printKnox(table);
		Path out = work.resolve("knox_out.csv");
		Peer peer = Peer.run(List.of("/usr/bin/python3", peers.resolve("knox.py").toString(), "--input",
				synthetic.toString(), "--type", "BURG", "--nrep", "99", "--out", out.toString()));
		double peerCompute = peer.timing("pairs") + peer.timing("observed") + peer.timing("permutations_99");
		double[] observed = BenchInputs.column(out, "observed");
		int differ = 0;
		for (int c = 0; c < observed.length; c++) {
			differ += (long) observed[c] != table.observed()[c] ? 1 : 0;
		}
		System.out.printf("knox.py: compute %.1f s, wall %.1f s, CPU %.1f s, peak RSS %d MB; observed cells "
				+ "differing: %d of %d%n", peerCompute, peer.wallSeconds(), peer.cpuSeconds(), peer.maxRssKb() >> 10,
				differ, observed.length);
		summary.add(row("Knox " + points.x().length + " events, 99 perms", java, peerCompute));
		// the machine may be shared: CPU seconds compare the work done whatever share of the cores each got
		summary.add(row("  same, CPU seconds (Java process / knox.py)", javaCpu, peer.cpuSeconds()));
	}

	private static double exactError(BenchInputs.Points points, Grid grid, double[] density, double max) {
		SplittableRandom rng = new SplittableRandom(0);
		double worst = 0;
		for (int k = 0; k < 200; k++) {
			int c = rng.nextInt(grid.cells());
			double exact = KernelDensity.exactPerKm2(points.x(), points.y(), null, Kernel.GAUSSIAN, 300,
					grid.centreX(c % grid.nx()), grid.centreY(c / grid.nx()));
			worst = Math.max(worst, Math.abs(exact - density[c]));
		}
		return worst / max;
	}

	private static void printKnox(KnoxTable table) {
		StringBuilder header = new StringBuilder(String.format("  %-16s", "ratio (p)"));
		for (int t = 0; t < table.columns(); t++) {
			header.append(String.format("%16s", table.timeLabel(t) + " d"));
		}
		System.out.println(header);
		for (int s = 0; s < table.rows(); s++) {
			StringBuilder line = new StringBuilder(String.format("  %-16s", table.spaceLabel(s)));
			for (int t = 0; t < table.columns(); t++) {
				line.append(String.format("%16s", String.format("%.2f (%.2f)", table.ratio(s, t), table.pValue(s, t))));
			}
			System.out.println(line);
		}
	}

	private static String row(String label, double java, double peer) {
		return String.format("%-44s %12.4f %12.3f %8.0fx", label, java, peer, peer / java);
	}

	private static void resetPeakHeap() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** Sum of the heap pools' peaks: an upper bound on the heap in use at any one time. */
	private static long peakHeapBytes() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
	}

	private static double since(long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	private static String optional(String[] args, String name, String fallback) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

	private static String option(String[] args, String name) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		throw new IllegalArgumentException("missing " + name + " (usage: --stl FILE --peers DIR --work DIR)");
	}
}
