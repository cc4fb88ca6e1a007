package org.beacon.overdose;

import java.time.LocalDate;
import java.util.List;

import org.beacon.shared.AgencyId;

/**
 * Spike detection on overdose events, stored or read from a file. The numbers are those of the methods in
 * {@code docs/methods/} (EARS, CUSUM, space-time scan).
 */
public interface OverdoseDetection {

	/**
	 * EARS C1/C2/C3 or CUSUM per area and day from {@code from} to {@code to} inclusive; the baselines use the
	 * {@link #HISTORY_DAYS} before {@code from} when the events reach back that far. Days without events count 0,
	 * but days before the first event are no data, not zero overdoses: the series starts on the first event's day
	 * if that is later, and days before it have no rows. Areas without any event in the period have no rows.
	 *
	 * @param minSigma floor under the baseline SD in cases per day, or {@code null} for {@link #DEFAULT_MIN_SIGMA};
	 *        0 is the CDC definition (see docs/methods/ears.md)
	 * @throws IllegalArgumentException for {@link DetectionMethod#SCAN} or {@code to} before {@code from}
	 */
	SeriesReport series(AgencyId agency, List<OverdoseEvent> events, DetectionMethod method, AreaGrouping by,
			LocalDate from, LocalDate to, Double minSigma);

	/**
	 * Kulldorff's space-time permutation scan over the days {@code from .. to}, locations being the grouping's
	 * areas or cells (their centroid, or the mean of their events' coordinates).
	 *
	 * @throws IllegalArgumentException for the jurisdiction grouping (one location has no spatial cluster)
	 */
	ScanReport scan(AgencyId agency, List<OverdoseEvent> events, AreaGrouping by, LocalDate from, LocalDate to,
			ScanSettings settings);

	/**
	 * Runs the configured detectors on the agency's stored events for the days {@code from .. to}, stores new
	 * alarms with their evidence and raises {@link OverdoseAlarmRaised} for the recent ones.
	 *
	 * @return the number of new alarms
	 */
	int detectAndStore(AgencyId agency, LocalDate from, LocalDate to);

	/**
	 * The default SD floor, 1 case a day, for every grouping: with a quiet week a single overdose would
	 * otherwise be an infinite z and an alarm. With floor 1 and a zero baseline, 4 cases alarm and 3 do not.
	 */
	double DEFAULT_MIN_SIGMA = 1.0;

	/** Days before the first reported day that the baselines read. */
	int HISTORY_DAYS = 28;
}
