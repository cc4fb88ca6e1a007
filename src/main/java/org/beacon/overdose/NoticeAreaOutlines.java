package org.beacon.overdose;

import java.util.Optional;

import org.beacon.shared.AgencyId;
import org.locationtech.jts.geom.Geometry;

/**
 * The outline of the area a resident notice names ({@link ResidentNoticePublished#areaLevel()} and
 * {@link ResidentNoticePublished#areaCode()}), so that whoever delivers notices can tell which subscriptions lie
 * in it. Outlines are the geography module's areas: a neighbourhood by its code; a county or city by an imported
 * area of any kind whose code or name is the county's or city's name as the events give it; an H3 cell
 * ({@code h3:RES}, code in hex) by its hexagon. A jurisdiction-wide notice concerns everyone and has no outline.
 */
public interface NoticeAreaOutlines {

	/** The area's outline in longitude/latitude (WGS 84), or empty when Beacon has none for it. */
	Optional<Geometry> outline(AgencyId agency, String areaLevel, String areaCode);

	/** Whether a notice for the area reaches subscribers: it is the jurisdiction, or it has an outline. */
	default boolean deliverable(AgencyId agency, String areaLevel, String areaCode) {
		return "jurisdiction".equals(areaLevel) || outline(agency, areaLevel, areaCode).isPresent();
	}
}
