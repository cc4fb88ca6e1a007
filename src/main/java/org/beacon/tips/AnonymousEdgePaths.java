package org.beacon.tips;

import java.util.List;

/**
 * More servlet URL patterns (e.g. {@code /report/*}) for the anonymous edge: declared as a bean by a module whose
 * resident pages take anonymous input, so that they get the same per-client and per-node limits as Open311 and
 * tips, and the same promise that no address, user agent or cookie is seen or logged.
 *
 * @param urlPatterns servlet URL patterns, as for a filter registration
 */
public record AnonymousEdgePaths(List<String> urlPatterns) {

	public AnonymousEdgePaths {
		urlPatterns = List.copyOf(urlPatterns);
	}
}
