package org.beacon.incidents.internal;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.beacon.incidents.OffenseCategory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads an {@link ImportProfile} from YAML; every mistake is reported with the profile and the key. */
final class ProfileYaml {

	private ProfileYaml() {
	}

	static ImportProfile read(InputStream yaml, String origin) {
		Object document;
		try {
			document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("profile " + origin + " is not valid YAML: " + e.getMessage(), e);
		}
		if (!(document instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("profile " + origin + " must be a YAML mapping");
		}
		return new Reader(origin, map).profile();
	}

	private record Reader(String origin, Map<?, ?> root) {

		ImportProfile profile() {
			String name = string(root, "name", origin);
			Map<ProfileField, List<String>> columns = columns(map(root, "columns"));
			Set<ProfileField> required = new LinkedHashSet<>(fields(root, "required"));
			Map<?, ?> key = map(root, "key");
			Map<?, ?> reversal = root.containsKey("reversal") ? map(root, "reversal") : null;
			return new ImportProfile(name, string(root, "source", name), zone(), columns, required,
					strings(root, "date-formats"), strings(root, "reported-formats"), coordinates(),
					classification(), new ImportProfile.Keys(fields(key, "id-with"), fields(key, "without-id")),
					reversal == null ? null
							: new ImportProfile.Reversals(fields(reversal, "match"), fields(reversal, "fallback-match")),
					new LinkedHashSet<>(strings(root, "unfounded-values")));
		}

		private ZoneId zone() {
			String zone = string(root, "time-zone", null);
			try {
				return zone == null ? null : ZoneId.of(zone);
			}
			catch (DateTimeException e) {
				throw problem("time-zone", "'" + zone + "' is not a time zone");
			}
		}

		private Map<ProfileField, List<String>> columns(Map<?, ?> map) {
			Map<ProfileField, List<String>> columns = new EnumMap<>(ProfileField.class);
			map.forEach((k, v) -> columns.put(field("columns", k), v instanceof List<?> list
					? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(v))));
			return columns;
		}

		private ImportProfile.Coordinates coordinates() {
			Map<?, ?> map = map(root, "coordinates");
			String system = string(map, "system", "lat-lon");
			return switch (system) {
				case "lat-lon" -> ImportProfile.Coordinates.LAT_LON;
				case "xy" -> {
					double[] x = range(map, "x-range");
					double[] y = range(map, "y-range");
					yield new ImportProfile.Coordinates(true, string(map, "projection", null), x[0], x[1], y[0], y[1]);
				}
				default -> throw problem("coordinates.system", "must be lat-lon or xy, was '" + system + "'");
			};
		}

		private double[] range(Map<?, ?> map, String key) {
			Object value = map.get(key);
			if (value == null) {
				return new double[] { Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY };
			}
			if (value instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Number lo
					&& list.get(1) instanceof Number hi) {
				return new double[] { lo.doubleValue(), hi.doubleValue() };
			}
			throw problem(key, "must be [low, high], was " + value);
		}

		private ImportProfile.Classification classification() {
			Map<?, ?> map = map(root, "classification");
			Object divisor = map.get("ucr-class-from-code-div");
			if (divisor != null && !(divisor instanceof Integer)) {
				throw problem("classification.ucr-class-from-code-div", "must be a whole number, was " + divisor);
			}
			Map<String, OffenseCategory> codes = new LinkedHashMap<>();
			map(map, "codes").forEach((code, category) -> codes.put(String.valueOf(code).trim(),
					category("classification.codes", category)));
			LinkedHashMap<String, OffenseCategory> keywords = new LinkedHashMap<>();
			map(map, "keywords").forEach((word, category) -> keywords
					.put(String.valueOf(word).trim().toUpperCase(Locale.ROOT), category("classification.keywords", category)));
			Object fallback = map.get("default");
			return new ImportProfile.Classification((Integer) divisor, codes, keywords,
					fallback == null ? null : category("classification.default", fallback));
		}

		private OffenseCategory category(String key, Object value) {
			try {
				return OffenseCategory.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw problem(key, "'" + value + "' is not a category; known: " + List.of(OffenseCategory.values()));
			}
		}

		private List<ProfileField> fields(Map<?, ?> map, String key) {
			return strings(map, key).stream().map(k -> field(key, k)).toList();
		}

		private ProfileField field(String key, Object name) {
			try {
				return ProfileField.ofKey(String.valueOf(name));
			}
			catch (IllegalArgumentException e) {
				throw problem(key, e.getMessage());
			}
		}

		private List<String> strings(Map<?, ?> map, String key) {
			Object value = map.get(key);
			if (value == null) {
				return List.of();
			}
			if (value instanceof List<?> list) {
				List<String> strings = new ArrayList<>();
				list.forEach(v -> strings.add(String.valueOf(v)));
				return strings;
			}
			return List.of(String.valueOf(value));
		}

		private Map<?, ?> map(Map<?, ?> map, String key) {
			Object value = map.get(key);
			if (value == null) {
				return Map.of();
			}
			if (value instanceof Map<?, ?> m) {
				return m;
			}
			throw problem(key, "must be a mapping");
		}

		private String string(Map<?, ?> map, String key, String fallback) {
			Object value = map.get(key);
			return value == null ? fallback : String.valueOf(value);
		}

		private IllegalArgumentException problem(String key, String message) {
			return new IllegalArgumentException("profile " + origin + ", " + key + ": " + message);
		}
	}
}
