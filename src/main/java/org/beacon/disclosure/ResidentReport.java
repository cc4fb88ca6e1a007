package org.beacon.disclosure;

/**
 * A resident's report as stored, with what {@link PublicDisclosure} needs to decide what of it the public may see.
 *
 * @param privateCategory the report's category is private (drug activity, anything naming a person)
 * @param rejected moderation rejected the report
 * @param textApproved moderation approved what the resident wrote (description, address, media)
 * @param lat exact latitude, or null
 * @param lon exact longitude, or null
 */
public record ResidentReport(boolean privateCategory, boolean rejected, boolean textApproved, Double lat, Double lon,
		String address, String description, String mediaUrl) {
}
