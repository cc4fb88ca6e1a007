package org.beacon.analytics.web;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.analytics.AnalysisOptions;
import org.beacon.analytics.AnalysisProgress;
import org.beacon.analytics.AnalysisTable;
import org.beacon.analytics.AnalyticsEngine;
import org.beacon.analytics.jobs.AnalysisRequest;
import org.beacon.analytics.jobs.Analyses;
import org.beacon.identity.SignedInStaff;
import org.beacon.incidents.OffenseCategory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Analytics over HTTP: {@code GET /api/analytics/{method}} (HTTP Basic) and {@code GET /analytics/data/{method}}
 * (the page's session) run the method in the request and answer JSON ({@code format=json}, the default:
 * method, columns, rows, summary, and for a forecast its fairness table as {@code fairness} with the same
 * keys), GeoJSON of the cells ({@code format=geojson}) or CSV ({@code format=csv}, audited as an export).
 * Long runs go better as jobs ({@link AnalysisJobController}), which the page {@code /analytics} uses. For
 * analysts, supervisors and administrators.
 */
@Controller
class AnalyticsController {

	/** The staff pages' base map (beacon.map.tile-url; empty draws no tiles). */
	private static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

	private static final String OSM_ATTRIBUTION = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

	private final Analyses analyses;
	private final Agencies agencies;
	private final TableResponses responses;
	private final String tileUrl;
	private final String tileAttribution;

	AnalyticsController(Analyses analyses, Agencies agencies, TableResponses responses,
			org.springframework.core.env.Environment environment) {
		String url = environment.getProperty("beacon.map.tile-url");
		this.tileUrl = url == null ? OSM_TILES : url.trim();
		String a = environment.getProperty("beacon.map.tile-attribution");
		this.tileAttribution = a != null ? a : tileUrl.equals(OSM_TILES) ? OSM_ATTRIBUTION : "";
		this.analyses = analyses;
		this.agencies = agencies;
		this.responses = responses;
	}

	@GetMapping("/analytics")
	String page(Model model) {
		AnalyticsAccess.require();
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
		model.addAttribute("methods", AnalyticsEngine.METHODS);
		AnalysisOptions defaults = AnalysisOptions.defaults();
		model.addAttribute("defaults", defaults);
		model.addAttribute("knoxBands", joined(Arrays.stream(defaults.spaceBands())));
		model.addAttribute("knoxDays", joined(Arrays.stream(defaults.timeBands()).asDoubleStream()));
		model.addAttribute("shares", joined(Arrays.stream(defaults.shares())));
		model.addAttribute("partOne", Arrays.stream(OffenseCategory.values()).filter(c -> c.ucrPart() == 1).toList());
		model.addAttribute("partTwo", Arrays.stream(OffenseCategory.values()).filter(c -> c.ucrPart() == 2).toList());
		return "analytics/index";
	}

	/** {@code 0,100,200}: whole numbers without a decimal point, as the form shows them. */
	private static String joined(DoubleStream values) {
		return values.mapToObj(v -> v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v))
				.collect(Collectors.joining(","));
	}

	/** Parameters: those of {@link AnalysisParameters}, and {@code format}. */
	@GetMapping({ "/api/analytics/{method}", "/analytics/data/{method}" })
	ResponseEntity<?> analyse(@PathVariable String method, @RequestParam MultiValueMap<String, String> params) {
		String actor = AnalyticsAccess.require();
		AnalysisRequest request = AnalysisParameters.parse(method, params);
		String format = AnalysisParameters.format(params);
		Agency agency = SignedInStaff.agencyIn(agencies);
		AnalysisTable table = analyses.run(agency.id(), request, AnalysisProgress.NONE);
		return responses.render(table, format, actor, method + " " + request.span());
	}
}
