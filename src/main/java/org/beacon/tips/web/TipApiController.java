package org.beacon.tips.web;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.tips.internal.RejectedImage;
import org.beacon.tips.internal.TipService;
import org.beacon.tips.internal.TipSubmission;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/tips}: a tip as JSON, answered with a receipt. Only the fields of {@link TipRequest}
 * are read; anything else in the body is ignored and never stored. Images go through the web form.
 */
@RestController
class TipApiController {

	private final TipService tips;
	private final Agencies agencies;

	TipApiController(TipService tips, Agencies agencies) {
		this.tips = tips;
		this.agencies = agencies;
	}

	/** The JSON a client sends. {@code lat}/{@code lon} are WGS84 degrees and optional. */
	record TipRequest(String category, String description, String location, Double lat, Double lon, String occurred) {
	}

	@PostMapping(path = "/api/tips", consumes = "application/json", produces = "application/json")
	ResponseEntity<Map<String, Object>> create(@RequestBody TipRequest request) {
		TipSubmission tip = TipSubmission.of(request.category(), request.description(), request.location(),
				request.lat() == null ? null : request.lat().toString(), request.lon() == null ? null : request.lon().toString(),
				request.occurred());
		TipService.Accepted accepted = tips.submit(agencies.defaultAgency().id(), tip, List.of());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("receipt_id", accepted.receipt().code());
		body.put("receipt_passphrase", accepted.receipt().passphrase());
		body.put("receipt_expires", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(accepted.receipt().expiresAt()
				.atOffset(ZoneOffset.UTC).withNano(0)));
		body.put("receipt_url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/tips/receipt").toUriString());
		body.put("notice", accepted.holdReason().orElse("Thank you. Keep the receipt number and passphrase: with them you "
				+ "can read questions from staff and answer them, without telling us who you are."));
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

	@ExceptionHandler(TipSubmission.InvalidTip.class)
	ResponseEntity<ProblemDetail> invalid(TipSubmission.InvalidTip e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("The tip was not accepted");
		problem.setType(URI.create("about:blank"));
		problem.setProperty("errors", e.errors());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, RejectedImage.class })
	ResponseEntity<ProblemDetail> unreadable(Exception e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"the body must be a JSON object with description (required), category, location, lat, lon and occurred");
		problem.setTitle("The tip was not accepted");
		return ResponseEntity.badRequest().body(problem);
	}
}
