package org.beacon.incidents.internal;

import java.util.Locale;

/** What a source column means to Beacon; a profile maps each to one or more accepted header names. */
enum ProfileField {
	/** The source's own record id (St. Louis {@code Complaint}); may be empty, then the row's hash is the key. */
	ID,
	/** When it happened, local time unless the value carries an offset. */
	TIME,
	/** When it was reported or coded (St. Louis {@code CodedMonth}). */
	REPORTED,
	/** The source's offense code. */
	CODE,
	DESCRIPTION,
	/** A category name or label to classify by, when the source has one. */
	CATEGORY,
	LAT, LON,
	/** Projected coordinates, converted with the profile's projection. */
	X, Y,
	/** House number or full address. */
	ADDRESS,
	/** Street name, appended to {@link #ADDRESS}. */
	STREET,
	/** The source's own area (neighbourhood) code, used when there is no point or it lies in no area. */
	AREA,
	DISTRICT,
	/** 1 counts, -1 reverses an earlier record. */
	COUNT,
	/** A flag whose value is one of the profile's unfounded values. */
	UNFOUNDED;

	/** The name used in YAML and {@code --columns}: lower case. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ProfileField ofKey(String key) {
		for (ProfileField field : values()) {
			if (field.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
				return field;
			}
		}
		throw new IllegalArgumentException("unknown column key '" + key + "'; known: "
				+ java.util.Arrays.stream(values()).map(ProfileField::key).toList());
	}
}
