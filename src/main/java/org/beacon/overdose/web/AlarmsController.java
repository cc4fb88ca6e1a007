package org.beacon.overdose.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.identity.SignedInStaff;
import org.beacon.identity.StaffAccounts;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.overdose.OverdoseEvents;
import org.beacon.overdose.internal.AlarmRepository;
import org.beacon.overdose.internal.AlarmResponses;
import org.beacon.overdose.internal.AreaShapes;
import org.beacon.overdose.internal.DeliveryRepository;
import org.beacon.overdose.internal.RecipientRepository;
import org.beacon.overdose.internal.StoredAlarm;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spike alarms for partners and supervisors: the list (new ones first), one alarm with its chart and map
 * (drawn by {@code overdose-alarm.js} from {@code /overdose/alarms/{id}.json}), who it was delivered to, and
 * the acknowledgement.
 */
@Controller
class AlarmsController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final AlarmRepository alarms;
	private final AlarmResponses responses;
	private final DeliveryRepository deliveries;
	private final RecipientRepository recipients;
	private final OverdoseEvents events;
	private final Agencies agencies;
	private final Geography geography;
	private final MapSettings map;
	private final StaffAccounts accounts;

	AlarmsController(AlarmRepository alarms, AlarmResponses responses, DeliveryRepository deliveries,
			RecipientRepository recipients, OverdoseEvents events, Agencies agencies, Geography geography,
			MapSettings map, StaffAccounts accounts) {
		this.accounts = accounts;
		this.alarms = alarms;
		this.responses = responses;
		this.deliveries = deliveries;
		this.recipients = recipients;
		this.events = events;
		this.agencies = agencies;
		this.geography = geography;
		this.map = map;
	}

	@GetMapping("/overdose/alarms")
	String list(@RequestParam(defaultValue = "new") String show, Model model) {
		OverdoseAccess.require(OverdoseAccess.READ);
		Agency agency = SignedInStaff.agencyIn(agencies);
		String state = "new".equals(show) ? "NEW" : "acknowledged".equals(show) ? "ACKNOWLEDGED" : null;
		List<StoredAlarm> rows = alarms.list(agency.id(), state, 500);
		if ("new".equals(show)) {
			rows = rows.stream().filter(StoredAlarm::notifies).toList();
		}
		model.addAttribute("alarms", rows);
		model.addAttribute("show", show);
		model.addAttribute("zone", agency.timeZone());
		return "overdose/alarms";
	}

	@GetMapping("/overdose/alarms/{id}")
	String alarm(@PathVariable long id, Model model) {
		OverdoseAccess.require(OverdoseAccess.READ);
		Agency agency = SignedInStaff.agencyIn(agencies);
		StoredAlarm alarm = find(agency, id);
		Map<Long, String> labels = new LinkedHashMap<>();
		recipients.list(agency.id()).forEach(r -> labels.put(r.id(), r.label()));
		Map<Long, String> accountLabels = new LinkedHashMap<>();
		accounts.list(agency.id()).forEach(a -> accountLabels.put(a.id(), a.displayName() + " (" + a.username() + ")"));
		List<DeliveryRepository.Delivery> sent = deliveries.forAlarm(agency.id(), id);
		model.addAttribute("alarm", alarm);
		model.addAttribute("summary", summary(alarm));
		model.addAttribute("deliveries", sent);
		model.addAttribute("failedDeliveries", sent.stream().filter(DeliveryRepository.Delivery::failed).count());
		model.addAttribute("recipientLabels", labels);
		model.addAttribute("accountLabels", accountLabels);
		model.addAttribute("zone", agency.timeZone().getId());
		model.addAttribute("detectedAt", WHEN.format(alarm.detectedAt().atZone(agency.timeZone())));
		model.addAttribute("acknowledgedAt", alarm.acknowledgedAt() == null ? null
				: WHEN.format(alarm.acknowledgedAt().atZone(agency.timeZone())));
		model.addAttribute("canRespond", OverdoseAccess.has(OverdoseAccess.RESPOND));
		model.addAttribute("tileUrl", map.tileUrl());
		model.addAttribute("tileAttribution", map.attribution());
		return "overdose/alarm";
	}

	@PostMapping("/overdose/alarms/{id}/acknowledge")
	String acknowledge(@PathVariable long id, @RequestParam(required = false) String note) {
		String actor = OverdoseAccess.require(OverdoseAccess.RESPOND);
		responses.acknowledge(SignedInStaff.agencyIn(agencies).id(), id, actor, note);
		return "redirect:/overdose/alarms/" + id;
	}

	/** The series and the map layers of one alarm, for its page's chart and map. */
	@GetMapping(path = "/overdose/alarms/{id}.json", produces = "application/json")
	@ResponseBody
	String data(@PathVariable long id) {
		OverdoseAccess.require(OverdoseAccess.READ);
		Agency agency = SignedInStaff.agencyIn(agencies);
		StoredAlarm alarm = find(agency, id);
		var root = JSON.createObjectNode();
		root.put("method", alarm.method());
		root.put("area", alarm.areaName());
		root.put("date", alarm.alarmDate().toString());
		root.put("threshold", alarm.threshold());
		root.set("series", JSON.readTree(alarm.seriesJson()));
		var mapNode = root.putObject("map");
		if (alarm.clusterJson() != null) {
			JsonNode cluster = JSON.readTree(alarm.clusterJson());
			var circle = mapNode.putObject("circle");
			circle.put("lat", cluster.path("lat").asDouble());
			circle.put("lon", cluster.path("lon").asDouble());
			circle.put("radius_m", Math.max(cluster.path("radius_m").asDouble(), 250));
			mapNode.set("points", cluster.path("locations"));
		}
		else if ("neighbourhood".equals(alarm.areaLevel())) {
			long areaId = geography.locator(agency.id()).byCode(AreaKind.NEIGHBOURHOOD, alarm.areaCode());
			AreaShapes shapes = AreaShapes.parse(geography.areasAsGeoJson(agency.id(), AreaKind.NEIGHBOURHOOD));
			mapNode.set("areas", JSON.readTree(shapes.collection(List.of(areaId))));
		}
		else if ("jurisdiction".equals(alarm.areaLevel())) {
			mapNode.set("areas", JSON.readTree(geography.areasAsGeoJson(agency.id(), AreaKind.NEIGHBOURHOOD)));
		}
		else {
			mapNode.set("points", JSON.valueToTree(areaPoints(agency, alarm)));
		}
		return JSON.writeValueAsString(root);
	}

	/**
	 * For a county, city or cell alarm: the centre of that day's events in the area (a county or city centroid
	 * as the source gives it; for a cell, the mean of its points). One marker, never the events themselves.
	 */
	private List<Map<String, Object>> areaPoints(Agency agency, StoredAlarm alarm) {
		List<OverdoseEvent> day = events.events(agency.id(), alarm.alarmDate(), alarm.alarmDate());
		double lat = 0;
		double lon = 0;
		int n = 0;
		for (OverdoseEvent e : day) {
			if (e.entry().lat() != null && inArea(e, alarm)) {
				lat += e.entry().lat();
				lon += e.entry().lon();
				n++;
			}
		}
		List<Map<String, Object>> points = new ArrayList<>();
		if (n > 0) {
			points.add(Map.of("lat", lat / n, "lon", lon / n, "name", alarm.areaName(), "cases", alarm.count()));
		}
		return points;
	}

	private boolean inArea(OverdoseEvent e, StoredAlarm alarm) {
		String level = alarm.areaLevel();
		if ("county".equals(level)) {
			return alarm.areaCode().equals(e.entry().county());
		}
		if ("city".equals(level)) {
			return alarm.areaCode().equals(e.entry().city());
		}
		if (level.startsWith("h3:") && e.entry().precision().locatesWithinAreas()) {
			int resolution = Integer.parseInt(level.substring(3));
			return alarm.areaCode().equals(Long.toHexString(geography.h3Cell(e.entry().lat(), e.entry().lon(), resolution)));
		}
		return false;
	}

	static String summary(StoredAlarm a) {
		return a.scan() ? String.format(java.util.Locale.ROOT,
				"%d suspected overdoses from %s to %s around %s, against %.1f expected (p = %.3f)", a.count(),
				a.windowStart(), a.alarmDate(), a.areaName(), a.baselineMean(), a.pValue())
				: String.format(java.util.Locale.ROOT, "%d suspected overdoses on %s in %s; baseline %.2f a day (SD %.2f)",
						a.count(), a.alarmDate(), a.areaName(), a.baselineMean() == null ? Double.NaN : a.baselineMean(),
						a.baselineSd() == null ? Double.NaN : a.baselineSd());
	}

	private StoredAlarm find(Agency agency, long id) {
		return alarms.find(agency.id(), id).orElseThrow(() -> new NoSuchElementException("no overdose alarm " + id));
	}

	@ExceptionHandler(NoSuchElementException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	@ResponseBody
	String notFound(NoSuchElementException e) {
		return e.getMessage();
	}

}
