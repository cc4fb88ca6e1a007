package org.beacon.incidents.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.beacon.agency.Agencies;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.ImportRejectedException;
import org.beacon.incidents.ImportResult;
import org.beacon.incidents.ImportResult.RowError;
import org.beacon.incidents.IncidentImports;
import org.beacon.shared.AgencyId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /api/incidents/imports}: imports an uploaded CSV (plain or gzip) through a profile and answers
 * with the {@link ImportResult}; a file that cannot be imported at all is a 400 problem naming the missing
 * columns. {@code GET /api/incidents/imports/{runId}/errors} is the run's full error report as CSV.
 */
@RestController
@RequestMapping("/api/incidents/imports")
class IncidentImportController {

	private final IncidentImports imports;
	private final Agencies agencies;

	IncidentImportController(IncidentImports imports, Agencies agencies) {
		this.imports = imports;
		this.agencies = agencies;
	}

	/**
	 * @param profile {@code stl-slmpd}, {@code generic} or a user's YAML profile name
	 * @param columns for {@code generic}: {@code time=..,lat=..,lon=..,type=..,id=..}
	 * @param agency the agency's code; the default agency when absent
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ImportResult upload(@RequestPart("file") MultipartFile file, @RequestParam String profile,
			@RequestParam(required = false) String columns, @RequestParam(required = false) String agency)
			throws IOException {
		AgencyId id = agencyId(agency);
		String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.csv"
				: file.getOriginalFilename();
		try (InputStream in = file.getInputStream()) {
			return imports.importStream(id, in, name, file.getSize(), profile, IncidentImports.parseColumns(columns),
					ImportProgress.NONE);
		}
	}

	@GetMapping(value = "/{runId}/errors", produces = "text/csv")
	void errors(@PathVariable long runId, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + runId + "-errors.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		PrintWriter out = response.getWriter();
		out.println(RowError.CSV_HEADER);
		imports.errorReport(runId, error -> out.println(error.csv()));
	}

	@ExceptionHandler(ImportRejectedException.class)
	ProblemDetail rejected(ImportRejectedException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Import rejected");
		problem.setProperty("missingColumns", e.missingColumns());
		problem.setProperty("foundColumns", e.foundColumns());
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badArgument(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	private AgencyId agencyId(String code) {
		if (code == null || code.isBlank()) {
			return agencies.defaultAgency().id();
		}
		return agencies.byCode(code).orElseThrow(() -> new IllegalArgumentException("no agency with code '" + code + "'"))
				.id();
	}
}
