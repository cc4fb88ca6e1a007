package org.beacon.publicsafety.internal;

import java.util.EnumMap;
import java.util.Map;

import org.beacon.incidents.OffenseCategory;

/**
 * One short prevention tip per category, for digests; the category with most incidents chooses. Tips ask
 * residents to protect places and things and to report what happened, where and when; never to report people
 * who "look suspicious", which sends police to whoever looks out of place rather than to what occurred.
 */
final class PreventionTips {

	private static final Map<OffenseCategory, String> TIPS = new EnumMap<>(OffenseCategory.class);

	static {
		TIPS.put(OffenseCategory.BURGLARY, "Lock doors and windows, even when you are home, and light entrances at night.");
		TIPS.put(OffenseCategory.LARCENY, "Keep packages, bikes and tools out of sight, and lock sheds and garages.");
		TIPS.put(OffenseCategory.MOTOR_VEHICLE_THEFT, "Never leave the engine running or keys in the car; use a steering lock.");
		TIPS.put(OffenseCategory.ROBBERY, "Walk in well-lit places with others when you can, and keep phones out of sight.");
		TIPS.put(OffenseCategory.VANDALISM, "Report damage and graffiti quickly, saying what was damaged and where; fast repair discourages more.");
		TIPS.put(OffenseCategory.FRAUD, "Nobody official asks for payment by gift card; hang up and call back on a number you know.");
		TIPS.put(OffenseCategory.AGGRAVATED_ASSAULT, "If a dispute is getting worse, keep your distance and call 911 to say what is happening and where.");
	}

	static final String GENERAL = "Get to know your neighbours. If something happens, report what happened, where and "
			+ "when to the non-emergency line, or 911 if someone is in danger.";

	private PreventionTips() {
	}

	/** Every tip, the general one last, for checks of their wording. */
	static java.util.List<String> all() {
		java.util.List<String> all = new java.util.ArrayList<>(TIPS.values());
		all.add(GENERAL);
		return all;
	}

	static String of(OffenseCategory category) {
		return category == null ? GENERAL : TIPS.getOrDefault(category, GENERAL);
	}
}
