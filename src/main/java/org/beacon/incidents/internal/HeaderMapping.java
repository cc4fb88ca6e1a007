package org.beacon.incidents.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.beacon.incidents.ImportRejectedException;

/**
 * Finds each profile field's column in a file's header, or rejects the file naming the required columns it
 * misses and the columns it has. Header names are compared in a normal form (lower case, letters and digits
 * only), so {@code "Date Occur"}, {@code DateOccur} and {@code date_occur} are the same column.
 */
final class HeaderMapping {

	private final int[] index = new int[ProfileField.values().length];
	private final int width;

	private HeaderMapping(int width) {
		this.width = width;
		Arrays.fill(index, -1);
	}

	/** The field's column index, or -1 when the file does not have it. */
	int index(ProfileField field) {
		return index[field.ordinal()];
	}

	/** How many columns the header has. */
	int width() {
		return width;
	}

	static HeaderMapping resolve(ImportProfile profile, List<String> header, String fileName) {
		Map<String, Integer> positions = new java.util.HashMap<>();
		for (int i = header.size() - 1; i >= 0; i--) {
			positions.put(normal(header.get(i)), i);
		}
		HeaderMapping mapping = new HeaderMapping(header.size());
		Map<ProfileField, List<String>> missing = new EnumMap<>(ProfileField.class);
		profile.columns().forEach((field, names) -> {
			Integer found = names.stream().map(HeaderMapping::normal).map(positions::get)
					.filter(java.util.Objects::nonNull).findFirst().orElse(null);
			if (found != null) {
				mapping.index[field.ordinal()] = found;
			}
			else if (profile.required().contains(field)) {
				missing.put(field, names);
			}
		});
		if (!missing.isEmpty()) {
			List<String> missingNames = new ArrayList<>();
			missing.forEach((field, names) -> missingNames.add(names.size() == 1 ? names.get(0)
					: String.join(" or ", names)));
			String expected = profile.required().stream().sorted()
					.map(f -> f.key() + "=" + String.join("|", profile.columns().get(f)))
					.collect(Collectors.joining(", "));
			throw new ImportRejectedException(("%s: missing required column%s %s for profile %s (expected %s; "
					+ "found %s). Nothing was imported.").formatted(fileName, missingNames.size() == 1 ? "" : "s",
							String.join(", ", missingNames), profile.name(), expected, String.join(", ", header)),
					missingNames, header);
		}
		return mapping;
	}

	static String normal(String name) {
		StringBuilder normal = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				normal.append(Character.toLowerCase(c));
			}
		}
		return normal.toString().toLowerCase(Locale.ROOT);
	}
}
