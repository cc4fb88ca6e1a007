package org.beacon.analytics.web;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.beacon.agency.Agencies;
import org.beacon.analytics.AnalysisTable;
import org.beacon.analytics.jobs.AnalysisJob;
import org.beacon.analytics.jobs.AnalysisJobs;
import org.beacon.analytics.jobs.AnalysisRequest;
import org.beacon.identity.SignedInStaff;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Analyses as jobs, for runs that take a while (a five-year weekly backtest, Knox with many permutations):
 * <ul>
 * <li>{@code POST /api/analytics/jobs/{method}} with the parameters of {@code GET /api/analytics/{method}}
 * answers 202 with the job and its {@code Location};</li>
 * <li>{@code GET /api/analytics/jobs/{id}}: state ({@code running, done, failed, cancelled}), units done of
 * total, label, elapsed seconds, seconds left (about), and once done the result as the synchronous JSON;</li>
 * <li>{@code GET /api/analytics/jobs/{id}/result?format=json|geojson|csv}: the result alone, as the
 * synchronous GET answers it;</li>
 * <li>{@code DELETE /api/analytics/jobs/{id}}: cancels a running job, forgets a finished one (204).</li>
 * </ul>
 * The same under {@code /analytics/data/jobs} for the page's session (with its CSRF token). A job is seen
 * only by the user who started it and by administrators; for anyone else it does not exist (404).
 */
@Controller
class AnalysisJobController {

	static final String API = "/api/analytics/jobs";

	static final String PAGE = "/analytics/data/jobs";

	private final AnalysisJobs jobs;
	private final Agencies agencies;
	private final TableResponses responses;

	AnalysisJobController(AnalysisJobs jobs, Agencies agencies, TableResponses responses) {
		this.jobs = jobs;
		this.agencies = agencies;
		this.responses = responses;
	}

	@PostMapping({ API + "/{method}", PAGE + "/{method}" })
	ResponseEntity<Map<String, Object>> start(@PathVariable String method,
			@RequestParam MultiValueMap<String, String> params, HttpServletRequest http) {
		String user = AnalyticsAccess.require();
		AnalysisRequest request = AnalysisParameters.parse(method, params);
		AnalysisJob job = jobs.start(SignedInStaff.agencyIn(agencies).id(), request, user);
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(base(http) + "/" + job.id()).build()
				.toUri();
		return ResponseEntity.accepted().location(location).contentType(MediaType.APPLICATION_JSON)
				.body(status(job, null, location.getPath()));
	}

	@GetMapping({ API + "/{id}", PAGE + "/{id}" })
	ResponseEntity<Map<String, Object>> poll(@PathVariable String id, HttpServletRequest http) {
		AnalysisJob job = visible(id);
		AnalysisTable result = job.state() == AnalysisJob.State.DONE ? jobs.result(job).orElse(null) : null;
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
				.body(status(job, result, http.getContextPath() + base(http) + "/" + id));
	}

	@GetMapping({ API + "/{id}/result", PAGE + "/{id}/result" })
	ResponseEntity<?> result(@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
		String user = AnalyticsAccess.require();
		String format = AnalysisParameters.format(params);
		AnalysisJob job = visible(id);
		AnalysisTable table = jobs.result(job).orElseThrow(() -> new AnalyticsErrors.NoResult(switch (job.state()) {
			case RUNNING -> "the analysis is still running: " + job.label();
			case FAILED -> "the analysis failed: " + job.error();
			default -> "the analysis was " + job.state().apiName() + " and has no result";
		}));
		return responses.render(table, format, user, job.method() + " " + job.parameters());
	}

	@DeleteMapping({ API + "/{id}", PAGE + "/{id}" })
	ResponseEntity<Map<String, Object>> cancel(@PathVariable String id, HttpServletRequest http) {
		AnalysisJob job = visible(id);
		if (job.finished()) {
			jobs.delete(job);
			return ResponseEntity.noContent().build();
		}
		jobs.cancel(job);
		// cancelled, or done if it finished first
		AnalysisJob now = visible(id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
				.body(status(now, null, http.getContextPath() + base(http) + "/" + id));
	}

	private AnalysisJob visible(String id) {
		String user = AnalyticsAccess.require();
		return jobs.find(SignedInStaff.agencyIn(agencies).id(), id, user, AnalyticsAccess.admin())
				.orElseThrow(() -> new AnalyticsErrors.NoSuchJob(id));
	}

	/** The job as the API shows it; {@code result} (the synchronous JSON) once done. */
	static Map<String, Object> status(AnalysisJob job, AnalysisTable result, String path) {
		OffsetDateTime now = OffsetDateTime.now();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", job.id());
		body.put("method", job.method());
		body.put("parameters", job.parameters());
		body.put("state", job.state().apiName());
		body.put("done", job.done());
		body.put("total", job.total());
		body.put("label", job.label());
		body.put("started_by", job.startedBy());
		body.put("started_at", job.startedAt().toInstant().toString());
		body.put("elapsed_seconds", seconds(job.elapsed(now)));
		body.put("eta_seconds", job.remaining(now).map(AnalysisJobController::seconds).orElse(null));
		body.put("url", path);
		if (job.error() != null) {
			body.put("error", job.error());
		}
		if (result != null) {
			body.put("result_url", path + "/result");
			body.put("result", TableResponses.json(result));
		}
		return body;
	}

	private static double seconds(Duration d) {
		return Math.round(d.toMillis() / 100.0) / 10.0;
	}

	private static String base(HttpServletRequest http) {
		return http.getRequestURI().startsWith(http.getContextPath() + "/api/") ? API : PAGE;
	}
}
