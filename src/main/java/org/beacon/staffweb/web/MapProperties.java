package org.beacon.staffweb.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The base map under the staff maps ({@code beacon.map.*}). An empty {@code tile-url} draws no tiles: the
 * areas still show, so the map works without internet access.
 *
 * @param tileUrl a Leaflet tile URL template ({@code {z}/{x}/{y}})
 * @param tileAttribution the attribution the tile provider requires
 */
@ConfigurationProperties("beacon.map")
record MapProperties(String tileUrl, String tileAttribution) {

	static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
	static final String OSM_ATTRIBUTION = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

	MapProperties {
		tileUrl = tileUrl == null ? OSM_TILES : tileUrl.trim();
		tileAttribution = tileAttribution == null ? (tileUrl.equals(OSM_TILES) ? OSM_ATTRIBUTION : "")
				: tileAttribution;
	}
}
