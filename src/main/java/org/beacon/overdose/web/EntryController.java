package org.beacon.overdose.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.geography.Area;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.identity.SignedInStaff;
import org.beacon.overdose.EventSource;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.overdose.OverdoseEvents;
import org.beacon.overdose.Substance;
import org.beacon.overdose.internal.AlarmRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The overdose start page and the entry form: four required fields (when, where, fatal or not, naloxone
 * doses) that take seconds on a phone, then optional suspected drugs and source. Where is a point from the
 * map, the phone's location or typed coordinates, or just a neighbourhood.
 */
@Controller
class EntryController {

	private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final OverdoseEvents events;
	private final Agencies agencies;
	private final Geography geography;
	private final AlarmRepository alarms;
	private final MapSettings map;
	private final ObjectProvider<Clock> clock;

	EntryController(OverdoseEvents events, Agencies agencies, Geography geography, AlarmRepository alarms,
			MapSettings map, ObjectProvider<Clock> clock) {
		this.events = events;
		this.agencies = agencies;
		this.geography = geography;
		this.alarms = alarms;
		this.map = map;
		this.clock = clock;
	}

	@GetMapping("/overdose")
	String index(Model model) {
		OverdoseAccess.require(OverdoseAccess.ENTER);
		Agency agency = SignedInStaff.agencyIn(agencies);
		model.addAttribute("canRead", OverdoseAccess.has(OverdoseAccess.READ));
		model.addAttribute("canManage", OverdoseAccess.has(OverdoseAccess.MANAGE_RECIPIENTS));
		model.addAttribute("newAlarms", OverdoseAccess.has(OverdoseAccess.READ) ? alarms.countNew(agency.id()) : 0);
		return "overdose/index";
	}

	@GetMapping("/overdose/new")
	String form(@RequestParam(required = false) Long saved, Model model) {
		OverdoseAccess.require(OverdoseAccess.ENTER);
		Agency agency = SignedInStaff.agencyIn(agencies);
		Form form = new Form(LocalDateTime.ofInstant(clock.getIfAvailable(Clock::systemUTC).instant(), agency.timeZone())
				.truncatedTo(ChronoUnit.MINUTES).format(LOCAL_INPUT), null, null, null, null, null, List.of(), "EMS", null,
				null);
		return show(model, agency, form, Map.of(), saved);
	}

	/** What the form posts; everything a string so a bad value can be shown back as typed. */
	record Form(String occurred, String lat, String lon, String neighbourhood, String fatal, String doses,
			List<String> drugs, String source, String reportingAgency, String caseNumber) {

		Form {
			drugs = drugs == null ? List.of() : drugs;
		}
	}

	@PostMapping("/overdose/events")
	String submit(@RequestParam(required = false) String occurred, @RequestParam(required = false) String lat,
			@RequestParam(required = false) String lon, @RequestParam(required = false) String neighbourhood,
			@RequestParam(required = false) String fatal, @RequestParam(required = false) String doses,
			@RequestParam(required = false) List<String> drugs, @RequestParam(required = false) String source,
			@RequestParam(required = false) String reportingAgency, @RequestParam(required = false) String caseNumber,
			Model model, HttpServletResponse response) {
		String actor = OverdoseAccess.require(OverdoseAccess.ENTER);
		Agency agency = SignedInStaff.agencyIn(agencies);
		Form form = new Form(occurred, lat, lon, neighbourhood, fatal, doses, drugs, source, reportingAgency, caseNumber);
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		Double latitude = number(lat, "latitude", errors);
		Double longitude = number(lon, "latitude", errors);
		Integer naloxone = null;
		if (doses != null && !doses.isBlank()) {
			try {
				naloxone = Integer.valueOf(doses.trim());
			}
			catch (NumberFormatException e) {
				errors.put("naloxone_doses", "must be a whole number from 0 to 50");
			}
		}
		Boolean isFatal = "yes".equals(fatal) ? Boolean.TRUE : "no".equals(fatal) ? Boolean.FALSE : null;
		EntryFields fields = new EntryFields(occurred, null, null, latitude, longitude, null, neighbourhood, null, null,
				isFatal, null, naloxone, drugs, source, reportingAgency, caseNumber);
		EntryFields.Checked checked = fields.check(agency.timeZone(),
				code -> geography.locator(agency.id()).byCode(AreaKind.NEIGHBOURHOOD, code), "form");
		checked.errors().forEach(errors::putIfAbsent);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, agency, form, errors, null);
		}
		OverdoseEvent stored = events.record(agency.id(), checked.entry(), actor);
		return "redirect:/overdose/new?saved=" + stored.id();
	}

	/** The agency's neighbourhoods for the form's map. */
	@GetMapping(path = "/overdose/areas.geojson", produces = "application/geo+json")
	@ResponseBody
	ResponseEntity<String> areas() {
		OverdoseAccess.require(OverdoseAccess.ENTER);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
				.body(geography.areasAsGeoJson(SignedInStaff.agencyIn(agencies).id(), AreaKind.NEIGHBOURHOOD));
	}

	private String show(Model model, Agency agency, Form form, Map<String, String> errors, Long saved) {
		List<Area> neighbourhoods = geography.areas(agency.id(), AreaKind.NEIGHBOURHOOD).stream()
				.sorted(Comparator.comparing(Area::name)).toList();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("saved", saved);
		model.addAttribute("neighbourhoods", neighbourhoods);
		model.addAttribute("substances", Arrays.asList(Substance.values()));
		model.addAttribute("sources", EventSource.values());
		model.addAttribute("zone", agency.timeZone());
		model.addAttribute("tileUrl", map.tileUrl());
		model.addAttribute("tileAttribution", map.attribution());
		return "overdose/new";
	}

	private static Double number(String text, String field, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.trim());
		}
		catch (NumberFormatException e) {
			errors.put(field, "latitude and longitude must be decimal degrees, e.g. 38.6270 and -90.1994");
			return null;
		}
	}
}
