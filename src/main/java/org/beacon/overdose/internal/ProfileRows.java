package org.beacon.overdose.internal;

import java.util.List;

import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.OverdoseEntry;

/** How one CSV profile turns a row into an {@link OverdoseEntry}. */
interface ProfileRows {

	/** Columns the header must have. */
	List<String> requiredColumns();

	/** The entry, or {@code null} when the row broke a rule (noted in {@code check}). */
	OverdoseEntry entry(RowCheck check);

	static ProfileRows of(ImportProfile profile) {
		return switch (profile) {
			case PA_ODIN -> new PaOdinRows();
			case TEMPE -> new TempeRows();
			case CT_DEATHS -> new CtDeathRows();
		};
	}

	/** "NEW HAVEN" and "new haven" become "New Haven": files spell places in any case. */
	static String titleCase(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		StringBuilder out = new StringBuilder(name.length());
		boolean start = true;
		for (char c : name.trim().toCharArray()) {
			out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
			start = c == ' ' || c == '-' || c == '.' || c == '\'';
		}
		return out.toString();
	}
}
