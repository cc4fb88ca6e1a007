package org.beacon.incidents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beacon.incidents.ImportRejectedException;
import org.springframework.stereotype.Component;

/**
 * Finds a profile by name: {@code generic} (configured by {@code --columns}), a path to a
 * {@code .yaml}/{@code .yml} file, a user's {@code <profiles-dir>/<name>.yaml} (or {@code .yml}), or a
 * built-in one on the classpath ({@code profiles/<name>.yaml}, e.g. {@code stl-slmpd}). A user's file wins
 * over a built-in of the same name.
 */
@Component
class ImportProfiles {

	static final String GENERIC = "generic";

	private final ImportSettings settings;

	ImportProfiles(ImportSettings settings) {
		this.settings = settings;
	}

	/**
	 * @param columns for {@code generic}: field key to column name, plus {@code type} (code and description)
	 *        and {@code source} (the source name, default {@code generic}); ignored otherwise
	 * @throws ImportRejectedException for an unknown or broken profile, or bad {@code columns}
	 */
	ImportProfile profile(String name, Map<String, String> columns) {
		try {
			return (GENERIC.equals(name) ? generic(columns) : load(name)).validated();
		}
		catch (IllegalArgumentException e) {
			throw new ImportRejectedException(e.getMessage());
		}
	}

	private ImportProfile load(String name) {
		if (name != null && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
			Path file = Path.of(name);
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException("profile file " + file + " does not exist");
			}
			return read(file);
		}
		if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
			throw new IllegalArgumentException("profile name '" + name + "' must be letters, digits, '.', '_' or '-'");
		}
		for (String extension : List.of(".yaml", ".yml")) {
			Path file = settings.profilesDir().resolve(name + extension);
			if (Files.isRegularFile(file)) {
				return read(file);
			}
		}
		InputStream builtIn = ImportProfiles.class.getResourceAsStream("/profiles/" + name + ".yaml");
		if (builtIn == null || GENERIC.equals(name)) {
			throw new IllegalArgumentException("unknown profile '" + name + "': not built in and no "
					+ settings.profilesDir().resolve(name + ".yaml") + " (built in: stl-slmpd, generic)");
		}
		try (builtIn) {
			return ProfileYaml.read(builtIn, name);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static ImportProfile read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return ProfileYaml.read(in, file.getFileName().toString());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read profile " + file, e);
		}
	}

	private ImportProfile generic(Map<String, String> given) {
		ImportProfile base;
		try (InputStream in = ImportProfiles.class.getResourceAsStream("/profiles/generic.yaml")) {
			base = ProfileYaml.read(in, GENERIC);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<ProfileField, List<String>> columns = new EnumMap<>(ProfileField.class);
		String source = GENERIC;
		for (Map.Entry<String, String> entry : given.entrySet()) {
			String key = entry.getKey().trim();
			String column = entry.getValue().trim();
			if (column.isEmpty()) {
				throw new IllegalArgumentException("--columns " + key + "= names no column");
			}
			switch (key) {
				case "source" -> source = column;
				case "type" -> {
					columns.put(ProfileField.CODE, List.of(column));
					columns.putIfAbsent(ProfileField.DESCRIPTION, List.of(column));
				}
				default -> columns.put(ProfileField.ofKey(key), List.of(column));
			}
		}
		if (!columns.containsKey(ProfileField.TIME)) {
			throw new IllegalArgumentException(
					"profile generic needs --columns with at least time=COLUMN (and lat=, lon=, type=, id= as the file has them)");
		}
		if (columns.containsKey(ProfileField.X) || columns.containsKey(ProfileField.Y)) {
			throw new IllegalArgumentException("profile generic reads lat/lon; for x/y write a YAML profile with a projection");
		}
		if (columns.containsKey(ProfileField.COUNT)) {
			throw new IllegalArgumentException("profile generic has no reversal rule; for count=-1 rows write a YAML profile");
		}
		Set<ProfileField> required = columns.isEmpty() ? Set.of() : EnumSet.copyOf(columns.keySet());
		return base.withColumns(source, columns, required);
	}
}
