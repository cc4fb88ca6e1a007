package org.beacon.agency;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The default agency configured on first start ({@code beacon.agency.*}).
 *
 * @param code short stable code, used as Open311 {@code jurisdiction_id}
 * @param projection an EPSG code or proj4 string for distances in metres, or {@code auto}
 */
@ConfigurationProperties("beacon.agency")
public record AgencyProperties(String code, String name, ZoneId timeZone, String projection) {

	public AgencyProperties {
		code = code == null ? "stl" : code;
		name = name == null ? "St. Louis Metropolitan Police Department" : name;
		timeZone = timeZone == null ? ZoneId.of("America/Chicago") : timeZone;
		projection = projection == null ? "auto" : projection;
	}
}
