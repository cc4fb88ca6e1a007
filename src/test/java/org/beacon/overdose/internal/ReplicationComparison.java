package org.beacon.overdose.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * For the benchmark: the same replications (same seeds as {@link SpaceTimePermutationScan}) through the
 * plain {@link CylinderScanner} and through the bounded {@link ProspectiveScanner}, on one thread each,
 * with their CPU time and whether every maximum is the same number. Not a unit test.
 */
public final class ReplicationComparison {

	/** CPU milliseconds per replication of each scanner, and the count of replications whose maxima differ. */
	public record Result(int replications, double plainMillis, double boundedMillis, int differing) {
	}

	private ReplicationComparison() {
	}

	/** The first {@code replications} replications of a prospective scan with {@code parameters}. */
	public static Result prospective(ScanInput input, ScanParameters parameters, int replications) {
		AreaDayCounts counts = input.counts();
		long total = counts.total();
		long[] locationTotal = counts.areaTotals();
		int[] locationStart = new int[input.locations() + 1];
		int[] caseDay = new int[(int) total];
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
		int maxWindow = parameters.maxTemporalDays(counts.days());
		ScanCircles circles = ScanCircles.build(input.x(), input.y(), locationTotal,
				parameters.maxSpatialShare() * total, parameters.maxRadiusMetres());
		CylinderScanner plain = new CylinderScanner(circles, locationStart, locationTotal, counts.dayTotals(), total,
				maxWindow, ScanMode.PROSPECTIVE, parameters.minCases());
		ProspectiveScanner bounded = new ProspectiveScanner(circles, locationStart, locationTotal, counts.dayTotals(),
				total, maxWindow, parameters.minCases());
		CylinderScanner.Scratch plainScratch = plain.newScratch();
		ProspectiveScanner.Scratch boundedScratch = bounded.newScratch();
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		SplittableRandom root = new SplittableRandom(parameters.seed());
		long plainNanos = 0;
		long boundedNanos = 0;
		int differing = 0;
		int[] permuted = new int[caseDay.length];
		for (int r = 0; r < replications; r++) {
			System.arraycopy(caseDay, 0, permuted, 0, caseDay.length);
			SpaceTimePermutationScan.shuffle(permuted, new SplittableRandom(root.nextLong()));
			long t0 = cpu.getCurrentThreadCpuTime();
			double a = plain.maxLlr(permuted, plainScratch);
			long t1 = cpu.getCurrentThreadCpuTime();
			double b = bounded.maxLlr(permuted, boundedScratch);
			long t2 = cpu.getCurrentThreadCpuTime();
			plainNanos += t1 - t0;
			boundedNanos += t2 - t1;
			if (a != b) {
				differing++;
			}
		}
		return new Result(replications, plainNanos / 1e6 / replications, boundedNanos / 1e6 / replications,
				differing);
	}
}
