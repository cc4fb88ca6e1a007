package org.beacon.overdose.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.geography.AreaKind;
import org.beacon.geography.AreaLocator;
import org.beacon.geography.Geography;
import org.beacon.identity.SignedInStaff;
import org.beacon.overdose.OverdoseEntry;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.overdose.OverdoseEvents;
import org.beacon.overdose.Substance;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The overdose event API, shaped like ODMAP's: {@code POST /api/overdose/events} takes one event or an array
 * of them (ODMAP's four required fields plus suspected drugs, source and the sender's own case number, which
 * makes a re-send harmless); {@code GET /api/overdose/events?from&to} lists them. Only the fields of
 * {@link EventRequest} are read: anything else a client sends, such as a name, is ignored and never stored.
 * See {@code docs/api/overdose.md}.
 */
@RestController
@RequestMapping("/api/overdose")
class EventApiController {

	private final OverdoseEvents events;
	private final Agencies agencies;
	private final Geography geography;
	private final ObjectMapper json;

	EventApiController(OverdoseEvents events, Agencies agencies, Geography geography, ObjectMapper json) {
		this.events = events;
		this.agencies = agencies;
		this.geography = geography;
		this.json = json;
	}

	/** One event as a client sends it. */
	record EventRequest(@JsonProperty("occurred_at") String occurredAt,
			@JsonProperty("incident_date") String incidentDate, @JsonProperty("incident_time") String incidentTime,
			@JsonProperty("latitude") Double latitude, @JsonProperty("longitude") Double longitude,
			@JsonProperty("location_precision") String locationPrecision,
			@JsonProperty("neighbourhood") String neighbourhood, @JsonProperty("county") String county,
			@JsonProperty("city") String city, @JsonProperty("fatal") Boolean fatal,
			@JsonProperty("naloxone_administered") Boolean naloxoneAdministered,
			@JsonProperty("naloxone_doses") Integer naloxoneDoses,
			@JsonProperty("suspected_drugs") List<String> suspectedDrugs, @JsonProperty("source") String source,
			@JsonProperty("reporting_agency") String reportingAgency, @JsonProperty("case_number") String caseNumber) {

		EntryFields fields() {
			return new EntryFields(occurredAt, incidentDate, incidentTime, latitude, longitude, locationPrecision,
					neighbourhood, county, city, fatal, naloxoneAdministered, naloxoneDoses, suspectedDrugs, source,
					reportingAgency, caseNumber);
		}
	}

	/** Thrown when any event of a request breaks a rule; nothing of the request is stored. */
	static final class Invalid extends RuntimeException {

		final List<Map<String, Object>> errors;

		Invalid(List<Map<String, Object>> errors) {
			super(errors.size() + " rule(s) broken");
			this.errors = errors;
		}
	}

	@PostMapping(path = "/events", consumes = "application/json", produces = "application/json")
	ResponseEntity<Object> create(@RequestBody JsonNode body) {
		String actor = OverdoseAccess.require(OverdoseAccess.ENTER);
		Agency agency = SignedInStaff.agencyIn(agencies);
		List<JsonNode> items = body.isArray() ? body.valueStream().toList() : List.of(body);
		if (items.isEmpty() || items.size() > 1000) {
			throw new Invalid(List.of(Map.of("field", "(body)", "rule", "send 1 to 1000 events")));
		}
		AreaLocator locator = geography.locator(agency.id());
		List<OverdoseEntry> entries = new ArrayList<>();
		List<Map<String, Object>> errors = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			EventRequest request = read(items.get(i), i, errors);
			if (request == null) {
				continue;
			}
			EntryFields.Checked checked = request.fields().check(agency.timeZone(),
					code -> locator.byCode(AreaKind.NEIGHBOURHOOD, code), "api");
			int index = i;
			checked.errors().forEach((field, rule) -> errors.add(error(body.isArray() ? index : null, field, rule)));
			if (checked.ok()) {
				entries.add(checked.entry());
			}
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		List<Map<String, Object>> stored = entries.stream().map(e -> view(events.record(agency.id(), e, actor))).toList();
		Object answer = body.isArray() ? stored : stored.get(0);
		return ResponseEntity.status(HttpStatus.CREATED).body(answer);
	}

	@GetMapping(path = "/events", produces = "application/json")
	List<Map<String, Object>> list(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		OverdoseAccess.require(OverdoseAccess.READ);
		if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() > 3660) {
			throw new Invalid(List.of(Map.of("field", "to", "rule", "to must be on or after from, at most 10 years later")));
		}
		return events.events(SignedInStaff.agencyIn(agencies).id(), from, to).stream().map(EventApiController::view).toList();
	}

	/** The substance codes {@code suspected_drugs} takes. */
	@GetMapping(path = "/substances", produces = "application/json")
	List<Map<String, String>> substances() {
		OverdoseAccess.require(OverdoseAccess.ENTER);
		return Arrays.stream(Substance.values()).map(s -> Map.of("code", s.code(), "label", s.label())).toList();
	}

	private EventRequest read(JsonNode node, int index, List<Map<String, Object>> errors) {
		try {
			if (!node.isObject()) {
				throw new IllegalArgumentException("not an object");
			}
			return json.treeToValue(node, EventRequest.class);
		}
		catch (JacksonException | IllegalArgumentException e) {
			errors.add(error(index, "(event)", "must be a JSON object with the fields of docs/api/overdose.md"));
			return null;
		}
	}

	static Map<String, Object> view(OverdoseEvent e) {
		OverdoseEntry x = e.entry();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", e.id());
		m.put("occurred_at", x.occurredAt().atOffset(ZoneOffset.UTC).toString());
		m.put("incident_date", x.occurredDate().toString());
		m.put("time_known", x.timeKnown());
		m.put("latitude", x.lat());
		m.put("longitude", x.lon());
		m.put("location_precision", x.precision().name());
		m.put("county", x.county());
		m.put("city", x.city());
		m.put("neighbourhood_id", e.neighbourhoodId());
		m.put("h3_cell", e.h3Cell() == null ? null : Long.toHexString(e.h3Cell()));
		m.put("fatal", x.fatal());
		m.put("naloxone_administered", x.naloxoneGiven());
		m.put("naloxone_doses", x.naloxoneDoses());
		m.put("suspected_drugs", x.suspectedDrugs());
		m.put("source", x.source().name());
		m.put("reporting_agency", x.reportingAgency());
		m.put("source_name", x.sourceName());
		m.put("case_number", x.sourceId());
		m.put("recorded_at", e.recordedAt().atOffset(ZoneOffset.UTC).toString());
		return m;
	}

	private static Map<String, Object> error(Integer index, String field, String rule) {
		Map<String, Object> m = new LinkedHashMap<>();
		if (index != null) {
			m.put("index", index);
		}
		m.put("field", field);
		m.put("rule", rule);
		return m;
	}

	@ExceptionHandler(Invalid.class)
	ResponseEntity<ProblemDetail> invalid(Invalid e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Nothing was stored: " + e.errors.size() + " rule(s) broken.");
		problem.setTitle("The overdose event was not accepted");
		problem.setType(URI.create("about:blank"));
		problem.setProperty("errors", e.errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		return invalid(new Invalid(List.of(Map.of("field", "(body)", "rule", "the body must be JSON: one event or an array"))));
	}
}
