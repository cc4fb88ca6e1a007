package org.beacon.overdose.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.beacon.overdose.OverdoseEntry;

/**
 * Drug trends from overdose entries: suspected substances by month, the first appearance of a substance in an
 * area, the fatal share and naloxone doses per event by month. Plain Java, no clock: months are the events'
 * own calendar days. Unknowns are not guessed: the fatal share is over events whose outcome is known, doses per
 * event over events whose dose count is known, and each row says how many that was.
 */
public final class Trends {

	private Trends() {
	}

	/** Events in {@code month} naming {@code substance} (an event naming two substances counts for both). */
	public record SubstanceMonth(YearMonth month, String substance, int events) {
	}

	/**
	 * The first day {@code substance} was suspected in {@code area}, over all the events given, and the events
	 * naming it there from that day on.
	 */
	public record FirstAppearance(String substance, String area, LocalDate first, int events) {
	}

	/** Per month: events, those whose outcome is known, the fatal ones; share = fatal / known (NaN for none known). */
	public record FatalShare(YearMonth month, int events, int outcomeKnown, int fatal) {

		public double share() {
			return outcomeKnown == 0 ? Double.NaN : (double) fatal / outcomeKnown;
		}
	}

	/**
	 * Per month: events, those with naloxone given (of those where it is known), those with a known dose count and
	 * their doses; doses per event = doses / dosesKnown (NaN for none known).
	 */
	public record NaloxoneMonth(YearMonth month, int events, int naloxoneKnown, int naloxoneGiven, int dosesKnown,
			int doses) {

		public double dosesPerEvent() {
			return dosesKnown == 0 ? Double.NaN : (double) doses / dosesKnown;
		}
	}

	/** Months ascending, substances by code within a month; months or substances without events have no row. */
	public static List<SubstanceMonth> substancesByMonth(List<OverdoseEntry> events) {
		TreeMap<YearMonth, TreeMap<String, Integer>> counts = new TreeMap<>();
		for (OverdoseEntry e : events) {
			YearMonth month = YearMonth.from(e.occurredDate());
			for (String s : e.suspectedDrugs()) {
				counts.computeIfAbsent(month, m -> new TreeMap<>()).merge(s, 1, Integer::sum);
			}
		}
		List<SubstanceMonth> rows = new ArrayList<>();
		counts.forEach((month, bySubstance) -> bySubstance.forEach((s, n) -> rows.add(new SubstanceMonth(month, s, n))));
		return rows;
	}

	/**
	 * For every (substance, area) pair: its first day and how many events named it there since; events without an
	 * area ({@code areaOf} gives null) are left out. Sorted by first day, newest first, then substance and area.
	 */
	public static List<FirstAppearance> firstAppearances(List<OverdoseEntry> events, Function<OverdoseEntry, String> areaOf) {
		Map<List<String>, LocalDate> first = new HashMap<>();
		Map<List<String>, Integer> count = new HashMap<>();
		for (OverdoseEntry e : events) {
			String area = areaOf.apply(e);
			if (area == null) {
				continue;
			}
			for (String s : e.suspectedDrugs()) {
				List<String> key = List.of(s, area);
				first.merge(key, e.occurredDate(), (a, b) -> a.isBefore(b) ? a : b);
				count.merge(key, 1, Integer::sum);
			}
		}
		List<FirstAppearance> rows = new ArrayList<>();
		first.forEach((key, day) -> rows.add(new FirstAppearance(key.get(0), key.get(1), day, count.get(key))));
		rows.sort(Comparator.comparing(FirstAppearance::first).reversed().thenComparing(FirstAppearance::substance)
				.thenComparing(FirstAppearance::area));
		return rows;
	}

	public static List<FatalShare> fatalShareByMonth(List<OverdoseEntry> events) {
		TreeMap<YearMonth, int[]> m = new TreeMap<>();
		for (OverdoseEntry e : events) {
			int[] c = m.computeIfAbsent(YearMonth.from(e.occurredDate()), k -> new int[3]);
			c[0]++;
			if (e.fatal() != null) {
				c[1]++;
				if (e.fatal()) {
					c[2]++;
				}
			}
		}
		List<FatalShare> rows = new ArrayList<>();
		m.forEach((month, c) -> rows.add(new FatalShare(month, c[0], c[1], c[2])));
		return rows;
	}

	public static List<NaloxoneMonth> naloxoneByMonth(List<OverdoseEntry> events) {
		TreeMap<YearMonth, int[]> m = new TreeMap<>();
		for (OverdoseEntry e : events) {
			int[] c = m.computeIfAbsent(YearMonth.from(e.occurredDate()), k -> new int[5]);
			c[0]++;
			if (e.naloxoneGiven() != null) {
				c[1]++;
				if (e.naloxoneGiven()) {
					c[2]++;
				}
			}
			if (e.naloxoneDoses() != null) {
				c[3]++;
				c[4] += e.naloxoneDoses();
			}
		}
		List<NaloxoneMonth> rows = new ArrayList<>();
		m.forEach((month, c) -> rows.add(new NaloxoneMonth(month, c[0], c[1], c[2], c[3], c[4])));
		return rows;
	}
}
