package org.beacon.overdose.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.beacon.geography.Geography;
import org.beacon.geography.PlaneProjection;
import org.beacon.overdose.AreaGrouping;
import org.beacon.overdose.ClusterRow;
import org.beacon.overdose.DetectionMethod;
import org.beacon.overdose.DetectionRow;
import org.beacon.overdose.OverdoseDetection;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.overdose.ScanReport;
import org.beacon.overdose.ScanSettings;
import org.beacon.overdose.SeriesReport;
import org.beacon.shared.AgencyId;
import org.springframework.stereotype.Service;

/**
 * Turns events into daily counts per location and runs the detectors of {@code overdose.internal} on them.
 * Storing alarms is {@link AlarmDetection}'s job; this class computes.
 */
@Service
public class DetectionService implements OverdoseDetection {

	private final Geography geography;
	private final AlarmDetection alarms;

	DetectionService(Geography geography, AlarmDetection alarms) {
		this.geography = geography;
		this.alarms = alarms;
	}

	/** Per-location statistics for the days {@code start .. to}, and the grouping they came from. */
	record Computed(EventGrouping.Grouped grouped, LocalDate start, List<SeriesStatistics> statistics, boolean[] active) {
	}

	/** Counts, locations in metres and the scan's result, for evidence. */
	record Scanned(EventGrouping.Grouped grouped, List<EventGrouping.Location> locations, LocalDate start,
			AreaDayCounts counts, ScanResult result, List<ClusterRow> rows, int leftOut) {
	}

	@Override
	public SeriesReport series(AgencyId agency, List<OverdoseEvent> events, DetectionMethod method, AreaGrouping by,
			LocalDate from, LocalDate to, Double minSigma) {
		Computed c = compute(agency, events, method, by, from, to, minSigma, null);
		List<DetectionRow> rows = new ArrayList<>();
		int offset = (int) Math.max(0, from.toEpochDay() - c.start().toEpochDay());
		for (int a = 0; a < c.grouped().locations().size(); a++) {
			if (!c.active()[a]) {
				continue;
			}
			SeriesStatistics s = c.statistics().get(a);
			String area = c.grouped().locations().get(a).name();
			for (int d = offset; d < s.count().length; d++) {
				rows.add(new DetectionRow(c.start().plusDays(d), area, s.count()[d], s.mean()[d], s.sd()[d],
						s.statistic()[d], s.alarm()[d]));
			}
		}
		return new SeriesReport(rows, c.grouped().leftOut());
	}

	/**
	 * @param dataStart the first day the data covers (before it there is no data, which is not the same as no
	 *        overdoses), or {@code null} for the first day of {@code events}; the series starts there if that is
	 *        later than {@code from} minus {@link #HISTORY_DAYS}
	 */
	Computed compute(AgencyId agency, List<OverdoseEvent> events, DetectionMethod method, AreaGrouping by,
			LocalDate from, LocalDate to, Double minSigma, LocalDate dataStart) {
		if (method == DetectionMethod.SCAN) {
			throw new IllegalArgumentException("use scan(...) for the space-time scan");
		}
		requireOrder(from, to);
		LocalDate covered = dataStart != null ? dataStart
				: events.stream().map(e -> e.entry().occurredDate()).min(LocalDate::compareTo).orElse(from);
		LocalDate start = from.minusDays(HISTORY_DAYS);
		if (covered.isAfter(start)) {
			start = covered.isAfter(to) ? to : covered;
		}
		List<OverdoseEvent> inPeriod = within(events, start, to);
		EventGrouping.Grouped grouped = EventGrouping.group(inPeriod, by, geography, agency, false);
		AreaDayCounts counts = counts(inPeriod, grouped, start, to);
		double floor = minSigma != null ? minSigma : DEFAULT_MIN_SIGMA;
		boolean[] active = new boolean[grouped.locations().size()];
		long fromDay = from.toEpochDay();
		for (int i = 0; i < inPeriod.size(); i++) {
			if (grouped.locationOf()[i] >= 0 && inPeriod.get(i).entry().occurredDate().toEpochDay() >= fromDay) {
				active[grouped.locationOf()[i]] = true;
			}
		}
		List<SeriesStatistics> statistics = new ArrayList<>();
		for (int a = 0; a < counts.areas(); a++) {
			statistics.add(SeriesStatistics.of(method, counts.series(a), floor));
		}
		return new Computed(grouped, start, statistics, active);
	}

	@Override
	public ScanReport scan(AgencyId agency, List<OverdoseEvent> events, AreaGrouping by, LocalDate from, LocalDate to,
			ScanSettings settings) {
		Scanned s = scanned(agency, events, by, from, to, settings, 1);
		return new ScanReport(s.rows(), s.counts().total(), s.counts().areas(), s.counts().days(), s.leftOut());
	}

	Scanned scanned(AgencyId agency, List<OverdoseEvent> events, AreaGrouping by, LocalDate from, LocalDate to,
			ScanSettings settings, int threads) {
		if (by.level() == AreaGrouping.Level.JURISDICTION) {
			throw new IllegalArgumentException(
					"the scan needs locations: use --by county, city, neighbourhood or h3:RES, not jurisdiction");
		}
		requireOrder(from, to);
		List<OverdoseEvent> inPeriod = within(events, from, to);
		EventGrouping.Grouped grouped = EventGrouping.group(inPeriod, by, geography, agency, true);
		// locations without a centre (only area-level events) cannot be placed in a circle
		int[] keep = new int[grouped.locations().size()];
		List<EventGrouping.Location> placed = new ArrayList<>();
		for (int a = 0; a < keep.length; a++) {
			EventGrouping.Location l = grouped.locations().get(a);
			keep[a] = Double.isNaN(l.lat()) ? -1 : placed.size();
			if (keep[a] >= 0) {
				placed.add(l);
			}
		}
		int[] locationOf = new int[inPeriod.size()];
		int leftOut = grouped.leftOut();
		for (int i = 0; i < locationOf.length; i++) {
			int a = grouped.locationOf()[i];
			locationOf[i] = a < 0 ? -1 : keep[a];
			if (a >= 0 && keep[a] < 0) {
				leftOut++;
			}
		}
		EventGrouping.Grouped usable = new EventGrouping.Grouped(by, placed, locationOf, leftOut);
		AreaDayCounts counts = counts(inPeriod, usable, from, to);
		double[] x = new double[placed.size()];
		double[] y = new double[placed.size()];
		project(placed, x, y);
		ScanParameters parameters = ScanParameters
				.satscanDefaults(settings.prospective() ? ScanMode.PROSPECTIVE : ScanMode.RETROSPECTIVE, settings.seed())
				.withReplications(settings.replications()).withMaxWindowDays(settings.maxWindowDays())
				.withMaxRadiusMetres(settings.maxRadiusMetres()).withThreads(Math.max(1, threads));
		ScanResult result = SpaceTimePermutationScan.run(new ScanInput(x, y, counts), parameters);
		List<ClusterRow> rows = new ArrayList<>();
		for (int i = 0; i < result.clusters().size(); i++) {
			ScanCluster c = result.clusters().get(i);
			EventGrouping.Location centre = placed.get(c.centre());
			List<String> members = Arrays.stream(c.locations()).mapToObj(m -> placed.get(m).name()).toList();
			rows.add(new ClusterRow(i + 1, centre.name(), members, centre.lat(), centre.lon(), c.radius(),
					from.plusDays(c.startDay()), from.plusDays(c.endDay()), c.cases(), c.expected(), c.llr(), c.pValue()));
		}
		return new Scanned(usable, placed, from, counts, result, rows, leftOut);
	}

	@Override
	public int detectAndStore(AgencyId agency, LocalDate from, LocalDate to) {
		return alarms.detectAndStore(this, agency, from, to);
	}

	/**
	 * Metres on a transverse Mercator centred on the locations: distances within a few hundred kilometres of
	 * the centre are true to 0.1 %, whatever projection the agency uses for its own city.
	 */
	private void project(List<EventGrouping.Location> locations, double[] x, double[] y) {
		if (locations.isEmpty()) {
			return;
		}
		double lat = locations.stream().mapToDouble(EventGrouping.Location::lat).average().orElse(0);
		double lon = locations.stream().mapToDouble(EventGrouping.Location::lon).average().orElse(0);
		PlaneProjection plane = geography.projectionFrom(String.format(Locale.ROOT,
				"+proj=tmerc +lat_0=%.6f +lon_0=%.6f +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m", lat, lon));
		double[] xy = new double[2];
		for (int i = 0; i < x.length; i++) {
			plane.toPlane(locations.get(i).lat(), locations.get(i).lon(), xy);
			x[i] = xy[0];
			y[i] = xy[1];
		}
	}

	private static AreaDayCounts counts(List<OverdoseEvent> events, EventGrouping.Grouped grouped, LocalDate first,
			LocalDate last) {
		int n = 0;
		for (int a : grouped.locationOf()) {
			if (a >= 0) {
				n++;
			}
		}
		int[] area = new int[n];
		long[] days = new long[n];
		for (int i = 0, k = 0; i < events.size(); i++) {
			if (grouped.locationOf()[i] >= 0) {
				area[k] = grouped.locationOf()[i];
				days[k++] = events.get(i).entry().occurredDate().toEpochDay();
			}
		}
		return DailyCounts.byArea(area, days, grouped.locations().size(), first.toEpochDay(),
				DailyCounts.daysInclusive(first, last));
	}

	private static List<OverdoseEvent> within(List<OverdoseEvent> events, LocalDate from, LocalDate to) {
		return events.stream().filter(e -> !e.entry().occurredDate().isBefore(from) && !e.entry().occurredDate().isAfter(to))
				.toList();
	}

	private static void requireOrder(LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			throw new IllegalArgumentException("from and to are required");
		}
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
		}
	}
}
