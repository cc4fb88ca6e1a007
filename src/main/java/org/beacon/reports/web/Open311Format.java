package org.beacon.reports.web;

import org.beacon.reports.internal.Open311Exception;

/** The two GeoReport v2 formats, chosen by the path suffix. XML is mandatory; JSON is offered too. */
enum Open311Format {
	XML("text/xml; charset=utf-8"), JSON("application/json; charset=utf-8");

	private final String contentType;

	Open311Format(String contentType) {
		this.contentType = contentType;
	}

	String contentType() {
		return contentType;
	}

	static Open311Format of(String suffix) {
		if ("xml".equals(suffix)) {
			return XML;
		}
		if ("json".equals(suffix)) {
			return JSON;
		}
		throw Open311Exception.notFound("format '" + suffix + "' is not offered; use .xml or .json");
	}

	/** The format a path asks for, XML unless it ends in {@code .json} (used for errors). */
	static Open311Format ofPath(String path) {
		return path != null && path.endsWith(".json") ? JSON : XML;
	}
}
