package org.beacon.overdose.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The base map under the overdose maps: the same {@code beacon.map.tile-url} and {@code beacon.map.tile-attribution}
 * as the staff home (OpenStreetMap by default; empty draws no tiles, and the areas still show).
 */
@Component
class MapSettings {

	static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
	static final String OSM_ATTRIBUTION = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

	private final String tileUrl;
	private final String attribution;

	MapSettings(Environment environment) {
		String url = environment.getProperty("beacon.map.tile-url");
		this.tileUrl = url == null ? OSM_TILES : url.trim();
		String a = environment.getProperty("beacon.map.tile-attribution");
		this.attribution = a != null ? a : tileUrl.equals(OSM_TILES) ? OSM_ATTRIBUTION : "";
	}

	String tileUrl() {
		return tileUrl;
	}

	String attribution() {
		return attribution;
	}
}
