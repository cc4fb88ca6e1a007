package org.beacon.analytics.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.beacon.analytics.jobs.TooManyJobsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the analytics endpoints as JSON {@code {"error": ..., "parameter": ...}}: 400 for a bad parameter
 * (named where known) or a setting the data cannot take, 404 for a job the user cannot see, 409 for the
 * result of a job that has none (yet), 429 for one job too many.
 */
@RestControllerAdvice(assignableTypes = { AnalyticsController.class, AnalysisJobController.class })
class AnalyticsErrors {

	/** A job that does not exist, or that belongs to someone else: the same answer, so ids cannot be probed. */
	static final class NoSuchJob extends RuntimeException {

		NoSuchJob(String id) {
			super("no analysis job '" + id + "' of yours");
		}
	}

	/** The result of a job that is still running, failed or was cancelled. */
	static final class NoResult extends RuntimeException {

		NoResult(String message) {
			super(message);
		}
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("error", e.getMessage());
		if (e instanceof AnalysisParameters.BadParameter bad && bad.parameter() != null) {
			body.put("parameter", bad.parameter());
		}
		return answer(HttpStatus.BAD_REQUEST, body);
	}

	@ExceptionHandler(NoSuchJob.class)
	ResponseEntity<Map<String, String>> notFound(NoSuchJob e) {
		return answer(HttpStatus.NOT_FOUND, Map.of("error", e.getMessage()));
	}

	@ExceptionHandler(NoResult.class)
	ResponseEntity<Map<String, String>> noResult(NoResult e) {
		return answer(HttpStatus.CONFLICT, Map.of("error", e.getMessage()));
	}

	@ExceptionHandler(TooManyJobsException.class)
	ResponseEntity<Map<String, String>> tooMany(TooManyJobsException e) {
		return answer(HttpStatus.TOO_MANY_REQUESTS, Map.of("error", e.getMessage()));
	}

	private static ResponseEntity<Map<String, String>> answer(HttpStatus status, Map<String, String> body) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}
}
