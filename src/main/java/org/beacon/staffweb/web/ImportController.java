package org.beacon.staffweb.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.identity.SignedInStaff;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaImportResult;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.identity.AuditTrail;
import org.beacon.staffweb.internal.ImportJob;
import org.beacon.staffweb.internal.ImportJobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page: incident CSV uploads run in the background as jobs whose progress the page polls; area
 * GeoJSON uploads are small and run at once. Analysts and administrators only.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
class ImportController {

	/** Profiles offered on the page; {@code generic} needs its columns named. */
	static final List<String> PROFILES = List.of("stl-slmpd", "generic");

	private static final int RECENT_JOBS = 10;

	private final Agencies agencies;
	private final ImportJobs jobs;
	private final Geography geography;
	private final ObjectProvider<AuditTrail> auditTrail;

	ImportController(Agencies agencies, ImportJobs jobs, Geography geography, ObjectProvider<AuditTrail> auditTrail) {
		this.agencies = agencies;
		this.jobs = jobs;
		this.geography = geography;
		this.auditTrail = auditTrail;
	}

	/** The signed-in staff member's agency: what they see and where their uploads go. */
	private Agency ownAgency() {
		return agencies.get(SignedInStaff.agency());
	}

	@GetMapping("/import")
	String page(@RequestParam(required = false) String job, Model model) {
		Agency agency = ownAgency();
		if (job != null) {
			jobs.find(agency.id(), job).ifPresent(found -> model.addAttribute("job", found));
		}
		return page(agency, model);
	}

	@PostMapping("/import/incidents")
	String importIncidents(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "stl-slmpd") String profile, @RequestParam(defaultValue = "") String columns,
			Principal principal, HttpServletRequest request, HttpServletResponse response, Model model)
			throws IOException {
		Agency agency = ownAgency();
		List<String> errors = new ArrayList<>();
		Map<String, String> columnMap = Map.of();
		if (file == null || file.isEmpty()) {
			errors.add("file: choose a CSV file (plain or .gz) to upload");
		}
		if (!PROFILES.contains(profile)) {
			errors.add("profile: must be one of " + String.join(", ", PROFILES) + ", was '" + profile + "'");
		}
		else if (profile.equals("generic")) {
			try {
				columnMap = parseColumns(columns);
			}
			catch (IllegalArgumentException e) {
				errors.add(e.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("incidentErrors", errors);
			model.addAttribute("profile", profile);
			model.addAttribute("columns", columns);
			return badRequest(agency, model, response);
		}
		String name = sourceName(file);
		Path saved = Files.createTempFile("beacon-upload-", name.endsWith(".gz") ? ".csv.gz" : ".csv");
		try (InputStream in = file.getInputStream()) {
			Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			Files.deleteIfExists(saved);
			throw e;
		}
		String id = jobs.start(agency.id(), saved, name, profile, columnMap,
				new ImportJobs.Requester(principal.getName(), request.getRemoteAddr()));
		return "redirect:/import?job=" + id;
	}

	@PostMapping("/import/areas")
	String importAreas(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "NEIGHBOURHOOD") AreaKind kind, @RequestParam(defaultValue = "") String idProperty,
			@RequestParam(defaultValue = "") String nameProperty, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		Agency agency = ownAgency();
		List<String> errors = new ArrayList<>();
		if (file == null || file.isEmpty()) {
			errors.add("file: choose a GeoJSON FeatureCollection to upload");
		}
		if (idProperty.isBlank()) {
			errors.add("id property: name the feature property that holds each area's code, e.g. NHD_NUM");
		}
		if (nameProperty.isBlank()) {
			errors.add("name property: name the feature property that holds each area's name, e.g. NHD_NAME");
		}
		if (!errors.isEmpty()) {
			model.addAttribute("areaErrors", errors);
			return badRequest(agency, model, response);
		}
		String name = sourceName(file);
		AreaImportResult result;
		try (InputStream in = file.getInputStream()) {
			result = geography.importAreas(agency.id(), in, name,
					new AreaImportOptions(kind, idProperty.trim(), nameProperty.trim()));
		}
		catch (RuntimeException e) {
			audit("areas.import", name, "failure");
			model.addAttribute("areaErrors", List.of(name + ": " + e.getMessage()));
			return badRequest(agency, model, response);
		}
		audit("areas.import", name, "success");
		redirect.addFlashAttribute("areaResult", result);
		redirect.addFlashAttribute("areaSource", name);
		return "redirect:/import";
	}

	/** The job's status as a fragment; it polls itself every second while the job runs. */
	@GetMapping("/import/jobs/{id}")
	String job(@PathVariable String id, Model model) {
		ImportJob job = jobs.find(ownAgency().id(), id)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no import job " + id));
		model.addAttribute("job", job);
		model.addAttribute("stalled", job.stalled(jobs.now()));
		model.addAttribute("zone", ownAgency().timeZone());
		model.addAttribute("poll", true);
		return "import/job :: job";
	}

	/**
	 * Parses the generic profile's columns, {@code time=DateOccur, lat=Latitude, ...}; entries are separated
	 * by commas, semicolons or line breaks.
	 *
	 * @throws IllegalArgumentException naming the entry that is not {@code name=column}
	 */
	static Map<String, String> parseColumns(String text) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (String entry : text.split("[,;\\r\\n]+")) {
			if (entry.isBlank()) {
				continue;
			}
			int eq = entry.indexOf('=');
			if (eq <= 0 || eq == entry.trim().length() - 1 || entry.substring(eq + 1).isBlank()) {
				throw new IllegalArgumentException("columns: entry '" + entry.trim() + "' must be name=column");
			}
			columns.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
		}
		if (columns.isEmpty()) {
			throw new IllegalArgumentException(
					"columns: the generic profile needs its columns, e.g. time=DateOccur,lat=Latitude,lon=Longitude,type=Crime,id=Complaint");
		}
		return columns;
	}

	private String page(Agency agency, Model model) {
		model.addAttribute("profiles", PROFILES);
		model.addAttribute("kinds", AreaKind.values());
		model.addAttribute("recent", jobs.recent(agency.id(), RECENT_JOBS));
		model.addAttribute("zone", agency.timeZone());
		if (model.getAttribute("job") instanceof ImportJob job) {
			model.addAttribute("stalled", job.stalled(jobs.now()));
		}
		return "import/index";
	}

	private String badRequest(Agency agency, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return page(agency, model);
	}

	private static String sourceName(MultipartFile file) {
		String name = StringUtils.getFilename(StringUtils.cleanPath(String.valueOf(file.getOriginalFilename())));
		return name == null || name.isBlank() || name.equals("null") ? "upload.csv" : name;
	}

	private void audit(String action, String target, String outcome) {
		auditTrail.ifAvailable(trail -> trail.record(action, target, outcome));
	}
}
