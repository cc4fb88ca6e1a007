package org.beacon.disclosure;

/**
 * A notice for the residents of an area (an overdose harm-reduction notice) as stored.
 *
 * @param areaLevel jurisdiction, neighbourhood, county or city
 * @param countText the sentence the system wrote about how many, or null
 */
public record AreaNotice(String areaLevel, String areaCode, String areaName, String title, String body,
		String countText) {
}
