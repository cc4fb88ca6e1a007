package org.beacon.publicsafety.internal;

import java.time.LocalDate;
import java.util.List;

import org.beacon.incidents.OffenseCategory;

/**
 * What a digest says: for each category with incidents now or before, the count in the period and the baseline,
 * the mean count of the same-length periods over the previous {@link Digests#BASELINE_PERIODS} periods.
 */
public record Digest(LocalDate from, LocalDate to, List<Line> lines, String tip, String whatWeDo) {

	public record Line(OffenseCategory category, long count, double baseline, long baselineTotal) {

		/** Above usual: more than the baseline plus one Poisson standard deviation, sqrt(baseline). */
		public boolean aboveUsual() {
			return count > baseline + Math.sqrt(baseline);
		}
	}

	public boolean anyAboveUsual() {
		return lines.stream().anyMatch(Line::aboveUsual);
	}

	public long total() {
		return lines.stream().mapToLong(Line::count).sum();
	}
}
