package org.beacon.incidents.internal;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beacon.incidents.OffenseCategory;

/**
 * How to read one kind of incident CSV: a profile is data (YAML, see docs/import-profiles.md), not code.
 *
 * @param name what users type after {@code --profile}
 * @param source the source name stored with every record; natural keys are unique within it
 * @param zone the zone local times are in; null means the agency's
 * @param columns for each field, the header names that may carry it (compared ignoring case, spaces and
 *        punctuation, so {@code X-Coord} matches {@code XCoord}); the first one found is used
 * @param required fields whose column must be present, or the file is rejected before any row is read
 * @param dateFormats {@link java.time.format.DateTimeFormatter} patterns for {@code time}, tried in order
 * @param reportedFormats the same for {@code reported}
 * @param coordinates how to read a point
 * @param classification how a row gets its {@link OffenseCategory}
 * @param keys how a row's natural key is made
 * @param reversals how a reversal row ({@code count = -1}) finds its original; null: the profile has none
 * @param unfoundedValues values of the {@code unfounded} column that mark a record unfounded
 */
record ImportProfile(String name, String source, ZoneId zone, Map<ProfileField, List<String>> columns,
		Set<ProfileField> required, List<String> dateFormats, List<String> reportedFormats, Coordinates coordinates,
		Classification classification, Keys keys, Reversals reversals, Set<String> unfoundedValues) {

	ImportProfile {
		EnumMap<ProfileField, List<String>> copy = new EnumMap<>(ProfileField.class);
		columns.forEach((field, names) -> copy.put(field, List.copyOf(names)));
		columns = java.util.Collections.unmodifiableMap(copy);
		required = Set.copyOf(required);
		dateFormats = List.copyOf(dateFormats);
		reportedFormats = List.copyOf(reportedFormats);
		unfoundedValues = Set.copyOf(unfoundedValues);
	}

	/** This profile, if it can read a file: it names a time column and its formats, and columns for all it requires. */
	ImportProfile validated() {
		for (ProfileField field : required) {
			if (!columns.containsKey(field)) {
				throw new IllegalArgumentException("profile " + name + ": required field '" + field.key()
						+ "' has no column");
			}
		}
		if (!columns.containsKey(ProfileField.TIME)) {
			throw new IllegalArgumentException("profile " + name + ": needs a 'time' column");
		}
		if (dateFormats.isEmpty()) {
			throw new IllegalArgumentException("profile " + name + ": needs at least one date format");
		}
		return this;
	}

	/** The same profile reading other columns, e.g. {@code generic} configured by {@code --columns}. */
	ImportProfile withColumns(String source, Map<ProfileField, List<String>> columns, Set<ProfileField> required) {
		return new ImportProfile(name, source, zone, columns, required, dateFormats, reportedFormats, coordinates,
				classification, keys, reversals, unfoundedValues);
	}

	/** Latitude/longitude columns, or projected x/y converted with {@code projection}; outside the box is no point. */
	record Coordinates(boolean projected, String projection, double minX, double maxX, double minY, double maxY) {

		static final Coordinates LAT_LON = new Coordinates(false, null, Double.NEGATIVE_INFINITY,
				Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

		Coordinates {
			if (projected && (projection == null || projection.isBlank())) {
				throw new IllegalArgumentException("x/y coordinates need a projection");
			}
		}
	}

	/**
	 * Classification rules, tried in this order: a {@code category} column naming a category; the
	 * {@code codes} table; the UCR class as {@code code div ucrClassDivisor}; the {@code keywords} (upper
	 * case, found in the description or category text, first listed wins); {@code defaultCategory}. A row none
	 * of them classifies is rejected as an unknown code.
	 */
	record Classification(Integer ucrClassDivisor, Map<String, OffenseCategory> codes,
			LinkedHashMap<String, OffenseCategory> keywords, OffenseCategory defaultCategory) {

		Classification {
			codes = Map.copyOf(codes);
			keywords = new LinkedHashMap<>(keywords);
		}
	}

	/**
	 * A row with an id is keyed {@code id/with...}; a row without one by the hash of {@code withoutId} (all
	 * mapped fields when empty). Identical keys in one file are numbered {@code #2, #3, ...}.
	 */
	record Keys(List<ProfileField> idWith, List<ProfileField> withoutId) {

		Keys {
			idWith = List.copyOf(idWith);
			withoutId = List.copyOf(withoutId);
		}
	}

	/**
	 * A reversal row finds its original by {@code match} (which includes the id) when it has an id, else, or
	 * when no original has that key, by {@code fallback} among originals without an id.
	 */
	record Reversals(List<ProfileField> match, List<ProfileField> fallback) {

		Reversals {
			match = List.copyOf(match);
			fallback = List.copyOf(fallback);
		}
	}
}
