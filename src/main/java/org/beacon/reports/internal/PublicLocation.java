package org.beacon.reports.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a public output may say a report is: the block, not the door. Points snap to the centre of a
 * 0.001° cell (about 111 m north-south, 87 m east-west in St. Louis); house numbers become the hundred
 * block and unit numbers are dropped.
 */
public final class PublicLocation {

	/** Cell size in degrees; about one city block. */
	static final double CELL_DEGREES = 0.001;

	private static final Pattern HOUSE_NUMBER = Pattern.compile("^\\s*(\\d{1,6})[A-Za-z]?(?:-\\d+)?\\s+(.+)$");
	private static final Pattern UNIT = Pattern.compile("(?i)[,\\s]*(?:apt\\.?|apartment|unit|suite|ste\\.?|#)\\s*[\\w-]+");

	private PublicLocation() {
	}

	/** The centre of the cell holding {@code degrees}, to 4 decimals. */
	public static double snap(double degrees) {
		double centre = (Math.floor(degrees / CELL_DEGREES) + 0.5) * CELL_DEGREES;
		return Math.round(centre * 10_000) / 10_000.0;
	}

	/** "1234 Main St, Apt 5" becomes "1200 block of Main St". Text without a leading number is kept. */
	public static String block(String address) {
		if (address == null) {
			return null;
		}
		String withoutUnit = UNIT.matcher(address).replaceAll("").trim();
		Matcher m = HOUSE_NUMBER.matcher(withoutUnit);
		if (m.matches()) {
			long hundred = Long.parseLong(m.group(1)) / 100 * 100;
			return hundred + " block of " + m.group(2).trim();
		}
		return withoutUnit;
	}
}
