package org.beacon.overdose.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.overdose.AreaGrouping;
import org.beacon.overdose.ClusterRow;
import org.beacon.overdose.DetectionMethod;
import org.beacon.overdose.OverdoseAlarmRaised;
import org.beacon.overdose.OverdoseDetection;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.overdose.ScanSettings;
import org.beacon.shared.AgencyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the configured detectors over stored events and keeps every alarm with its evidence. An alarm already
 * stored for the same (method, area, day) is not stored or announced again (runs may repeat and overlap); if a
 * later run counts more cases that day, its evidence is brought up to date. New alarms on recent
 * days raise {@link OverdoseAlarmRaised} in the same transaction: the event publication registry then holds
 * the notification until it has been delivered.
 */
@Component
class AlarmDetection {

	private static final Logger log = LoggerFactory.getLogger(AlarmDetection.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Days of series kept as evidence, ending on the alarm's day. */
	static final int EVIDENCE_DAYS = 29;

	private final OverdoseEventRepository events;
	private final AlarmRepository alarms;
	private final Agencies agencies;
	private final OverdoseProperties properties;
	private final ApplicationEventPublisher publisher;
	private final ObjectProvider<Clock> clock;

	AlarmDetection(OverdoseEventRepository events, AlarmRepository alarms, Agencies agencies,
			OverdoseProperties properties, ApplicationEventPublisher publisher, ObjectProvider<Clock> clock) {
		this.events = events;
		this.alarms = alarms;
		this.agencies = agencies;
		this.properties = properties;
		this.publisher = publisher;
		this.clock = clock;
	}

	@Transactional
	int detectAndStore(DetectionService calculator, AgencyId agency, LocalDate from, LocalDate to) {
		OverdoseProperties.Detection detection = properties.detection();
		OverdoseProperties.Scan scan = properties.scan();
		LocalDate scanStart = to.minusDays(scan.studyDays() - 1L);
		LocalDate historyStart = from.minusDays(OverdoseDetection.HISTORY_DAYS);
		List<OverdoseEvent> stored = events.between(agency, scanStart.isBefore(historyStart) ? scanStart : historyStart, to);
		Instant now = clock.getIfAvailable(Clock::systemUTC).instant();
		LocalDate today = now.atZone(agencies.get(agency).timeZone()).toLocalDate();
		LocalDate notifyFrom = today.minusDays(detection.notifyWithinDays());
		LocalDate dataStart = events.firstDay(agency).orElse(historyStart);
		int added = 0;
		for (String methodName : detection.methods()) {
			DetectionMethod method = DetectionMethod.parse(methodName);
			for (String byName : detection.by()) {
				AreaGrouping by = AreaGrouping.parse(byName);
				added += seriesAlarms(calculator.compute(agency, stored, method, by, from, to, null, dataStart), agency, from, now,
						notifyFrom);
			}
		}
		if (scan.enabled()) {
			ScanSettings settings = new ScanSettings(scan.replications(), scan.seed(), scan.windowDays(),
					scan.maxRadiusMetres(), true);
			added += scanAlarms(calculator.scanned(agency, stored, AreaGrouping.parse(scan.by()), scanStart, to, settings,
					1), agency, scan.alpha(), now, notifyFrom);
		}
		if (added > 0) {
			log.info("overdose detection for agency {} on {} .. {}: {} new alarm(s)", agency, from, to, added);
		}
		return added;
	}

	private int seriesAlarms(DetectionService.Computed c, AgencyId agency, LocalDate from, Instant now,
			LocalDate notifyFrom) {
		int added = 0;
		int offset = (int) Math.max(0, from.toEpochDay() - c.start().toEpochDay());
		for (int a = 0; a < c.grouped().locations().size(); a++) {
			if (!c.active()[a]) {
				continue;
			}
			SeriesStatistics s = c.statistics().get(a);
			EventGrouping.Location location = c.grouped().locations().get(a);
			for (int d = offset; d < s.count().length; d++) {
				if (!s.alarm()[d]) {
					continue;
				}
				LocalDate day = c.start().plusDays(d);
				StoredAlarm alarm = new StoredAlarm(0, agency, s.method().code(), c.grouped().by().code(), location.code(),
						location.name(), day, day, s.count()[d], s.mean()[d], s.sd()[d], s.statistic()[d], s.threshold(),
						null, seriesJson(s, c.start(), Math.max(0, d - EVIDENCE_DAYS + 1), d), null,
						!day.isBefore(notifyFrom), "NEW", now, null, null, null);
				added += store(alarm);
			}
		}
		return added;
	}

	private int scanAlarms(DetectionService.Scanned s, AgencyId agency, double alpha, Instant now, LocalDate notifyFrom) {
		int added = 0;
		for (int i = 0; i < s.rows().size(); i++) {
			ClusterRow row = s.rows().get(i);
			if (!(row.pValue() <= alpha)) {
				continue;
			}
			ScanCluster cluster = s.result().clusters().get(i);
			EventGrouping.Location centre = s.locations().get(cluster.centre());
			StoredAlarm alarm = new StoredAlarm(0, agency, DetectionMethod.SCAN.code(), s.grouped().by().code(),
					centre.code(), centre.name(), row.end(), row.start(), (int) row.cases(), row.expected(), null,
					row.llr(), alpha, row.pValue(), clusterSeriesJson(s, cluster), clusterJson(s, cluster, row),
					!row.end().isBefore(notifyFrom), "NEW", now, null, null, null);
			added += store(alarm);
		}
		return added;
	}

	private int store(StoredAlarm alarm) {
		var id = alarms.insert(alarm);
		if (id.isEmpty()) {
			alarms.refresh(alarm); // same alarm, perhaps with more cases now: newer evidence, no second notice
			return 0;
		}
		if (alarm.notifies()) {
			publisher.publishEvent(new OverdoseAlarmRaised(alarm.agency(), id.get(), alarm.method(), alarm.areaLevel(),
					alarm.areaCode(), alarm.alarmDate(), alarm.count(), alarm.statistic()));
		}
		return 1;
	}

	/** Days {@code first .. last} of one location's series: counts, baseline means and SDs, statistics. */
	static String seriesJson(SeriesStatistics s, LocalDate start, int first, int last) {
		ObjectNode root = JSON.createObjectNode();
		root.put("start", start.plusDays(first).toString());
		root.put("threshold", s.threshold());
		ArrayNode count = root.putArray("count");
		ArrayNode mean = root.putArray("mean");
		ArrayNode sd = root.putArray("sd");
		ArrayNode statistic = root.putArray("statistic");
		for (int d = first; d <= last; d++) {
			count.add(s.count()[d]);
			number(mean, s.mean()[d]);
			number(sd, s.sd()[d]);
			number(statistic, s.statistic()[d]);
		}
		return JSON.writeValueAsString(root);
	}

	/** The cases per day inside the cluster's circle over the whole study period. */
	private static String clusterSeriesJson(DetectionService.Scanned s, ScanCluster cluster) {
		ObjectNode root = JSON.createObjectNode();
		root.put("start", s.start().toString());
		ArrayNode count = root.putArray("count");
		for (int d = 0; d < s.counts().days(); d++) {
			int sum = 0;
			for (int m : cluster.locations()) {
				sum += s.counts().count(m, d);
			}
			count.add(sum);
		}
		return JSON.writeValueAsString(root);
	}

	private static String clusterJson(DetectionService.Scanned s, ScanCluster cluster, ClusterRow row) {
		ObjectNode root = JSON.createObjectNode();
		EventGrouping.Location centre = s.locations().get(cluster.centre());
		root.put("centre", centre.name());
		root.put("lat", centre.lat());
		root.put("lon", centre.lon());
		root.put("radius_m", cluster.radius());
		root.put("start", row.start().toString());
		root.put("end", row.end().toString());
		root.put("cases", cluster.cases());
		root.put("expected", cluster.expected());
		root.put("llr", cluster.llr());
		root.put("p_value", cluster.pValue());
		ArrayNode members = root.putArray("locations");
		for (int m : cluster.locations()) {
			EventGrouping.Location l = s.locations().get(m);
			int cases = 0;
			for (int d = cluster.startDay(); d <= cluster.endDay(); d++) {
				cases += s.counts().count(m, d);
			}
			ObjectNode node = members.addObject();
			node.put("code", l.code());
			node.put("name", l.name());
			node.put("lat", l.lat());
			node.put("lon", l.lon());
			node.put("cases", cases);
		}
		return JSON.writeValueAsString(root);
	}

	/** JSON has no NaN or infinity: those become null (the stored statistic keeps the sign of an infinity). */
	private static void number(ArrayNode array, double value) {
		if (Double.isFinite(value)) {
			array.add(value);
		}
		else {
			array.addNull();
		}
	}
}
