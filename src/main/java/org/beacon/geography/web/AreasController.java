package org.beacon.geography.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.beacon.geography.AreaDemographics;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaImportResult;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Demographics;
import org.beacon.geography.DemographicsImportOptions;
import org.beacon.geography.DemographicsImportResult;
import org.beacon.geography.Geography;
import org.beacon.identity.Role;
import org.beacon.identity.SignedInStaff;
import org.beacon.shared.AgencyId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The signed-in user's agency's areas over HTTP: {@code GET /api/areas?kind=neighbourhood} as GeoJSON for maps,
 * {@code POST /api/areas} (multipart {@code file}) to import a GeoJSON FeatureCollection, and
 * {@code GET}/{@code POST /api/areas/demographics} for the areas' population and further figures (CSV upload,
 * all or nothing). Any staff member may read; importing is for the same roles as the import page (analysts
 * and administrators), and everyone else gets 403.
 */
@RestController
@RequestMapping("/api/areas")
class AreasController {

	/** RFC 7946 §12. */
	static final MediaType GEO_JSON = new MediaType("application", "geo+json", StandardCharsets.UTF_8);

	/** Who may import: the same roles as the import page. */
	static final Role[] IMPORTERS = { Role.ANALYST, Role.ADMIN };

	private final Geography geography;
	private final Demographics demographics;
	AreasController(Geography geography, Demographics demographics) {
		this.geography = geography;
		this.demographics = demographics;
	}

	/** The areas of a kind that have demographics: id, code, name, population and further figures. */
	@GetMapping(path = "/demographics", produces = MediaType.APPLICATION_JSON_VALUE)
	List<AreaDemographics> demographics(@RequestParam(defaultValue = "neighbourhood") String kind) {
		return demographics.list(ownAgency(), AreaKind.parse(kind));
	}

	/**
	 * Imports area demographics from the uploaded CSV ({@code file}): 200 with the counts when it was
	 * imported, 400 problem+json with every error (line, column, rule) when it was not; then nothing changed.
	 */
	@PostMapping(path = "/demographics", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> importDemographics(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "neighbourhood") String kind,
			@RequestParam(required = false) String codeColumn, @RequestParam(required = false) String nameColumn,
			@RequestParam(required = false) String populationColumn) throws IOException {
		SignedInStaff.require(IMPORTERS);
		DemographicsImportOptions options = new DemographicsImportOptions(AreaKind.parse(kind), codeColumn, nameColumn,
				populationColumn);
		String sourceName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
				: file.getOriginalFilename();
		DemographicsImportResult result;
		try (InputStream in = file.getInputStream()) {
			result = demographics.importCsv(ownAgency(), in, sourceName, options);
		}
		if (result.rejected()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					sourceName + " was not imported: " + result.errors().size() + " error(s)");
			problem.setTitle("Demographics rejected");
			problem.setProperty("errors", result.errors());
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return ResponseEntity.ok(result);
	}

	/** A FeatureCollection with properties {@code id}, {@code code} and {@code name}; empty when none are imported. */
	@GetMapping
	ResponseEntity<byte[]> areas(@RequestParam(defaultValue = "neighbourhood") String kind) {
		String body = geography.areasAsGeoJson(ownAgency(), AreaKind.parse(kind));
		return ResponseEntity.ok().contentType(GEO_JSON).body(body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Imports the uploaded FeatureCollection. 200 with the counts and per-feature errors when anything was
	 * accepted; 400 problem+json with the same errors when nothing was.
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> importAreas(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "neighbourhood") String kind,
			@RequestParam(defaultValue = "NHD_NUM") String idProperty,
			@RequestParam(defaultValue = "NHD_NAME") String nameProperty) throws IOException {
		SignedInStaff.require(IMPORTERS);
		AreaImportOptions options = new AreaImportOptions(AreaKind.parse(kind), idProperty, nameProperty);
		String sourceName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
				: file.getOriginalFilename();
		AreaImportResult result;
		try (InputStream in = file.getInputStream()) {
			result = geography.importAreas(ownAgency(), in, sourceName, options);
		}
		ImportResponse response = ImportResponse.of(result);
		if (result.imported() + result.updated() + result.unchanged() == 0 && result.rejected() > 0) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"No area of " + sourceName + " could be imported");
			problem.setTitle("Areas rejected");
			problem.setProperty("errors", result.errors());
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return ResponseEntity.ok(response);
	}

	@ExceptionHandler({ IllegalArgumentException.class, MissingServletRequestPartException.class,
			MissingServletRequestParameterException.class })
	ProblemDetail badRequest(Exception e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Bad request");
		return problem;
	}

	private static AgencyId ownAgency() {
		return SignedInStaff.agency();
	}

	/** {@link AreaImportResult} with its {@code rejected} count spelled out for JSON clients. */
	record ImportResponse(int read, int imported, int updated, int unchanged, int rejected, List<String> errors) {

		static ImportResponse of(AreaImportResult result) {
			return new ImportResponse(result.read(), result.imported(), result.updated(), result.unchanged(),
					result.rejected(), result.errors());
		}
	}
}
