package org.beacon.staffweb.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beacon.geography.Area;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentQueries;
import org.beacon.incidents.MonthlyCount;
import org.beacon.shared.AgencyId;
import org.springframework.stereotype.Service;

/** What the map, legend and chart of the staff home page show, asked of incidents and geography. */
@Service
public class IncidentSummaries {

	/** Legend classes: five read well and ColorBrewer's sequential palettes are colour-blind safe at five. */
	static final int CLASSES = 5;

	/** Longest chart padded month by month: a century. */
	static final int MAX_MONTHS = 1200;

	private final IncidentQueries queries;
	private final Geography geography;

	IncidentSummaries(IncidentQueries queries, Geography geography) {
		this.queries = queries;
		this.geography = geography;
	}

	/**
	 * The map and chart data.
	 *
	 * @param areas incidents per neighbourhood id, every neighbourhood included (0 when none)
	 * @param inAreas how many of {@code total} fall into a neighbourhood
	 * @param monthly every month of the selection, 0 where none
	 * @param breaks upper bounds of the legend classes: Jenks natural breaks over the non-zero {@code areas}
	 */
	public record Summary(LocalDate from, LocalDate to, String category, String categoryLabel, long total,
			long inAreas, Map<Long, Long> areas, List<Month> monthly, double[] breaks) {
	}

	/** One month of the chart, {@code month} as {@code yyyy-MM}. */
	public record Month(String month, long count) {
	}

	public Summary summary(AgencyId agency, IncidentSelection selection) {
		IncidentFilter filter = selection.filter(agency);
		Map<Long, Long> counts = queries.countsByArea(filter, AreaKind.NEIGHBOURHOOD);
		Map<Long, Long> areas = new LinkedHashMap<>();
		for (Area area : geography.areas(agency, AreaKind.NEIGHBOURHOOD)) {
			areas.put(area.id(), counts.getOrDefault(area.id(), 0L));
		}
		long inAreas = areas.values().stream().mapToLong(Long::longValue).sum();
		// areas without incidents get a class of their own on the map; the breaks divide the rest
		double[] breaks = NaturalBreaks.upperBounds(
				areas.values().stream().filter(c -> c > 0).mapToDouble(Long::doubleValue).toArray(), CLASSES);
		return new Summary(selection.from(), selection.to(), selection.category().value(),
				selection.category().label(), queries.count(filter), inAreas, areas,
				months(queries.monthlyCounts(filter), selection), breaks);
	}

	/**
	 * The period shown when the user chose none: the twelve months ending with the last month that has
	 * incidents, so a fresh install shows its sample at once; the last twelve months to today when there
	 * are none.
	 */
	public IncidentSelection defaultSelection(AgencyId agency, ZoneId zone) {
		List<MonthlyCount> months = queries.monthlyCounts(new IncidentFilter(agency, null, null, Set.of()));
		YearMonth last = null;
		for (MonthlyCount month : months) {
			if (month.count() > 0 && (last == null || month.month().isAfter(last))) {
				last = month.month();
			}
		}
		if (last == null) {
			LocalDate today = LocalDate.now(zone);
			return new IncidentSelection(today.minusYears(1).plusDays(1), today, CategoryChoice.ALL);
		}
		return new IncidentSelection(last.minusMonths(11).atDay(1), last.atEndOfMonth(), CategoryChoice.ALL);
	}

	/** Pads the counts to every month of the selection; open ends take the data's first or last month. */
	private static List<Month> months(List<MonthlyCount> counts, IncidentSelection selection) {
		Map<YearMonth, Long> byMonth = new LinkedHashMap<>();
		counts.forEach(c -> byMonth.merge(c.month(), c.count(), Long::sum));
		YearMonth first = selection.from() != null ? YearMonth.from(selection.from())
				: byMonth.keySet().stream().min(YearMonth::compareTo).orElse(null);
		YearMonth last = selection.to() != null ? YearMonth.from(selection.to())
				: byMonth.keySet().stream().max(YearMonth::compareTo).orElse(null);
		List<Month> months = new ArrayList<>();
		if (first == null || last == null) {
			return months;
		}
		if (first.plusMonths(MAX_MONTHS).isBefore(last)) {
			// an absurd range (year 1 to 9999) is not padded; the data's own months still show
			byMonth.forEach((month, count) -> months.add(new Month(month.toString(), count)));
			return months;
		}
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			months.add(new Month(m.toString(), byMonth.getOrDefault(m, 0L)));
		}
		return months;
	}
}
