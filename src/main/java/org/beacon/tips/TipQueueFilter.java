package org.beacon.tips;

/** Staff queue filters; null means any. {@code assignee} "-" means unassigned. */
public record TipQueueFilter(String status, TipCategory category, String assignee, Boolean held, int limit) {

	public static TipQueueFilter openTips() {
		return new TipQueueFilter("open", null, null, null, 200);
	}
}
