package org.beacon.tips.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits of the anonymous edge ({@code beacon.anonymous.*}): tokens per {@code period} for each
 * client (keyed by a salted hash of its address, held only in memory) and, for writes, for the node as a
 * whole.
 */
@ConfigurationProperties("beacon.anonymous")
record AnonymousEdgeProperties(Duration period, int readsPerClient, int writesPerClient, int receiptChecksPerClient,
		int writesPerNode, int maxTrackedClients) {

	AnonymousEdgeProperties {
		period = period == null ? Duration.ofMinutes(1) : period;
		readsPerClient = readsPerClient <= 0 ? 120 : readsPerClient;
		writesPerClient = writesPerClient <= 0 ? 10 : writesPerClient;
		receiptChecksPerClient = receiptChecksPerClient <= 0 ? 5 : receiptChecksPerClient;
		writesPerNode = writesPerNode <= 0 ? 600 : writesPerNode;
		maxTrackedClients = maxTrackedClients <= 0 ? 100_000 : maxTrackedClients;
	}
}
