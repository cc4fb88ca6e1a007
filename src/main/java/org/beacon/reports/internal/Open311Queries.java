package org.beacon.reports.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.beacon.agency.Agency;
import org.springframework.stereotype.Service;

/**
 * The public reads of Open311: GET requests (with the spec's filters and defaults), GET one request,
 * tokens, and the mySociety updates. Lists leave out private categories and rejected requests already in SQL,
 * so pages stay full; what the public sees of each row is decided by {@code PublicDisclosure} in the web layer.
 */
@Service
public class Open311Queries {

	/** GeoReport v2: a date range may not exceed 90 days; the default is the most recent 90 days. */
	public static final Duration MAX_RANGE = Duration.ofDays(90);
	/** GeoReport v2: at most the first 1,000 requests. */
	public static final int MAX_ROWS = 1000;

	private final ServiceRequestRepository repository;
	private final ServiceRequestService requests;

	Open311Queries(ServiceRequestRepository repository, ServiceRequestService requests) {
		this.repository = repository;
		this.requests = requests;
	}

	/** GET requests; {@code param} gives a trimmed non-blank value or null. */
	public List<StoredRequest> search(Agency agency, Function<String, String> param) {
		List<String> ids = list(param.apply("service_request_id"));
		if (!ids.isEmpty()) {
			// the spec: service_request_id overrides every other argument
			return repository.publicByIds(agency.id(), ids.stream().limit(MAX_ROWS).toList());
		}
		List<String> errors = new ArrayList<>();
		Instant start = date("start_date", param.apply("start_date"), agency.timeZone(), errors);
		Instant end = date("end_date", param.apply("end_date"), agency.timeZone(), errors);
		List<String> statuses = list(param.apply("status"));
		for (String s : statuses) {
			if (!s.equals("open") && !s.equals("closed")) {
				errors.add("status must be open, closed or open,closed, was '" + s + "'");
			}
		}
		int pageSize = positive("page_size", param.apply("page_size"), MAX_ROWS, errors);
		int page = positive("page", param.apply("page"), 1, errors);
		if (pageSize > MAX_ROWS) {
			errors.add("page_size may be at most " + MAX_ROWS);
		}
		if (errors.isEmpty()) {
			Instant now = requests.now();
			if (start == null && end == null) {
				end = now;
				start = now.minus(MAX_RANGE);
			}
			else if (start == null) {
				start = end.minus(MAX_RANGE);
			}
			else if (end == null) {
				end = start.plus(MAX_RANGE).isAfter(now) ? now : start.plus(MAX_RANGE);
			}
			if (end.isBefore(start)) {
				errors.add("end_date must not be before start_date");
			}
			else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
				errors.add("start_date and end_date may be at most 90 days apart");
			}
		}
		if (!errors.isEmpty()) {
			throw new Open311Exception(400, errors);
		}
		var query = new PublicQuery(list(param.apply("service_code")), start, end, statuses.stream().distinct().toList(),
				pageSize, (page - 1) * pageSize);
		return repository.publicSearch(agency.id(), query);
	}

	/** The request with this id, whatever its category: what the public may see of it is for PublicDisclosure. */
	public StoredRequest one(Agency agency, String publicId) {
		return repository.byPublicId(agency.id(), publicId)
				.orElseThrow(() -> Open311Exception.notFound("service_request_id '" + publicId + "' not found"));
	}

	public StoredRequest byToken(Agency agency, String token) {
		return repository.byToken(agency.id(), token)
				.orElseThrow(() -> Open311Exception.notFound("token '" + token + "' not found"));
	}

	/** mySociety GET servicerequestupdates: public updates of public requests in [start_date, end_date]. */
	public List<RequestUpdate> updates(Agency agency, Function<String, String> param) {
		List<String> errors = new ArrayList<>();
		Instant start = date("start_date", param.apply("start_date"), agency.timeZone(), errors);
		Instant end = date("end_date", param.apply("end_date"), agency.timeZone(), errors);
		if (!errors.isEmpty()) {
			throw new Open311Exception(400, errors);
		}
		Instant now = requests.now();
		Instant to = end == null ? now : end;
		Instant from = start == null ? to.minus(Duration.ofDays(1)) : start;
		if (to.isBefore(from)) {
			throw Open311Exception.badRequest("end_date must not be before start_date");
		}
		return repository.publicUpdates(agency.id(), from, to, MAX_ROWS);
	}

	/** The public status note of a request, or its latest public update. */
	public Optional<String> statusNotes(StoredRequest r) {
		return Optional.ofNullable(r.statusNotes()).or(() -> repository.latestPublicNote(r.id()));
	}

	/**
	 * A W3C date-time with time zone, e.g. {@code 2010-04-14T06:37:38-08:00}. A bare date means its start in
	 * the agency's zone. A '+' decoded to a space by a client that did not encode it is put back.
	 */
	static Instant date(String field, String value, ZoneId zone, List<String> errors) {
		if (value == null) {
			return null;
		}
		String v = value.replace(' ', '+');
		try {
			return OffsetDateTime.parse(v).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDate.parse(v).atStartOfDay(zone).toInstant();
			}
			catch (DateTimeParseException e2) {
				errors.add(field + " must be a W3C date-time with time zone such as 2010-04-14T06:37:38-08:00, was '" + value
						+ "'");
				return null;
			}
		}
	}

	private static int positive(String field, String value, int fallback, List<String> errors) {
		if (value == null) {
			return fallback;
		}
		try {
			int v = Integer.parseInt(value);
			if (v > 0) {
				return v;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		errors.add(field + " must be a positive whole number, was '" + value + "'");
		return fallback;
	}

	static List<String> list(String value) {
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}
}
