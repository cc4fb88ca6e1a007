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

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Turns one CSV record into a {@link ParsedRow} by a profile, or rejects it with the column, value and rule.
 * Holds the per-file state the rules need (occurrence counters, caches), so one instance reads one file on
 * one thread. No regular expressions and no per-row lookups outside memory.
 */
final class RowReader {

	private static final int MAX_VALUE_LENGTH = 200;
	private static final int MAX_ID_LENGTH = 150;

	private final ImportProfile profile;
	private final HeaderMapping header;
	private final String fileName;
	private final ZoneId zone;
	private final ZoneId agencyZone;
	private final DateParser times;
	private final DateParser reportedTimes;
	private final Map<String, DateParser.Parsed> reportedCache = new HashMap<>();
	private final Classifier classifier;
	private final SourceProjection projection;
	private final AreaLocator locator;
	private final Geography geography;
	private final Map<String, Long> areaByCode = new HashMap<>();
	private final OccurrenceCounter incidentOccurrences = new OccurrenceCounter();
	private final OccurrenceCounter reversalOccurrences = new OccurrenceCounter();
	private final double[] latLon = new double[2];
	private final String[] headerNames;

	// the record being read
	private CsvRecord record;
	private DateParser.Parsed occurred;
	private String reported;
	private DateParser.Parsed reportedAt;
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
		this.projection = profile.coordinates().projected() ? new SourceProjection(profile.coordinates().projection())
				: null;
		this.locator = locator;
		this.geography = geography;
	}

	/** @return the row, or null when it was rejected (then {@code errors} was told why) */
	ParsedRow read(CsvRecord csv, Consumer<RowError> errors) {
		record = csv;
		long line = csv.getStartingLineNumber();
		if (csv.getFieldCount() != header.width()) {
			errors.accept(error(line, "(row)", csv.getFieldCount() + " fields",
					"row has " + csv.getFieldCount() + " fields, the header has " + header.width()));
			return null;
		}
		int count = 1;
		String countText = value(COUNT);
		if (header.index(COUNT) >= 0) {
			if (countText.equals("-1")) {
				count = -1;
			}
			else if (!countText.equals("1")) {
				errors.accept(error(line, COUNT, countText, "count must be 1 or -1"));
				return null;
			}
		}
		if (count < 0 && profile.reversals() == null) {
			errors.accept(error(line, COUNT, countText, "profile " + profile.name() + " has no reversal rule for count -1"));
			return null;
		}
		String id = value(ID);
		if (!fits(line, ID, id, MAX_ID_LENGTH, errors)) {
			return null;
		}
		String time = value(TIME);
		occurred = time.isEmpty() ? null : times.parse(time);
		if (occurred == null) {
			errors.accept(error(line, TIME, time, time.isEmpty() ? "time is required"
					: "not a date-time in the profile's formats " + times.patterns()));
			return null;
		}
		reported = value(REPORTED);
		reportedAt = null;
		if (!reported.isEmpty()) {
			reportedAt = reportedCache.size() < 10_000 ? reportedCache.computeIfAbsent(reported, reportedTimes::parse)
					: reportedTimes.parse(reported);
			if (reportedAt == null) {
				errors.accept(error(line, REPORTED, reported,
						"not a date in the profile's formats " + reportedTimes.patterns()));
				return null;
			}
		}
		String rawCode = value(CODE);
		long numericCode = digits(rawCode);
		code = numericCode >= 0 && profile.classification().ucrClassDivisor() != null ? Long.toString(numericCode)
				: rawCode;
		String description = value(DESCRIPTION);
		if (!fits(line, CODE, rawCode, 200, errors) || !fits(line, DESCRIPTION, description, 400, errors)) {
			return null;
		}
		OffenseCategory category = classifier.classify(code, numericCode, description, value(CATEGORY));
		if (category == null) {
			errors.accept(error(line, CODE, rawCode, classifier.describeRules()));
			return null;
		}
		double lat = Double.NaN;
		double lon = Double.NaN;
		if (profile.coordinates().projected()) {
			if (!readProjected(line, errors)) {
				return null;
			}
		}
		else if (!readLatLon(line, errors)) {
			return null;
		}
		if (!Double.isNaN(latLon[0])) {
			lat = latLon[0];
			lon = latLon[1];
		}
		boolean unfounded = unfounded();
		String area = value(AREA);
		String district = value(DISTRICT);
		String address = blockAddress(value(ADDRESS), value(STREET));
		if (!fits(line, DISTRICT, district, 40, errors) || address != null && !fits(line, ADDRESS, address, 400, errors)) {
			return null;
		}

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
		Instant reportedInstant = reportedAt == null ? null
				: reportedAt.offset() != null ? reportedAt.local().toInstant(reportedAt.offset())
						: ZonedDateTime.of(reportedAt.local(), zone).toInstant();

		String sourceId = sourceId(id, count);
		String matchKey = null;
		String fallbackKey = null;
		if (profile.reversals() != null) {
			String fallback = "F|" + joined(profile.reversals().fallback());
			if (!id.isEmpty() && !profile.reversals().match().isEmpty()) {
				matchKey = "C|" + joined(profile.reversals().match());
				fallbackKey = count < 0 ? fallback : null;
			}
			else {
				matchKey = fallback;
			}
		}
		long neighbourhood = locate(lat, lon, area);
		long h3 = Double.isNaN(lat) ? 0 : geography.h3Cell(lat, lon, Geography.STORED_H3_RESOLUTION);
		long hash = new Fnv64().add(occurredAt.getEpochSecond()).add(reportedInstant == null ? Long.MIN_VALUE
				: reportedInstant.getEpochSecond()).add(code).add(description).add(category.ordinal()).add(address)
				.add(lat).add(lon).add(neighbourhood).add(district).add(unfounded).add(matchKey).add(fallbackKey)
				.value();
		return new ParsedRow(line, count < 0, sourceId, matchKey, fallbackKey, occurredAt, local,
				local.getYear() * 100 + local.getMonthValue(), reportedInstant, code, description, category, address,
				lat, lon, neighbourhood, district.isEmpty() ? null : district, h3, unfounded, hash);
	}

	private String sourceId(String id, int count) {
		String base = id.isEmpty() ? "h" + hashOf(profile.keys().withoutId().isEmpty()
				? List.copyOf(profile.columns().keySet()) : profile.keys().withoutId())
				: profile.keys().idWith().isEmpty() ? id : id + "/" + joined(profile.keys().idWith(), '/');
		OccurrenceCounter counter = count < 0 ? reversalOccurrences : incidentOccurrences;
		int occurrence = counter.next(new Fnv64().add(base).value());
		return occurrence == 1 ? base : base + "#" + occurrence;
	}

	private String hashOf(List<ProfileField> fields) {
		Fnv64 hash = new Fnv64();
		for (ProfileField field : fields) {
			hash.add(normalized(field));
		}
		return hash.hex();
	}

	private String joined(List<ProfileField> fields) {
		return joined(fields, '|');
	}

	private String joined(List<ProfileField> fields, char separator) {
		StringBuilder joined = new StringBuilder(48);
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				joined.append(separator);
			}
			joined.append(normalized(fields.get(i)));
		}
		return joined.toString();
	}

	/** A field's value as keys use it: times in ISO form, a numeric UCR-style code without leading zeros. */
	private String normalized(ProfileField field) {
		return switch (field) {
			case TIME -> canonical(occurred);
			case REPORTED -> reportedAt == null ? "" : canonical(reportedAt);
			case CODE -> code;
			case UNFOUNDED -> unfounded() ? "Y" : "";
			default -> value(field);
		};
	}

	/** A time as keys spell it: {@code 2014-04} for a month's start, {@code 2014-04-05} for a day's, else ISO. */
	private static String canonical(DateParser.Parsed parsed) {
		if (parsed.offset() != null) {
			return parsed.local().atOffset(parsed.offset()).toString();
		}
		java.time.LocalDateTime local = parsed.local();
		if (!local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
			return local.toString();
		}
		return local.getDayOfMonth() == 1 ? java.time.YearMonth.from(local).toString() : local.toLocalDate().toString();
	}

	private boolean readProjected(long line, Consumer<RowError> errors) {
		latLon[0] = Double.NaN;
		String xText = value(X);
		String yText = value(Y);
		if (xText.isEmpty() || yText.isEmpty()) {
			return true;
		}
		double x = number(xText);
		double y = number(yText);
		if (Double.isNaN(x) || Double.isNaN(y)) {
			errors.accept(error(line, Double.isNaN(x) ? X : Y, Double.isNaN(x) ? xText : yText, "not a number"));
			return false;
		}
		ImportProfile.Coordinates box = profile.coordinates();
		if (x > box.minX() && x < box.maxX() && y > box.minY() && y < box.maxY()) {
			projection.toDegrees(x, y, latLon);
		}
		return true;
	}

	private boolean readLatLon(long line, Consumer<RowError> errors) {
		latLon[0] = Double.NaN;
		String latText = value(LAT);
		String lonText = value(LON);
		if (latText.isEmpty() || lonText.isEmpty()) {
			return true;
		}
		double lat = number(latText);
		double lon = number(lonText);
		if (Double.isNaN(lat) || !(lat >= -90 && lat <= 90)) {
			errors.accept(error(line, LAT, latText, Double.isNaN(lat) ? "not a number" : "latitude must be within [-90, 90]"));
			return false;
		}
		if (Double.isNaN(lon) || !(lon >= -180 && lon <= 180)) {
			errors.accept(error(line, LON, lonText, Double.isNaN(lon) ? "not a number" : "longitude must be within [-180, 180]"));
			return false;
		}
		if (lat != 0 || lon != 0) {
			latLon[0] = lat;
			latLon[1] = lon;
		}
		return true;
	}

	/** The area containing the point, else the area the source coded, else 0. */
	private long locate(double lat, double lon, String areaCode) {
		long area = Double.isNaN(lat) ? 0 : locator.locate(AreaKind.NEIGHBOURHOOD, lat, lon);
		if (area == 0 && !areaCode.isEmpty()) {
			Long coded = areaByCode.get(areaCode);
			if (coded == null) {
				coded = locator.byCode(AreaKind.NEIGHBOURHOOD, areaCode);
				areaByCode.put(areaCode, coded);
			}
			area = coded;
		}
		return area;
	}

	/** Whether the value fits its column; if not, the row is rejected naming the limit. */
	private boolean fits(long line, ProfileField field, String value, int maxLength, Consumer<RowError> errors) {
		if (value.length() <= maxLength) {
			return true;
		}
		errors.accept(error(line, field, value, field.key() + " is longer than " + maxLength + " characters"));
		return false;
	}

	private boolean unfounded() {
		String flag = value(UNFOUNDED);
		return !flag.isEmpty() && profile.unfoundedValues().contains(flag.toUpperCase(Locale.ROOT));
	}

	private String value(ProfileField field) {
		int index = header.index(field);
		return index < 0 ? "" : record.getField(index).trim();
	}

	private RowError error(long line, ProfileField field, String value, String rule) {
		return error(line, profile.columns().containsKey(field) ? columnName(field) : field.key(), value, rule);
	}

	private String columnName(ProfileField field) {
		return headerName(header.index(field), profile.columns().get(field).get(0));
	}

	private String headerName(int index, String fallback) {
		return index < 0 ? fallback : headerNames[index];
	}

	private RowError error(long line, String column, String value, String rule) {
		String shown = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) + "…" : value;
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

	private static double number(String text) {
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	/** {@code 4357 CALIFORNIA AVE}; a house number 0 (St. Louis intersections) is left out. */
	private static String blockAddress(String number, String street) {
		if (number.isEmpty() || number.equals("0")) {
			return street.isEmpty() ? null : street;
		}
		return street.isEmpty() ? number : number + " " + street;
	}
}
