package org.beacon.reports.internal;

/**
 * Staff queue filters; null means "any". {@code status} is {@code open}, {@code closed} or null;
 * {@code assignee} {@code "-"} means unassigned.
 */
public record QueueFilter(String status, String serviceCode, String assignee, Boolean overdue, String moderation,
		int limit) {

	public static QueueFilter openItems() {
		return new QueueFilter("open", null, null, null, null, 200);
	}
}
