package org.beacon.incidents.internal;

import static org.beacon.incidents.internal.ProfileField.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.beacon.geography.AreaKind;
import org.beacon.geography.AreaLocator;
import org.beacon.geography.Geography;
import org.beacon.incidents.ImportResult.RowError;
import org.beacon.incidents.OffenseCategory;


/**
 * Turns one CSV record into a {@link ParsedRow} by a profile, or rejects it with the column, value and rule.
 * Holds the per-file state the rules need (occurrence counters, caches), so one instance reads one file on
 * one thread. No regular expressions and no per-row lookups outside memory.
 */
final class RowReader {

	private static final int MAX_SHOWN_VALUE = 200;

	private final ImportProfile profile;
	private final HeaderMapping header;
	private final String[] headerNames;
	private final String fileName;
	private final ZoneId zone;
	private final ZoneId agencyZone;
	private final DateParser times;
	private final DateParser reportedTimes;
	private final Map<String, DateParser.Parsed> reportedCache = new HashMap<>();
	private final Classifier classifier;
	private final PointReader points;
	private final RowKeys keys;
	private final AreaLocator locator;
	private final Geography geography;
	private final Map<String, Long> areaByCode = new HashMap<>();
	private final Map<String, Long> districtByCode = new HashMap<>();
	private final double[] latLon = new double[2];

	// the record being read, and what is known of it so far
	private CsvRow record;
	private long line;
	private DateParser.Parsed occurred;
	private DateParser.Parsed reported;
	private String code;

	RowReader(ImportProfile profile, List<String> headerNames, String fileName, ZoneId agencyZone,
			AreaLocator locator, Geography geography) {
		this.profile = profile;
		this.header = HeaderMapping.resolve(profile, headerNames, fileName);
		this.headerNames = headerNames.toArray(String[]::new);
		this.fileName = fileName;
		this.agencyZone = agencyZone;
		this.zone = profile.zone() != null ? profile.zone() : agencyZone;
		this.times = new DateParser(profile.dateFormats());
		this.reportedTimes = new DateParser(profile.reportedFormats().isEmpty() ? profile.dateFormats()
				: profile.reportedFormats());
		this.classifier = new Classifier(profile.classification());
		this.points = new PointReader(profile.coordinates(),
				profile.coordinates().projected() ? geography.projectionFrom(profile.coordinates().projection()) : null);
		this.keys = new RowKeys(profile);
		this.locator = locator;
		this.geography = geography;
	}

	/** The columns this reader reads: true at the index of each column the profile maps. */
	boolean[] columnsRead() {
		boolean[] read = new boolean[header.width()];
		for (ProfileField field : ProfileField.values()) {
			if (header.index(field) >= 0) {
				read[header.index(field)] = true;
			}
		}
		return read;
	}

	/** @return the row, or null when it was rejected (then {@code errors} was told why) */
	ParsedRow read(CsvRow csv, Consumer<RowError> errors) {
		record = csv;
		line = csv.line();
		if (csv.fieldCount() != header.width()) {
			errors.accept(error("(row)", csv.fieldCount() + " fields",
					"row has " + csv.fieldCount() + " fields, the header has " + header.width()));
			return null;
		}
		String countText = value(COUNT);
		boolean reversal = countText.equals("-1");
		if (header.index(COUNT) >= 0 && !reversal && !countText.equals("1")) {
			return reject(errors, COUNT, countText, "count must be 1 or -1");
		}
		if (reversal && profile.reversals() == null) {
			return reject(errors, COUNT, countText, "profile " + profile.name() + " has no reversal rule for count -1");
		}
		String id = value(ID);
		String time = value(TIME);
		occurred = time.isEmpty() ? null : times.parse(time);
		if (occurred == null) {
			return reject(errors, TIME, time, time.isEmpty() ? "time is required"
					: "not a date-time in the profile's formats " + times.patterns());
		}
		String reportedText = value(REPORTED);
		reported = reportedText.isEmpty() ? null : reportedCache.size() < 10_000
				? reportedCache.computeIfAbsent(reportedText, reportedTimes::parse) : reportedTimes.parse(reportedText);
		if (!reportedText.isEmpty() && reported == null) {
			return reject(errors, REPORTED, reportedText, "not a date in the profile's formats " + reportedTimes.patterns());
		}
		String rawCode = value(CODE);
		long numericCode = digits(rawCode);
		code = numericCode >= 0 && profile.classification().ucrClassDivisor() != null ? Long.toString(numericCode)
				: rawCode;
		String description = value(DESCRIPTION);
		OffenseCategory category = classifier.classify(code, numericCode, description, value(CATEGORY));
		if (category == null) {
			return reject(errors, CODE, rawCode, classifier.describeRules());
		}
		PointReader.Problem problem = points.projected() ? points.read(value(X), value(Y), latLon)
				: points.read(value(LAT), value(LON), latLon);
		if (problem != null) {
			ProfileField field = points.projected() ? (problem.first() ? X : Y) : (problem.first() ? LAT : LON);
			return reject(errors, field, problem.value(), problem.rule());
		}
		String district = value(DISTRICT);
		String address = blockAddress(value(ADDRESS), value(STREET));
		if (!fits(errors, ID, id, 150) || !fits(errors, CODE, rawCode, 200) || !fits(errors, DESCRIPTION, description, 400)
				|| !fits(errors, DISTRICT, district, 40) || address != null && !fits(errors, ADDRESS, address, 400)) {
			return null;
		}
		return row(id, reversal, category, description, address, district);
	}

	/** The accepted row: instants in the profile's zone, location, keys and content hash. */
	private ParsedRow row(String id, boolean reversal, OffenseCategory category, String description, String address,
			String district) {
		Instant occurredAt;
		LocalDate local;
		if (occurred.offset() != null) {
			occurredAt = occurred.local().toInstant(occurred.offset());
			local = occurredAt.atZone(agencyZone).toLocalDate();
		}
		else {
			// ZonedDateTime.of: a time in the spring-forward gap moves forward by the gap, an ambiguous
			// time in the fall-back overlap takes the earlier (daylight) offset
			ZonedDateTime zoned = ZonedDateTime.of(occurred.local(), zone);
			occurredAt = zoned.toInstant();
			local = zone.equals(agencyZone) ? zoned.toLocalDate() : occurredAt.atZone(agencyZone).toLocalDate();
		}
		Instant reportedAt = reported == null ? null : reported.offset() != null
				? reported.local().toInstant(reported.offset()) : ZonedDateTime.of(reported.local(), zone).toInstant();
		double lat = latLon[0];
		double lon = latLon[1];
		boolean unfounded = unfounded();
		String sourceId = keys.sourceId(id, reversal, this::normalized);
		String matchKey = keys.matchKey(id, this::normalized);
		String fallbackKey = reversal ? keys.reversalFallbackKey(id, this::normalized) : null;
		long neighbourhood = locate(AreaKind.NEIGHBOURHOOD, lat, lon, value(AREA), areaByCode);
		long districtId = locate(AreaKind.DISTRICT, lat, lon, district, districtByCode);
		long beat = Double.isNaN(lat) ? 0 : locator.locate(AreaKind.BEAT, lat, lon);
		long h3 = Double.isNaN(lat) ? 0 : geography.h3Cell(lat, lon, Geography.STORED_H3_RESOLUTION);
		Fnv64 hash = new Fnv64().add(occurredAt.getEpochSecond())
				.add(reportedAt == null ? Long.MIN_VALUE : reportedAt.getEpochSecond()).add(code).add(description)
				.add(category.ordinal()).add(address).add(lat).add(lon).add(neighbourhood).add(district).add(unfounded)
				.add(matchKey).add(fallbackKey);
		// an assigned district or beat is content like the neighbourhood: a new or changed layer updates the row
		// on the next import. Only when assigned, so rows of an agency without such layers keep the hash they
		// had before these ids existed, and re-importing them still changes nothing.
		if (districtId != 0 || beat != 0) {
			hash.add(districtId).add(beat);
		}
		return new ParsedRow(line, reversal, sourceId, matchKey, fallbackKey, occurredAt, local,
				local.getYear() * 100 + local.getMonthValue(), reportedAt, code, description, category, address, lat,
				lon, neighbourhood, districtId, beat, district.isEmpty() ? null : district, h3, unfounded, hash.value());
	}

	/** A field's value as keys use it: times in canonical form, a numeric UCR-style code without leading zeros. */
	private String normalized(ProfileField field) {
		return switch (field) {
			case TIME -> RowKeys.canonical(occurred);
			case REPORTED -> reported == null ? "" : RowKeys.canonical(reported);
			case CODE -> code;
			case UNFOUNDED -> unfounded() ? "Y" : "";
			default -> value(field);
		};
	}

	/** The area of this kind containing the point, else the one whose code the source gave, else 0. */
	private long locate(AreaKind kind, double lat, double lon, String areaCode, Map<String, Long> byCode) {
		long area = Double.isNaN(lat) ? 0 : locator.locate(kind, lat, lon);
		if (area == 0 && !areaCode.isEmpty()) {
			area = byCode.computeIfAbsent(areaCode, c -> locator.byCode(kind, c));
		}
		return area;
	}

	private boolean unfounded() {
		String flag = value(UNFOUNDED);
		return !flag.isEmpty() && profile.unfoundedValues().contains(flag.toUpperCase(Locale.ROOT));
	}

	private String value(ProfileField field) {
		int index = header.index(field);
		return index < 0 ? "" : record.field(index).trim();
	}

	/** Whether the value fits its column; if not, the row is rejected naming the limit. */
	private boolean fits(Consumer<RowError> errors, ProfileField field, String value, int maxLength) {
		if (value.length() <= maxLength) {
			return true;
		}
		reject(errors, field, value, field.key() + " is longer than " + maxLength + " characters");
		return false;
	}

	private ParsedRow reject(Consumer<RowError> errors, ProfileField field, String value, String rule) {
		int index = header.index(field);
		String column = index >= 0 ? headerNames[index]
				: profile.columns().containsKey(field) ? profile.columns().get(field).get(0) : field.key();
		errors.accept(error(column, value, rule));
		return null;
	}

	private RowError error(String column, String value, String rule) {
		String shown = value.length() > MAX_SHOWN_VALUE ? value.substring(0, MAX_SHOWN_VALUE) + "…" : value;
		return new RowError(fileName, line, column, shown, rule);
	}

	/** A whole number made of ASCII digits only, or -1. */
	private static long digits(String text) {
		if (text.isEmpty() || text.length() > 18) {
			return -1;
		}
		long n = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			n = n * 10 + (c - '0');
		}
		return n;
	}

	/** {@code 4357 CALIFORNIA AVE}; a house number 0 (St. Louis intersections) is left out. */
	private static String blockAddress(String number, String street) {
		if (number.isEmpty() || number.equals("0")) {
			return street.isEmpty() ? null : street;
		}
		return street.isEmpty() ? number : number + " " + street;
	}
}
