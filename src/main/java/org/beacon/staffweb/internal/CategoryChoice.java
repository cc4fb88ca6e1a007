package org.beacon.staffweb.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.beacon.incidents.OffenseCategory;

/**
 * What the category filter means: everything ({@code ""}), all of UCR Part I ({@code PART_I}) or Part II
 * ({@code PART_II}), or one {@link OffenseCategory} by its name.
 *
 * @param value the request parameter value
 */
public record CategoryChoice(String value, String label, Set<OffenseCategory> categories) {

	public static final String PART_I = "PART_I";
	public static final String PART_II = "PART_II";

	public static final CategoryChoice ALL = new CategoryChoice("", "All categories", Set.of());

	/**
	 * Parses a request parameter.
	 *
	 * @throws IllegalArgumentException naming the parameter and the values allowed
	 */
	public static CategoryChoice parse(String value) {
		if (value == null || value.isBlank()) {
			return ALL;
		}
		return switch (value.trim()) {
			case PART_I -> new CategoryChoice(PART_I, "All Part I", part(1));
			case PART_II -> new CategoryChoice(PART_II, "All Part II", part(2));
			default -> {
				OffenseCategory category = Arrays.stream(OffenseCategory.values())
						.filter(c -> c.name().equals(value.trim())).findFirst()
						.orElseThrow(() -> new IllegalArgumentException("category must be empty, " + PART_I + ", "
								+ PART_II + " or an offense category such as BURGLARY, was '" + value + "'"));
				yield new CategoryChoice(category.name(), category.label(), Set.of(category));
			}
		};
	}

	/** The categories of one UCR part, in UCR class order. */
	public static List<OffenseCategory> ofPart(int ucrPart) {
		return Arrays.stream(OffenseCategory.values()).filter(c -> c.ucrPart() == ucrPart).toList();
	}

	private static Set<OffenseCategory> part(int ucrPart) {
		return EnumSet.copyOf(ofPart(ucrPart));
	}
}
