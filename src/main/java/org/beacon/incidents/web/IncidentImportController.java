package org.beacon.incidents.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.identity.Role;
import org.beacon.identity.SignedInStaff;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.ImportRejectedException;
import org.beacon.incidents.ImportResult;
import org.beacon.incidents.ImportResult.RowError;
import org.beacon.incidents.IncidentImports;
import org.beacon.shared.AgencyId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
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
 * <p>
 * The same people as the import page may use it (analysts and administrators), and only for their own
 * agency: everyone else gets 403.
 */
@RestController
@RequestMapping("/api/incidents/imports")
class IncidentImportController {

	/** Who may import: the same roles as the import page. */
	static final Role[] IMPORTERS = { Role.ANALYST, Role.ADMIN };

	private final IncidentImports imports;
	private final Agencies agencies;

	IncidentImportController(IncidentImports imports, Agencies agencies) {
		this.imports = imports;
		this.agencies = agencies;
	}

	/**
	 * @param profile {@code stl-slmpd}, {@code generic} or a user's YAML profile name
	 * @param columns for {@code generic}: {@code time=..,lat=..,lon=..,type=..,id=..}
	 * @param agency the agency's code, which must be the signed-in user's own; their agency when absent
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ImportResult upload(@RequestPart("file") MultipartFile file, @RequestParam String profile,
			@RequestParam(required = false) String columns, @RequestParam(required = false) String agency)
			throws IOException {
		AgencyId id = ownAgency(agency);
		String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.csv"
				: file.getOriginalFilename();
		try (InputStream in = file.getInputStream()) {
			return imports.importStream(id, in, name, file.getSize(), profile, IncidentImports.parseColumns(columns),
					ImportProgress.NONE);
		}
	}

	@GetMapping(value = "/{runId}/errors", produces = "text/csv")
	void errors(@PathVariable long runId, HttpServletResponse response) throws IOException {
		AgencyId agency = ownAgency(null);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + runId + "-errors.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		PrintWriter out = response.getWriter();
		out.println(RowError.CSV_HEADER);
		try {
			imports.errorReport(agency, runId, error -> out.println(error.csv()));
		}
		catch (IllegalArgumentException e) {
			// an unknown run (or another agency's) fails before any row: answer with a problem, not a CSV
			response.reset();
			throw e;
		}
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

	/**
	 * The signed-in importer's agency. Accounts belong to one agency (administrators too), so a code naming
	 * any other is refused, whether or not that agency exists.
	 */
	private AgencyId ownAgency(String code) {
		SignedInStaff.require(IMPORTERS);
		Agency own = agencies.get(SignedInStaff.agency());
		if (code != null && !code.isBlank() && !code.equals(own.code())) {
			throw new AccessDeniedException("imports go into your own agency '" + own.code() + "', not '" + code + "'");
		}
		return own.id();
	}
}
