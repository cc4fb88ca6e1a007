package org.beacon.incidents.internal;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;

/**
 * A profile's key rules for one file. The natural key ({@code source_id}) of a row with an id is
 * {@code id/with...} (St. Louis {@code 14-012963/91113/2014-04}); without one it is {@code h} and the
 * 16-hex-digit hash of the {@code without-id} fields. A repeat of a key in the file gets {@code #2},
 * {@code #3}, ... . Reversal match keys are {@code C|} the {@code match} fields (rows with an id) or
 * {@code F|} the {@code fallback-match} fields. Field values are normalized first (see {@link #canonical}).
 */
final class RowKeys {

	private final ImportProfile profile;
	private final List<ProfileField> withoutId;
	private final OccurrenceCounter incidents = new OccurrenceCounter();
	private final OccurrenceCounter reversals = new OccurrenceCounter();

	RowKeys(ImportProfile profile) {
		this.profile = profile;
		this.withoutId = profile.keys().withoutId().isEmpty() ? List.copyOf(profile.columns().keySet())
				: profile.keys().withoutId();
	}

	/** The row's natural key; counts it, so call once per row. */
	String sourceId(String id, boolean reversal, Function<ProfileField, String> normalized) {
		String base;
		if (id.isEmpty()) {
			Fnv64 hash = new Fnv64();
			for (ProfileField field : withoutId) {
				hash.add(normalized.apply(field));
			}
			base = "h" + hash.hex();
		}
		else {
			base = profile.keys().idWith().isEmpty() ? id
					: id + "/" + joined(profile.keys().idWith(), '/', normalized);
		}
		int occurrence = (reversal ? reversals : incidents).next(new Fnv64().add(base).value());
		return occurrence == 1 ? base : base + "#" + occurrence;
	}

	/** The key an original is found by: by id when the row has one, else by the fallback fields; null without reversal rules. */
	String matchKey(String id, Function<ProfileField, String> normalized) {
		if (profile.reversals() == null) {
			return null;
		}
		return !id.isEmpty() && !profile.reversals().match().isEmpty()
				? "C|" + joined(profile.reversals().match(), '|', normalized)
				: fallbackKey(normalized);
	}

	/** The fallback key of a reversal that has an id (null otherwise): tried when no original has its match key. */
	String reversalFallbackKey(String id, Function<ProfileField, String> normalized) {
		return profile.reversals() == null || id.isEmpty() ? null : fallbackKey(normalized);
	}

	private String fallbackKey(Function<ProfileField, String> normalized) {
		return "F|" + joined(profile.reversals().fallback(), '|', normalized);
	}

	private static String joined(List<ProfileField> fields, char separator, Function<ProfileField, String> normalized) {
		StringBuilder joined = new StringBuilder(48);
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				joined.append(separator);
			}
			joined.append(normalized.apply(fields.get(i)));
		}
		return joined.toString();
	}

	/** A time as keys spell it: {@code 2014-04} for a month's start, {@code 2014-04-05} for a day's, else ISO. */
	static String canonical(DateParser.Parsed parsed) {
		if (parsed.offset() != null) {
			return parsed.local().atOffset(parsed.offset()).toString();
		}
		LocalDateTime local = parsed.local();
		if (!local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return local.toString();
		}
		return local.getDayOfMonth() == 1 ? YearMonth.from(local).toString() : local.toLocalDate().toString();
	}
}
