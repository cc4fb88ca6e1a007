package org.beacon.publicsafety.web;

import org.beacon.disclosure.PublicDisclosure;

/** The sentences that state the disclosure rules beside the data: the GeoJSON metadata and the Atom subtitle. */
final class PublicRules {

	private PublicRules() {
	}

	static String all(PublicDisclosure disclosure) {
		return "Sexual offences, domestic and family offences (also when filed as an assault) and anything involving a "
				+ "juvenile are never shown. " + smallGroups(disclosure) + " Counts below " + disclosure.minCount()
				+ " read \"fewer than " + disclosure.minCount() + "\".";
	}

	static String smallGroups(PublicDisclosure disclosure) {
		return "Incidents of a category with fewer than " + disclosure.minCount()
				+ " in one neighbourhood in the dates shown are withheld from every list, map, export and feed.";
	}
}
