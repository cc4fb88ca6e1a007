package org.beacon.reports.internal;

import java.util.List;

/** An Open311 request that cannot be fulfilled: 400, 403 or 404 with the spec's error list. */
public class Open311Exception extends RuntimeException {

	private final int status;
	private final List<Open311Error> errors;

	public Open311Exception(int status, List<String> descriptions) {
		super(String.join("; ", descriptions));
		this.status = status;
		this.errors = descriptions.stream().map(d -> new Open311Error(status, d)).toList();
	}

	public static Open311Exception badRequest(String description) {
		return new Open311Exception(400, List.of(description));
	}

	public static Open311Exception forbidden(String description) {
		return new Open311Exception(403, List.of(description));
	}

	public static Open311Exception notFound(String description) {
		return new Open311Exception(404, List.of(description));
	}

	public int status() {
		return status;
	}

	public List<Open311Error> errors() {
		return errors;
	}
}
