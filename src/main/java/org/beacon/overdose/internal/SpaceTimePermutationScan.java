package org.beacon.overdose.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Kulldorff's space-time permutation scan statistic (Kulldorff, Heffernan, Hartman, Assunção &amp;
 * Mostashari 2005, PLoS Med 2:e59), as SaTScan computes it:
 *
 * <pre>
 * μ_zd = (cases in location z) · (cases on day d) / C          expected under no space-time interaction
 * cylinder A: μ_A = Σ_{(z,d)∈A} μ_zd = n_circle · t_window / C
 * LLR(A) = c_A ln(c_A/μ_A) + (C−c_A) ln((C−c_A)/(C−μ_A))     only when c_A &gt; μ_A (high rates)
 * </pre>
 *
 * Cylinders: circles around each location through its nearest locations, up to
 * {@link ScanParameters#maxSpatialShare()} of all cases, times windows of 1 to
 * {@link ScanParameters#maxTemporalDays(int)} days, anywhere (retrospective) or ending on the last day
 * (prospective). Like SaTScan we use this Poisson approximation of the permutation likelihood.
 *
 * <p>Inference: R replications randomly re-assign the cases' days among the cases, which keeps every
 * location's total and every day's total; p = (1 + replications whose largest LLR ≥ the cluster's) /
 * (R + 1). Replication r draws from {@code SplittableRandom} seeded with the r-th value of a generator
 * seeded with {@link ScanParameters#seed()}, so results do not depend on the number of threads. A
 * replication only needs its largest LLR: prospective ones use {@link ProspectiveScanner}, which proves
 * most circles cannot beat the best so far and returns the same number as visiting every cylinder.
 *
 * <p>Reported clusters: each centre's best cylinder, by descending LLR; the first is the most likely
 * cluster, each next one is kept if it shares no location with those before it (SaTScan's default "no
 * geographical overlap"). Each p-value compares the cluster with the replications' most likely clusters.
 */
public final class SpaceTimePermutationScan {

	/** Table sizes grow with the number of cases; beyond this, aggregate first. */
	static final long MAX_CASES = 50_000_000L;

	private SpaceTimePermutationScan() {
	}

	/**
	 * @return clusters and replicate maxima; no clusters when there are no cases, no days, or no cylinder
	 *         with more cases than expected
	 * @throws IllegalArgumentException if the input holds more than {@link #MAX_CASES} cases
	 */
	public static ScanResult run(ScanInput input, ScanParameters parameters) {
		AreaDayCounts counts = input.counts();
		long total = counts.total();
		int days = counts.days();
		int maxWindow = parameters.maxTemporalDays(days);
		if (total > MAX_CASES) {
			throw new IllegalArgumentException(total + " cases is more than " + MAX_CASES + "; aggregate by area first");
		}
		if (total == 0 || days == 0) {
			return new ScanResult(parameters, total, input.locations(), days, maxWindow, List.of(), new double[0]);
		}
		long[] locationTotal = counts.areaTotals();
		int[] locationStart = new int[input.locations() + 1];
		int[] caseDay = casesByLocation(counts, locationStart);
		ScanCircles circles = ScanCircles.build(input.x(), input.y(), locationTotal,
				parameters.maxSpatialShare() * total, parameters.maxRadiusMetres());
		CylinderScanner scanner = new CylinderScanner(circles, locationStart, locationTotal, counts.dayTotals(), total,
				maxWindow, parameters.mode(), parameters.minCases());

		List<CylinderScanner.Cylinder> chosen = nonOverlapping(scanner.bestPerCentre(caseDay, scanner.newScratch()),
				circles, input.locations(), parameters.maxClusters());
		double[] maxima = replicate(replicationScanner(scanner, circles, locationStart, locationTotal, counts, total,
				maxWindow, parameters), caseDay, parameters);
		Arrays.sort(maxima);

		List<ScanCluster> clusters = new ArrayList<>(chosen.size());
		for (CylinderScanner.Cylinder c : chosen) {
			int size = circles.ends[c.centre()][c.circle()];
			clusters.add(new ScanCluster(c.centre(), Arrays.copyOf(circles.neighbours[c.centre()], size),
					circles.radius[c.centre()][c.circle()], c.startDay(), c.endDay(), c.cases(), c.expected(), c.llr(),
					pValue(maxima, c.llr())));
		}
		return new ScanResult(parameters, total, input.locations(), days, maxWindow, List.copyOf(clusters), maxima);
	}

	/** One entry per case, grouped by location: {@code caseDay[locationStart[z] .. locationStart[z+1])}. */
	private static int[] casesByLocation(AreaDayCounts counts, int[] locationStart) {
		int[] caseDay = new int[(int) counts.total()];
		int k = 0;
		for (int z = 0; z < counts.areas(); z++) {
			locationStart[z] = k;
			for (int d = 0; d < counts.days(); d++) {
				for (int c = counts.count(z, d); c > 0; c--) {
					caseDay[k++] = d;
				}
			}
		}
		locationStart[counts.areas()] = k;
		return caseDay;
	}

	/** Centres' best cylinders by descending LLR (ties: lower centre first), skipping overlapping ones. */
	private static List<CylinderScanner.Cylinder> nonOverlapping(CylinderScanner.Cylinder[] best, ScanCircles circles,
			int locations, int max) {
		List<CylinderScanner.Cylinder> ranked = new ArrayList<>();
		for (CylinderScanner.Cylinder c : best) {
			if (c != null) {
				ranked.add(c);
			}
		}
		ranked.sort(Comparator.comparingDouble(CylinderScanner.Cylinder::llr).reversed()
				.thenComparingInt(CylinderScanner.Cylinder::centre));
		boolean[] used = new boolean[locations];
		List<CylinderScanner.Cylinder> chosen = new ArrayList<>();
		for (CylinderScanner.Cylinder c : ranked) {
			if (chosen.size() == max) {
				break;
			}
			int[] members = circles.neighbours[c.centre()];
			int size = circles.ends[c.centre()][c.circle()];
			boolean overlaps = false;
			for (int j = 0; j < size && !overlaps; j++) {
				overlaps = used[members[j]];
			}
			if (!overlaps) {
				for (int j = 0; j < size; j++) {
					used[members[j]] = true;
				}
				chosen.add(c);
			}
		}
		return chosen;
	}

	/**
	 * Per thread, a function from permuted case days to the replication's largest LLR: the bounded
	 * {@link ProspectiveScanner} for prospective scans, {@link CylinderScanner} otherwise (and when a circle
	 * may hold every case, where the bounds do not apply). Both return the same number.
	 */
	private static Supplier<ToDoubleFunction<int[]>> replicationScanner(CylinderScanner scanner, ScanCircles circles,
			int[] locationStart, long[] locationTotal, AreaDayCounts counts, long total, int maxWindow,
			ScanParameters parameters) {
		if (parameters.mode() == ScanMode.PROSPECTIVE
				&& circles.largestCircleCases(locationTotal) < total) {
			ProspectiveScanner bounded = new ProspectiveScanner(circles, locationStart, locationTotal,
					counts.dayTotals(), total, maxWindow, parameters.minCases());
			return () -> {
				ProspectiveScanner.Scratch scratch = bounded.newScratch();
				return days -> bounded.maxLlr(days, scratch);
			};
		}
		return () -> {
			CylinderScanner.Scratch scratch = scanner.newScratch();
			return days -> scanner.maxLlr(days, scratch);
		};
	}

	/** Largest LLR of each replication, computed on {@code threads} threads. */
	private static double[] replicate(Supplier<ToDoubleFunction<int[]>> scanners, int[] caseDay,
			ScanParameters parameters) {
		int replications = parameters.replications();
		long[] seeds = new long[replications];
		SplittableRandom root = new SplittableRandom(parameters.seed());
		for (int r = 0; r < replications; r++) {
			seeds[r] = root.nextLong();
		}
		double[] maxima = new double[replications];
		AtomicInteger next = new AtomicInteger();
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		Runnable worker = () -> {
			try {
				ToDoubleFunction<int[]> scanner = scanners.get();
				int[] permuted = new int[caseDay.length];
				for (int r = next.getAndIncrement(); r < replications && failure.get() == null; r = next.getAndIncrement()) {
					System.arraycopy(caseDay, 0, permuted, 0, caseDay.length);
					shuffle(permuted, new SplittableRandom(seeds[r]));
					maxima[r] = scanner.applyAsDouble(permuted);
				}
			}
			catch (RuntimeException e) {
				failure.compareAndSet(null, e);
			}
		};
		int extra = Math.min(parameters.threads(), Math.max(1, replications)) - 1;
		Thread[] threads = new Thread[extra];
		for (int t = 0; t < extra; t++) {
			threads[t] = new Thread(worker, "scan-replication-" + t);
			threads[t].start();
		}
		worker.run();
		for (Thread t : threads) {
			try {
				t.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for scan replications", e);
			}
		}
		if (failure.get() != null) {
			throw failure.get();
		}
		return maxima;
	}

	/** Fisher–Yates shuffle: every permutation of the days among the cases is equally likely. */
	static void shuffle(int[] a, SplittableRandom random) {
		for (int i = a.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}

	/** (1 + replications with a maximum ≥ llr) / (R + 1); NaN without replications. */
	private static double pValue(double[] sortedMaxima, double llr) {
		if (sortedMaxima.length == 0) {
			return Double.NaN;
		}
		int lo = 0; // first index with a maximum ≥ llr
		int hi = sortedMaxima.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sortedMaxima[mid] < llr) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return (double) (1 + sortedMaxima.length - lo) / (sortedMaxima.length + 1);
	}
}
