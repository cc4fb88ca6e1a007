package org.beacon.reports.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.beacon.agency.Agency;
import org.beacon.reports.ReportService;
import org.beacon.reports.ServiceAttribute;
import org.beacon.reports.ServiceCatalogue;
import org.beacon.reports.ServiceType;
import org.beacon.reports.internal.ApiKeys;
import org.beacon.reports.internal.Jurisdictions;
import org.beacon.reports.internal.NewRequest;
import org.beacon.reports.internal.Open311Exception;
import org.beacon.reports.internal.Open311PostParser;
import org.beacon.reports.internal.Open311Properties;
import org.beacon.reports.internal.Open311Queries;
import org.beacon.reports.internal.RevokedKeyException;
import org.beacon.reports.internal.ServiceRequestService;
import org.beacon.reports.internal.ServiceRequestService.Submitted;
import org.beacon.reports.web.Open311Writer.Items;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}, in XML and JSON, plus the mySociety
 * {@code servicerequestupdates} resource. Discovery is also at {@code /open311/discovery.{format}}.
 */
@RestController
@RequestMapping("/open311")
class Open311Controller {

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	private final Jurisdictions jurisdictions;
	private final ServiceCatalogue catalogue;
	private final ApiKeys apiKeys;
	private final ServiceRequestService requests;
	private final Open311Queries queries;
	private final Open311Properties properties;
	private final Open311Writer writer;
	private final Open311Requests views;

	Open311Controller(Jurisdictions jurisdictions, ServiceCatalogue catalogue, ApiKeys apiKeys,
			ServiceRequestService requests, Open311Queries queries, Open311Properties properties, Open311Writer writer,
			Open311Requests views) {
		this.jurisdictions = jurisdictions;
		this.catalogue = catalogue;
		this.apiKeys = apiKeys;
		this.requests = requests;
		this.queries = queries;
		this.properties = properties;
		this.writer = writer;
		this.views = views;
	}

	@GetMapping({ "/discovery.{format}", "/v2/discovery.{format}" })
	ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
		Open311Format f = Open311Format.of(format);
		Agency agency = jurisdictions.resolve(param(request, "jurisdiction_id"));
		String changeset = changeset(catalogue.changedAt(agency.id()));
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", SPECIFICATION);
		endpoint.put("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString());
		endpoint.put("changeset", changeset);
		endpoint.put("type", properties.test() ? "test" : "production");
		endpoint.put("formats", new Items("format", List.of("text/xml", "application/json")));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("changeset", changeset);
		body.put("contact", properties.contact());
		body.put("key_service", properties.keyService());
		body.put("endpoints", new Items("endpoint", List.of(endpoint)));
		return ok(f, "discovery", body);
	}

	@GetMapping("/v2/services.{format}")
	ResponseEntity<String> services(@PathVariable String format, HttpServletRequest request) {
		Open311Format f = Open311Format.of(format);
		Agency agency = jurisdictions.resolve(param(request, "jurisdiction_id"));
		List<Map<String, Object>> services = catalogue.services(agency.id()).stream().map(Open311Controller::service).toList();
		return ok(f, "services", new Items("service", services));
	}

	@GetMapping("/v2/services/{code}.{format}")
	ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format, HttpServletRequest request) {
		Open311Format f = Open311Format.of(format);
		Agency agency = jurisdictions.resolve(param(request, "jurisdiction_id"));
		ReportService service = catalogue.service(agency.id(), code)
				.orElseThrow(() -> Open311Exception.notFound("service_code '" + code + "' not found"));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service_code", service.code());
		body.put("attributes", new Items("attribute", service.attributes().stream().map(Open311Controller::attribute).toList()));
		return ok(f, "service_definition", body);
	}

	@PostMapping("/v2/requests.{format}")
	ResponseEntity<String> create(@PathVariable String format, HttpServletRequest request) {
		Open311Format f = Open311Format.of(format);
		String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
		if (contentType.startsWith("application/json")) {
			throw Open311Exception.badRequest("send the request as application/x-www-form-urlencoded, as GeoReport v2 requires");
		}
		Open311PostParser fields = new Open311PostParser(request.getParameterMap());
		Agency agency = jurisdictions.resolve(fields.value("jurisdiction_id"));
		String key = fields.value("api_key");
		long keyId = apiKeys.verify(agency.id(), key).orElseThrow(() -> Open311Exception.forbidden(key == null
				? "api_key is required to submit a service request" : "api_key is not valid for this jurisdiction"));
		String code = fields.value("service_code");
		if (code == null) {
			throw Open311Exception.badRequest("service_code is required");
		}
		ReportService service = catalogue.service(agency.id(), code)
				.orElseThrow(() -> Open311Exception.notFound("service_code '" + code + "' not found"));
		NewRequest parsed = fields.parse(agency.id(), service, keyId);
		boolean extensions = "true".equalsIgnoreCase(fields.value("extensions"));
		Submitted submitted;
		try {
			submitted = requests.submit(parsed, extensions);
		}
		catch (RevokedKeyException revoked) {
			apiKeys.forgetVerified();
			throw Open311Exception.forbidden("api_key is not valid for this jurisdiction");
		}
		return ok(f, "service_requests", new Items("request", List.of(views.created(submitted, service, extensions))));
	}

	@GetMapping("/v2/requests.{format}")
	ResponseEntity<String> search(@PathVariable String format, HttpServletRequest request) {
		Open311Format f = Open311Format.of(format);
		Agency agency = jurisdictions.resolve(param(request, "jurisdiction_id"));
		boolean extensions = "true".equalsIgnoreCase(param(request, "extensions"));
		var found = queries.search(agency, name -> param(request, name));
		return ok(f, "service_requests", new Items("request", views.list(agency, found, extensions)));
	}

	@GetMapping("/v2/requests/{id}.{format}")
	ResponseEntity<String> one(@PathVariable String id, @PathVariable String format, HttpServletRequest request) {
		Open311Format f = Open311Format.of(format);
		Agency agency = jurisdictions.resolve(param(request, "jurisdiction_id"));
		boolean extensions = "true".equalsIgnoreCase(param(request, "extensions"));
		var shown = views.list(agency, List.of(queries.one(agency, id)), extensions);
		if (shown.isEmpty()) {
			// private category or rejected: for the public it does not exist
			throw Open311Exception.notFound("service_request_id '" + id + "' not found");
		}
		return ok(f, "service_requests", new Items("request", shown));
	}

	@GetMapping("/v2/tokens/{token}.{format}")
	ResponseEntity<String> token(@PathVariable String token, @PathVariable String format, HttpServletRequest request) {
		Open311Format f = Open311Format.of(format);
		Agency agency = jurisdictions.resolve(param(request, "jurisdiction_id"));
		var found = queries.byToken(agency, token);
		Map<String, Object> item = new LinkedHashMap<>();
		if (found.serviceType() != ServiceType.BLACKBOX) {
			item.put("service_request_id", found.publicId());
		}
		item.put("token", found.token());
		return ok(f, "service_requests", new Items("request", List.of(item)));
	}

	/** mySociety extension: public updates since a time, for FixMyStreet to show progress. */
	@GetMapping("/v2/servicerequestupdates.{format}")
	ResponseEntity<String> updates(@PathVariable String format, HttpServletRequest request) {
		Open311Format f = Open311Format.of(format);
		Agency agency = jurisdictions.resolve(param(request, "jurisdiction_id"));
		var updates = queries.updates(agency, name -> param(request, name));
		return ok(f, "service_request_updates", new Items("request_update", views.updates(agency, updates)));
	}

	/** Anything else under /open311 is a 404 in the spec's error shape. */
	@RequestMapping("/**")
	ResponseEntity<String> unknown(HttpServletRequest request) {
		throw Open311Exception.notFound("no such Open311 resource; see " + request.getContextPath() + "/open311/discovery.xml");
	}

	@ExceptionHandler(Open311Exception.class)
	ResponseEntity<String> error(Open311Exception e, HttpServletRequest request) {
		Open311Format f = Open311Format.ofPath(request.getRequestURI());
		List<Map<String, Object>> errors = e.errors().stream().map(err -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("code", err.code());
			m.put("description", err.description());
			return m;
		}).toList();
		return ResponseEntity.status(e.status()).header("Content-Type", f.contentType())
				.body(writer.write(f, "errors", new Items("error", errors)));
	}

	private ResponseEntity<String> ok(Open311Format f, String root, Object body) {
		return ResponseEntity.ok().header("Content-Type", f.contentType()).body(writer.write(f, root, body));
	}

	private static Map<String, Object> service(ReportService s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("service_code", s.code());
		m.put("service_name", s.name());
		m.put("description", s.description());
		m.put("metadata", s.metadata());
		m.put("type", s.type().wire());
		m.put("keywords", s.keywordList());
		m.put("group", s.group());
		return m;
	}

	private static Map<String, Object> attribute(ServiceAttribute a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("variable", a.variable());
		m.put("code", a.code());
		m.put("datatype", a.datatype().wire());
		m.put("required", a.required());
		m.put("datatype_description", a.datatypeDescription());
		m.put("order", a.order());
		m.put("description", a.description());
		if (a.datatype().isList()) {
			m.put("values", new Items("value", a.values().stream().map(v -> {
				Map<String, Object> value = new LinkedHashMap<>();
				value.put("key", v.key());
				value.put("name", v.name());
				return value;
			}).toList()));
		}
		return m;
	}

	/** Discovery changesets: UTC, second precision, so they sort as text. */
	private static String changeset(Instant t) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
	}

	static String datetime(Instant t, ZoneId zone) {
		return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(zone)
				.toOffsetDateTime());
	}

	/** A query or form parameter, trimmed; empty counts as absent. */
	static String param(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		if (values == null) {
			return null;
		}
		for (String v : values) {
			if (v != null && !v.isBlank()) {
				return v.trim();
			}
		}
		return null;
	}
}
