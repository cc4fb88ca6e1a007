package org.beacon.disclosure;

/**
 * An area notice as the public may read it, made only by {@link PublicDisclosure}: it names an area, states no
 * count below the minimum, and its count sentence is null when there is none to show.
 */
public record PublicNotice(String areaLevel, String areaCode, String areaName, String title, String body,
		String countText) {
}
