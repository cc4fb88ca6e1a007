package org.beacon.reports.internal;

/** One entry of an Open311 error list: {@code code} (the HTTP status here) and a human description. */
public record Open311Error(int code, String description) {
}
