package org.beacon.disclosure;

/**
 * A resident's report as the public may see it, made only by {@link PublicDisclosure}: the centre of its H3 cell
 * (null when the report had no point), and the hundred block, description and media link only after moderation
 * approved them (null before).
 */
public record PublicReport(Double lat, Double lon, String address, String description, String mediaUrl) {

	public boolean located() {
		return lat != null && lon != null;
	}
}
