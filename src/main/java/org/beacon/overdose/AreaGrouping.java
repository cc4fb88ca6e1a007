package org.beacon.overdose;

import java.util.Locale;

/**
 * What detection counts by: the whole jurisdiction, county, city, neighbourhood, or H3 cells of a
 * resolution ({@code h3:8}). Counties and cities come from the events' own fields; neighbourhoods and cells
 * only from events whose coordinates are a point or a randomised point.
 *
 * @param h3Resolution 0 to 15 for {@link Level#H3}, else 0
 */
public record AreaGrouping(Level level, int h3Resolution) {

	public enum Level {
		JURISDICTION, COUNTY, CITY, NEIGHBOURHOOD, H3
	}

	public static final AreaGrouping JURISDICTION = new AreaGrouping(Level.JURISDICTION, 0);

	public static final AreaGrouping NEIGHBOURHOOD = new AreaGrouping(Level.NEIGHBOURHOOD, 0);

	public AreaGrouping {
		if (level == null) {
			throw new IllegalArgumentException("level is required");
		}
		if (level == Level.H3 ? h3Resolution < 0 || h3Resolution > 15 : h3Resolution != 0) {
			throw new IllegalArgumentException("an H3 resolution is 0 to 15 and only for h3; was " + h3Resolution);
		}
	}

	public static AreaGrouping h3(int resolution) {
		return new AreaGrouping(Level.H3, resolution);
	}

	/**
	 * {@code jurisdiction}, {@code county}, {@code city}, {@code neighbourhood} (or {@code neighborhood}) or
	 * {@code h3:RES}.
	 *
	 * @throws IllegalArgumentException naming what is allowed
	 */
	public static AreaGrouping parse(String text) {
		String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (t.startsWith("h3:")) {
			try {
				return h3(Integer.parseInt(t.substring(3)));
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("h3:RES needs a resolution 0 to 15, e.g. h3:8; was '" + text + "'");
			}
		}
		return switch (t) {
			case "jurisdiction" -> JURISDICTION;
			case "county" -> new AreaGrouping(Level.COUNTY, 0);
			case "city" -> new AreaGrouping(Level.CITY, 0);
			case "neighbourhood", "neighborhood" -> NEIGHBOURHOOD;
			default -> throw new IllegalArgumentException(
					"--by must be jurisdiction, county, city, neighbourhood or h3:RES; was '" + text + "'");
		};
	}

	/** The text {@link #parse} reads, e.g. {@code h3:8}; stored as an alarm's area level. */
	public String code() {
		return level == Level.H3 ? "h3:" + h3Resolution : level.name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return code();
	}
}
