package org.beacon.overdose.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.geography.Area;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.identity.AuditTrail;
import org.beacon.identity.SignedInStaff;
import org.beacon.overdose.OverdoseEntry;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.overdose.OverdoseEvents;
import org.beacon.overdose.Substance;
import org.beacon.overdose.internal.Trends;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Drug trends for partners and analysts: suspected substances by month, the first appearance of a substance in
 * an area, the fatal share and naloxone doses per event, as tables, charts ({@code overdose-trends.js}) and CSV.
 * The period defaults to the twelve months up to the last stored event.
 */
@Controller
class TrendsController {

	static final List<String> TABLES = List.of("substances", "first-appearance", "fatal-share", "naloxone");

	private final OverdoseEvents events;
	private final Agencies agencies;
	private final Geography geography;
	private final ObjectProvider<AuditTrail> audit;

	TrendsController(OverdoseEvents events, Agencies agencies, Geography geography, ObjectProvider<AuditTrail> audit) {
		this.events = events;
		this.agencies = agencies;
		this.geography = geography;
		this.audit = audit;
	}

	/** The period and grouping asked for, resolved against the data. */
	public record Selection(LocalDate from, LocalDate to, String by) {

		public String query() {
			return "from=" + from + "&to=" + to + "&by=" + by;
		}
	}

	@GetMapping("/overdose/trends")
	String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by, Model model) {
		OverdoseAccess.require(OverdoseAccess.READ);
		Agency agency = SignedInStaff.agencyIn(agencies);
		List<OverdoseEvent> all = events.events(agency.id(), null, null);
		Selection s = select(agency, all, from, to, by);
		List<OverdoseEntry> period = within(all, s);
		model.addAttribute("selection", s);
		model.addAttribute("events", period.size());
		model.addAttribute("substances", Trends.substancesByMonth(period));
		model.addAttribute("first", firstAppearances(agency, all, s));
		model.addAttribute("fatal", Trends.fatalShareByMonth(period));
		model.addAttribute("naloxone", Trends.naloxoneByMonth(period));
		model.addAttribute("labels", labels());
		return "overdose/trends";
	}

	/** The monthly series for the charts. */
	@GetMapping(path = "/overdose/trends.json", produces = "application/json")
	@ResponseBody
	Map<String, Object> json(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by) {
		OverdoseAccess.require(OverdoseAccess.READ);
		Agency agency = SignedInStaff.agencyIn(agencies);
		List<OverdoseEvent> all = events.events(agency.id(), null, null);
		Selection s = select(agency, all, from, to, by);
		List<OverdoseEntry> period = within(all, s);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("substances", Trends.substancesByMonth(period).stream()
				.map(r -> Map.of("month", r.month().toString(), "substance", Substance.labelOf(r.substance()), "events", r.events()))
				.toList());
		out.put("fatal", Trends.fatalShareByMonth(period).stream().map(r -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("month", r.month().toString());
			m.put("share", Double.isNaN(r.share()) ? null : r.share());
			return m;
		}).toList());
		out.put("naloxone", Trends.naloxoneByMonth(period).stream().map(r -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("month", r.month().toString());
			m.put("doses_per_event", Double.isNaN(r.dosesPerEvent()) ? null : r.dosesPerEvent());
			m.put("given_share", r.naloxoneKnown() == 0 ? null : (double) r.naloxoneGiven() / r.naloxoneKnown());
			return m;
		}).toList());
		return out;
	}

	@GetMapping("/overdose/trends.csv")
	void csv(@RequestParam String table,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by, HttpServletResponse response) throws IOException {
		OverdoseAccess.require(OverdoseAccess.READ);
		if (!TABLES.contains(table)) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
					"table must be one of " + String.join(", ", TABLES));
		}
		Agency agency = SignedInStaff.agencyIn(agencies);
		List<OverdoseEvent> all = events.events(agency.id(), null, null);
		Selection s = select(agency, all, from, to, by);
		List<OverdoseEntry> period = within(all, s);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("overdose-" + table + "-" + s.from() + "_" + s.to() + ".csv").build().toString());
		Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		int rows = switch (table) {
			case "substances" -> {
				w.write("month,substance,events\n");
				var list = Trends.substancesByMonth(period);
				for (var r : list) {
					w.write(r.month() + "," + r.substance() + "," + r.events() + "\n");
				}
				yield list.size();
			}
			case "first-appearance" -> {
				w.write("substance,area,first_date,events\n");
				var list = firstAppearances(agency, all, s);
				for (var r : list) {
					w.write(r.substance() + "," + text(r.area()) + "," + r.first() + "," + r.events() + "\n");
				}
				yield list.size();
			}
			case "fatal-share" -> {
				w.write("month,events,outcome_known,fatal,fatal_share\n");
				var list = Trends.fatalShareByMonth(period);
				for (var r : list) {
					w.write(r.month() + "," + r.events() + "," + r.outcomeKnown() + "," + r.fatal() + "," + number(r.share()) + "\n");
				}
				yield list.size();
			}
			default -> {
				w.write("month,events,naloxone_known,naloxone_given,doses_known,doses,doses_per_event\n");
				var list = Trends.naloxoneByMonth(period);
				for (var r : list) {
					w.write(r.month() + "," + r.events() + "," + r.naloxoneKnown() + "," + r.naloxoneGiven() + ","
							+ r.dosesKnown() + "," + r.doses() + "," + number(r.dosesPerEvent()) + "\n");
				}
				yield list.size();
			}
		};
		w.flush();
		audit.ifAvailable(trail -> trail.record("overdose.trends.export", table + " " + s.query() + " rows=" + rows, "success"));
	}

	/** First appearances over all history, listed when they fall in the period: "new here this year". */
	private List<Trends.FirstAppearance> firstAppearances(Agency agency, List<OverdoseEvent> all, Selection s) {
		Function<OverdoseEntry, String> areaOf = areaOf(agency, all, s.by());
		return Trends.firstAppearances(all.stream().map(OverdoseEvent::entry).toList(), areaOf).stream()
				.filter(r -> !r.first().isBefore(s.from()) && !r.first().isAfter(s.to())).toList();
	}

	private Function<OverdoseEntry, String> areaOf(Agency agency, List<OverdoseEvent> all, String by) {
		return switch (by) {
			case "county" -> OverdoseEntry::county;
			case "city" -> OverdoseEntry::city;
			default -> {
				Map<Long, String> names = geography.areas(agency.id(), AreaKind.NEIGHBOURHOOD).stream()
						.collect(Collectors.toMap(Area::id, Area::name));
				Map<OverdoseEntry, Long> placed = new java.util.IdentityHashMap<>();
				all.forEach(e -> placed.put(e.entry(), e.neighbourhoodId()));
				yield e -> placed.get(e) == null ? null : names.get(placed.get(e));
			}
		};
	}

	private Selection select(Agency agency, List<OverdoseEvent> all, LocalDate from, LocalDate to, String by) {
		LocalDate last = all.stream().map(e -> e.entry().occurredDate()).max(Comparator.naturalOrder())
				.orElse(LocalDate.now(agency.timeZone()));
		LocalDate end = to != null ? to : last;
		LocalDate start = from != null ? from : end.minusYears(1).plusDays(1);
		if (end.isBefore(start)) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "to is before from");
		}
		String grouping = by != null && List.of("neighbourhood", "county", "city").contains(by.toLowerCase(Locale.ROOT))
				? by.toLowerCase(Locale.ROOT)
				: geography.areas(agency.id(), AreaKind.NEIGHBOURHOOD).isEmpty() ? "county" : "neighbourhood";
		return new Selection(start, end, grouping);
	}

	private static List<OverdoseEntry> within(List<OverdoseEvent> all, Selection s) {
		return all.stream().map(OverdoseEvent::entry)
				.filter(e -> !e.occurredDate().isBefore(s.from()) && !e.occurredDate().isAfter(s.to())).toList();
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		for (Substance s : Substance.values()) {
			labels.put(s.code(), s.label());
		}
		return labels;
	}

	private static String number(double d) {
		return Double.isNaN(d) ? "" : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
	}

	private static String text(String s) {
		return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}
}
