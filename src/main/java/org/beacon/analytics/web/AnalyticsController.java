package org.beacon.analytics.web;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.analytics.AnalysisOptions;
import org.beacon.analytics.AnalysisTable;
import org.beacon.analytics.AnalyticsEngine;
import org.beacon.analytics.IncidentFrame;
import org.beacon.analytics.IncidentFrames;
import org.beacon.identity.AuditTrail;
import org.beacon.identity.Role;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.OffenseCategory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Analytics over HTTP: {@code GET /api/analytics/{method}} (HTTP Basic) and {@code GET /analytics/data/{method}}
 * (the page's session) answer JSON ({@code format=json}, the default: method, columns, rows, summary, and
 * for a forecast its fairness table as {@code fairness} with the same keys),
 * GeoJSON of the cells ({@code format=geojson}) or CSV ({@code format=csv}, audited as an export). The page
 * {@code /analytics} draws them. For analysts, supervisors and administrators.
 */
@Controller
class AnalyticsController {

	private static final Set<Role> ALLOWED = EnumSet.of(Role.ANALYST, Role.SUPERVISOR, Role.ADMIN);

	/** A page request must not tie up the server for minutes: at most ten years, at least 50 m cells. */
	private static final long MAX_DAYS = 3660;

	private static final double MIN_CELL = 50;

	/** The staff pages' base map (beacon.map.tile-url; empty draws no tiles). */
	private static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

	private static final String OSM_ATTRIBUTION = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

	private final IncidentFrames frames;
	private final AnalyticsEngine engine;
	private final Agencies agencies;
	private final AuditTrail audit;
	private final String tileUrl;
	private final String tileAttribution;

	AnalyticsController(IncidentFrames frames, AnalyticsEngine engine, Agencies agencies, AuditTrail audit,
			org.springframework.core.env.Environment environment) {
		String url = environment.getProperty("beacon.map.tile-url");
		this.tileUrl = url == null ? OSM_TILES : url.trim();
		String a = environment.getProperty("beacon.map.tile-attribution");
		this.tileAttribution = a != null ? a : tileUrl.equals(OSM_TILES) ? OSM_ATTRIBUTION : "";
		this.frames = frames;
		this.engine = engine;
		this.agencies = agencies;
		this.audit = audit;
	}

	@GetMapping("/analytics")
	String page(Model model) {
		require();
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
		model.addAttribute("methods", AnalyticsEngine.METHODS);
		model.addAttribute("partOne", Arrays.stream(OffenseCategory.values()).filter(c -> c.ucrPart() == 1).toList());
		model.addAttribute("partTwo", Arrays.stream(OffenseCategory.values()).filter(c -> c.ucrPart() == 2).toList());
		return "analytics/index";
	}

	@GetMapping({ "/api/analytics/{method}", "/analytics/data/{method}" })
	ResponseEntity<?> analyse(@PathVariable String method,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) List<String> category,
			@RequestParam(defaultValue = "150") double cell,
			@RequestParam(required = false) Double bandwidth,
			@RequestParam(defaultValue = "quartic") String kernel,
			@RequestParam(defaultValue = "queen") String weights,
			@RequestParam(defaultValue = "week") String period,
			@RequestParam(defaultValue = "naive") String forecast,
			@RequestParam(defaultValue = "10") int units,
			@RequestParam(defaultValue = "300") double radius,
			@RequestParam(name = "max_per_neighbourhood", defaultValue = "0") int maxPerNeighbourhood,
			@RequestParam(defaultValue = "json") String format) {
		String actor = require();
		if (!AnalyticsEngine.METHODS.contains(method)) {
			throw new IllegalArgumentException("method must be one of " + String.join(", ", AnalyticsEngine.METHODS));
		}
		if (!(cell >= MIN_CELL)) {
			throw new IllegalArgumentException("cell must be at least " + MIN_CELL + " m");
		}
		if (from != null && to != null && to.toEpochDay() - from.toEpochDay() > MAX_DAYS) {
			throw new IllegalArgumentException("at most ten years at once");
		}
		Agency agency = agencies.defaultAgency();
		AnalysisOptions d = AnalysisOptions.defaults();
		AnalysisOptions options = new AnalysisOptions(from, to, cell, bandwidth == null ? Double.NaN : bandwidth, kernel,
				weights, true, d.spaceBands(), d.timeBands(), d.permutations(), d.seed(), period, forecast,
				d.trainingDays(), d.tauDays(), d.minLagHours(), units, radius, maxPerNeighbourhood);
		boolean history = AnalyticsEngine.readsHistory(method, options.forecast());
		LocalDate frameFrom = history && from != null ? from.minusDays(options.trainingDays()) : from;
		IncidentFrame frame = frames.frame(new IncidentFilter(agency.id(), frameFrom, to, categories(category)));
		AnalysisTable table = engine.run(method, frame, options, frames.neighbourhoods(agency.id(), false));
		return switch (format) {
			case "geojson" -> {
				StringWriter out = new StringWriter();
				table.writeGeoJson(out);
				yield ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(out.toString());
			}
			case "csv" -> {
				StringWriter out = new StringWriter();
				table.writeCsv(out);
				audit.record(actor, null, "analytics.export", method + " " + (from == null ? "" : from) + ".."
						+ (to == null ? "" : to), "rows=" + table.rows().size());
				yield ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
						.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"beacon-" + method + ".csv\"")
						.body(out.toString());
			}
			case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(table));
			default -> throw new IllegalArgumentException("format must be json, geojson or csv");
		};
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("error", e.getMessage()));
	}

	static Map<String, Object> json(AnalysisTable table) {
		List<List<Object>> rows = new ArrayList<>(table.rows().size());
		for (Object[] row : table.rows()) {
			List<Object> values = new ArrayList<>(row.length);
			for (Object v : row) {
				values.add(v instanceof Double x && !Double.isFinite(x) ? null : v);
			}
			rows.add(values);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("method", table.method());
		body.put("columns", table.columns());
		body.put("rows", rows);
		body.put("summary", table.summary());
		if (table.fairness() != null) {
			body.put("fairness", json(table.fairness()));
		}
		return body;
	}

	static Set<OffenseCategory> categories(List<String> names) {
		Set<OffenseCategory> set = EnumSet.noneOf(OffenseCategory.class);
		if (names == null) {
			return set;
		}
		for (String name : names) {
			String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
			if (n.isEmpty()) {
				continue;
			}
			if (n.equals("PART1") || n.equals("PART_I") || n.equals("PART2") || n.equals("PART_II")) {
				int part = n.equals("PART1") || n.equals("PART_I") ? 1 : 2;
				Arrays.stream(OffenseCategory.values()).filter(c -> c.ucrPart() == part).forEach(set::add);
			}
			else {
				try {
					set.add(OffenseCategory.valueOf(n));
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException("unknown category '" + name + "'");
				}
			}
		}
		return set;
	}

	private static String require() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated()
				|| auth.getAuthorities().stream().noneMatch(a -> ALLOWED.stream()
						.anyMatch(r -> a.getAuthority().equals("ROLE_" + r.name())))) {
			throw new AccessDeniedException("analytics are for analysts, supervisors and administrators");
		}
		return auth.getName();
	}
}
