package org.beacon.staffweb.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.identity.SignedInStaff;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.identity.AuditTrail;
import org.beacon.staffweb.internal.IncidentExport;
import org.beacon.staffweb.internal.IncidentSelection;
import org.beacon.staffweb.internal.IncidentSummaries;
import org.beacon.staffweb.internal.IncidentSummaries.Summary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data behind the home page: the summary the map and chart draw, the neighbourhood shapes, and exports
 * of exactly what is shown. Every export is written to the audit trail.
 */
@RestController
class IncidentDataController {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final Agencies agencies;
	private final Selections selections;
	private final IncidentSummaries summaries;
	private final IncidentExport export;
	private final Geography geography;
	private final ObjectProvider<AuditTrail> auditTrail;

	IncidentDataController(Agencies agencies, Selections selections, IncidentSummaries summaries,
			IncidentExport export, Geography geography, ObjectProvider<AuditTrail> auditTrail) {
		this.agencies = agencies;
		this.selections = selections;
		this.summaries = summaries;
		this.export = export;
		this.geography = geography;
		this.auditTrail = auditTrail;
	}

	/** The signed-in staff member's agency: what they see and where their uploads go. */
	private Agency ownAgency() {
		return agencies.get(SignedInStaff.agency());
	}

	/** {@code {from, to, category, total, inAreas, areas: {id: count}, monthly: [{month, count}], breaks}}. */
	@GetMapping("/incidents/summary.json")
	Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category) {
		Agency agency = ownAgency();
		return summaries.summary(agency.id(), selections.resolve(agency, from, to, category));
	}

	/** The agency's neighbourhoods as a FeatureCollection with properties {@code id}, {@code code}, {@code name}. */
	@GetMapping("/areas/neighbourhoods.geojson")
	ResponseEntity<String> neighbourhoods() {
		return ResponseEntity.ok().contentType(GEO_JSON)
				.body(geography.areasAsGeoJson(ownAgency().id(), AreaKind.NEIGHBOURHOOD));
	}

	@GetMapping("/incidents/export.csv")
	void exportCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category, HttpServletResponse response) throws IOException {
		Agency agency = ownAgency();
		IncidentSelection selection = selections.resolve(agency, from, to, category);
		start(response, new MediaType("text", "csv", StandardCharsets.UTF_8),
				selection.fileStem() + ".csv");
		audited(selection, "csv", out -> export.writeCsv(selection.filter(agency.id()), agency.timeZone(), out),
				response);
	}

	@GetMapping("/incidents/export.geojson")
	void exportGeoJson(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category, HttpServletResponse response) throws IOException {
		Agency agency = ownAgency();
		IncidentSelection selection = selections.resolve(agency, from, to, category);
		start(response, GEO_JSON, selection.fileStem() + ".geojson");
		audited(selection, "geojson",
				out -> export.writeGeoJson(selection.filter(agency.id()), agency.timeZone(), out), response);
	}

	private interface Writing {
		long writeTo(OutputStream out) throws IOException;
	}

	private static void start(HttpServletResponse response, MediaType type, String fileName) {
		response.setContentType(type.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
	}

	private void audited(IncidentSelection selection, String format, Writing writing, HttpServletResponse response)
			throws IOException {
		String target = selection.describe() + " format=" + format;
		try {
			long rows = writing.writeTo(response.getOutputStream());
			audit(target + " rows=" + rows, "success");
		}
		catch (IOException | RuntimeException e) {
			audit(target, "failure");
			throw e;
		}
	}

	private void audit(String target, String outcome) {
		auditTrail.ifAvailable(trail -> trail.record("incidents.export", target, outcome));
	}
}
