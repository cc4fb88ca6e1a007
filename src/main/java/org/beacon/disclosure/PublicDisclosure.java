package org.beacon.disclosure;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.incidents.IncidentRow;
import org.beacon.incidents.OffenseCategory;
import org.beacon.disclosure.internal.CellCentres;
import org.beacon.disclosure.internal.DescriptionMarkers;
import org.beacon.tips.TipCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one set of privacy rules every public output of Beacon goes through: the crime map and its list, CSV,
 * GeoJSON and Atom; resident alerts; Open311 GET requests, GET one request and {@code servicerequestupdates};
 * the overdose harm-reduction notices. See {@code docs/methods/public-disclosure.md}.
 * <ol>
 * <li>Places are generalised: an address to its hundred block ("4321 Margaretta Ave" becomes
 * "4300 BLOCK MARGARETTA AVE"), a point to the centre of its H3 cell at {@link #H3_RESOLUTION}; notices name
 * areas only.</li>
 * <li>Some categories are never public: rape and other sex offences, offences against the family (domestic),
 * anything that names a juvenile, any offence whose description marks it domestic or family violence
 * ({@link #neverPublicMarkers()}, whatever its category), drug tips, reports in a private category, and
 * overdoses at a residence.</li>
 * <li>Counts from 1 to {@code beacon.privacy.min-count - 1} (default 5) are shown as "fewer than 5", and a
 * text that states such a count is not published. Outputs with one row per incident (list, CSV, GeoJSON, Atom)
 * withhold every row of a {@link CountGroup} (one category in one neighbourhood) that has fewer than k rows in
 * the window shown ({@link #smallGroups}), since counting rows would otherwise give the exact number.</li>
 * <li>Times of incidents are dropped; the public sees the local date. What a resident wrote is public only
 * after moderation approved it.</li>
 * </ol>
 * The {@code disclose} methods make every public value; a public endpoint that shows recorded data calls one of
 * them ({@code PublicEndpointsDisclosureIntegrationTests} checks every public handler).
 */
@Component
public class PublicDisclosure {

	/**
	 * H3 resolution 9: cells of about 0.105 km², edge about 174 m, roughly one or two city blocks, the same
	 * generalisation as the hundred block the address shows. Finer cells would say which house; coarser ones
	 * would move points into the next neighbourhood more often. It is also the resolution Beacon stores.
	 */
	public static final int H3_RESOLUTION = 9;

	/** Sexual offences and offences against the family and children (domestic): never public. */
	public static final Set<OffenseCategory> NEVER_PUBLIC = Set.copyOf(
			EnumSet.of(OffenseCategory.RAPE, OffenseCategory.SEX_OFFENSE, OffenseCategory.FAMILY));

	/** Tips about drugs name people and places on hearsay: never public. */
	public static final Set<TipCategory> NEVER_PUBLIC_TIPS = Set.of(TipCategory.DRUGS);

	/** Offence descriptions that involve a juvenile (victim or suspect), whatever their category. */
	private static final Pattern JUVENILE = Pattern.compile(
			"\\b(JUV|JUVENILE|JUVENILES|MINOR|MINORS|CHILD|CHLD|CHILDREN|CHILD'S|UNDER\\s+(AGE\\s+)?1[0-9]|CURFEW|RUNAWAY|TRUANCY)\\b",
			Pattern.CASE_INSENSITIVE);

	/** A leading house number, possibly with a letter or a range ("4321", "4321A", "4321-25"). */
	private static final Pattern HOUSE_NUMBER = Pattern.compile("^\\s*(\\d+)[A-Z]?(?:\\s*-\\s*\\d+[A-Z]?)?\\s+(.+)$",
			Pattern.CASE_INSENSITIVE);

	/** Already a block: "4300 BLOCK ...", "43XX ...". */
	private static final Pattern ALREADY_BLOCK = Pattern.compile("^\\s*(\\d+)\\s+BLOCK\\s+(?:OF\\s+)?(.+)$",
			Pattern.CASE_INSENSITIVE);

	/** Apartment, unit or suite numbers: they say which home; removed. */
	private static final Pattern UNIT = Pattern.compile(
			"(?i)[,\\s]*(?:\\bAPT\\b\\.?|\\bAPARTMENT\\b|\\bUNIT\\b|\\bSUITE\\b|\\bSTE\\b\\.?|#)\\s*[\\w-]+");

	private static final Pattern XX_BLOCK = Pattern.compile("^\\s*(\\d+)XX\\s+(.+)$", Pattern.CASE_INSENSITIVE);

	/** Areas a public notice may name: never a point, a block or a cell. */
	public static final List<String> NOTICE_AREA_LEVELS = List.of("jurisdiction", "neighbourhood", "county", "city");

	/**
	 * A number followed within two words by what it counts ("3 overdoses", "2 suspected deaths"). Numbers in
	 * words ("two people") are not caught; publishers are told to let Beacon state the count.
	 */
	private static final Pattern STATED_COUNT = Pattern.compile(
			"\\b(\\d{1,6})\\s+(?:[\\p{L}-]+\\s+){0,2}(overdoses?|deaths?|people|persons?|cases?|residents?|neighbou?rs?|victims?)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/**
	 * Words in an offence description that make an incident never public whatever its category. Police data
	 * files most domestic assaults under ordinary assault codes and marks them only in the text
	 * ("ASSLT-AGGRAV-FIREARM-2ND-ADULT-DOMESTIC", "ASSAULT, ADULT, AGE 17 AND UP-DOMESTIC" in St. Louis), so the
	 * category rule alone would publish them. Set {@code beacon.privacy.never-public-markers} (comma separated) to
	 * replace the list for another agency's vocabulary.
	 */
	public static final List<String> DEFAULT_NEVER_PUBLIC_MARKERS = List.of("DOMESTIC", "DOM VIOL", "DV", "FAMILY",
			"INTIMATE PARTNER", "SPOUSE", "SPOUSAL");

	private final int minCount;
	private final CellCentres cells;
	private final DescriptionMarkers markers;

	public PublicDisclosure(int minCount) {
		this(minCount, DEFAULT_NEVER_PUBLIC_MARKERS);
	}

	@Autowired
	public PublicDisclosure(@Value("${beacon.privacy.min-count:5}") int minCount,
			@Value("${beacon.privacy.never-public-markers:DOMESTIC,DOM VIOL,DV,FAMILY,INTIMATE PARTNER,SPOUSE,SPOUSAL}") List<String> markers) {
		this.minCount = Math.max(1, minCount);
		this.cells = new CellCentres(H3_RESOLUTION);
		this.markers = new DescriptionMarkers(markers);
	}

	/** The description markers in force ({@link #DEFAULT_NEVER_PUBLIC_MARKERS} unless configured), upper case. */
	public List<String> neverPublicMarkers() {
		return markers.markers();
	}

	/**
	 * Whether an offence description marks an incident as never public whatever its category: domestic or family
	 * violence filed under an ordinary assault code ({@link #neverPublicMarkers()}).
	 */
	public boolean marksNeverPublic(String description) {
		return markers.marks(description);
	}

	/** The smallest count shown as a number; smaller positive counts read "fewer than" it. */
	public int minCount() {
		return minCount;
	}

	/** Whether incidents of this category may appear in any public output. */
	public boolean isPublic(OffenseCategory category) {
		return category != null && !NEVER_PUBLIC.contains(category);
	}

	public boolean isPublic(TipCategory category) {
		return category != null && !NEVER_PUBLIC_TIPS.contains(category);
	}

	/**
	 * Whether an overdose may be shown at all: never at a residence (the place identifies the person), and
	 * elsewhere only as an area count. {@code placeType} is the source's free text ("residence", "home",
	 * "apartment", "private residence" ...); unknown places count as residences.
	 */
	public boolean isPublicOverdosePlace(String placeType) {
		if (placeType == null || placeType.isBlank()) {
			return false;
		}
		String p = placeType.toLowerCase(Locale.ROOT);
		return !(p.contains("resid") || p.contains("home") || p.contains("house") || p.contains("apartment")
				|| p.contains("dwelling") || p.contains("private") || p.contains("unknown"));
	}

	/** Whether the description names a juvenile (victim, suspect, curfew, runaway, ...). */
	public boolean involvesJuvenile(String description) {
		return description != null && JUVENILE.matcher(description).find();
	}

	/** The incident as the public may see it, or empty when it must not appear at all. */
	public Optional<PublicIncident> disclose(IncidentRow row, ZoneId zone) {
		if (row == null || !isPublic(row.category()) || involvesJuvenile(row.description())
				|| involvesJuvenile(row.offenseCode()) || marksNeverPublic(row.description())
				|| marksNeverPublic(row.offenseCode())) {
			return Optional.empty();
		}
		double[] centre = cellCentre(row.lat(), row.lon());
		String neighbourhood = row.neighbourhoodId() == 0 ? null : row.neighbourhoodName();
		return Optional.of(new PublicIncident(row.occurredAt().atZone(zone).toLocalDate(), row.category(),
				block(row.blockAddress()), centre[0], centre[1], row.neighbourhoodId(), neighbourhood));
	}

	/**
	 * A resident's report (an Open311 service request) as the public may see it, or empty when it must not
	 * appear at all: a report in a private category or one moderation rejected. The point becomes its cell
	 * centre (null when the report had none); address, description and media only once moderation approved
	 * them, the address as its hundred block.
	 */
	public Optional<PublicReport> disclose(ResidentReport report) {
		if (report == null || report.privateCategory() || report.rejected()) {
			return Optional.empty();
		}
		Double lat = null;
		Double lon = null;
		if (report.lat() != null && report.lon() != null) {
			double[] centre = cellCentre(report.lat(), report.lon());
			if (!Double.isNaN(centre[0])) {
				lat = centre[0];
				lon = centre[1];
			}
		}
		boolean approved = report.textApproved();
		return Optional.of(new PublicReport(lat, lon, approved ? block(report.address()) : null,
				approved ? report.description() : null, approved ? report.mediaUrl() : null));
	}

	/**
	 * A staff update of a report as the public may see it: only updates written for the public, of reports the
	 * public may see; empty otherwise.
	 */
	public Optional<PublicUpdate> disclose(ReportUpdate update) {
		if (update == null || !update.publicUpdate() || update.privateCategory() || update.requestRejected()) {
			return Optional.empty();
		}
		return Optional.of(new PublicUpdate(update.text() == null ? "" : update.text()));
	}

	/**
	 * An area notice (overdose harm reduction) as the public may see it, or empty when it must not appear: it
	 * names no allowed area ({@link #NOTICE_AREA_LEVELS}), or its title or text states a count below the minimum.
	 * A stored count sentence that would now be too small (the minimum was raised) is dropped.
	 */
	public Optional<PublicNotice> disclose(AreaNotice notice) {
		if (notice == null || notice.areaLevel() == null || !NOTICE_AREA_LEVELS.contains(notice.areaLevel())
				|| !smallCounts(notice.title()).isEmpty() || !smallCounts(notice.body()).isEmpty()) {
			return Optional.empty();
		}
		String count = notice.countText() != null && smallCounts(notice.countText()).isEmpty() ? notice.countText() : null;
		return Optional.of(new PublicNotice(notice.areaLevel(), notice.areaCode(), notice.areaName(), notice.title(),
				notice.body(), count));
	}

	/**
	 * The phrases of a text that state a count from 1 to k-1 ("3 overdoses", "2 suspected deaths"); empty when
	 * there are none or the text is null.
	 */
	public List<String> smallCounts(String text) {
		List<String> found = new ArrayList<>();
		if (text == null) {
			return found;
		}
		Matcher m = STATED_COUNT.matcher(text);
		while (m.find()) {
			long n = Long.parseLong(m.group(1));
			if (n > 0 && n < minCount) {
				found.add(m.group());
			}
		}
		return found;
	}

	/**
	 * The hundred block of an address: the house number rounded down to the hundred ("4321 MARGARETTA AVE" to
	 * "4300 BLOCK MARGARETTA AVE", "12 MAIN ST" to "0 BLOCK MAIN ST"), upper case, without apartment or unit numbers. An address without a
	 * house number (an intersection, a street) stays as it is; null or blank gives null.
	 */
	public String block(String address) {
		if (address == null || address.isBlank()) {
			return null;
		}
		String a = UNIT.matcher(address).replaceAll("").trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
		Matcher m = ALREADY_BLOCK.matcher(a);
		if (!m.matches()) {
			m = XX_BLOCK.matcher(a);
			if (m.matches()) {
				return hundred(m.group(1) + "00") + " BLOCK " + m.group(2);
			}
			m = HOUSE_NUMBER.matcher(a);
		}
		if (m.matches()) {
			return hundred(m.group(1)) + " BLOCK " + m.group(2);
		}
		return a;
	}

	private static String hundred(String digits) {
		String d = digits.replaceFirst("^0+(?=\\d)", "");
		if (d.length() > 9) {
			d = d.substring(0, 9);
		}
		return Long.toString(Long.parseLong(d) / 100 * 100);
	}

	/** {lat, lon} of the centre of the H3 cell holding the point; {NaN, NaN} when the point is missing. */
	public double[] cellCentre(double lat, double lon) {
		if (Double.isNaN(lat) || Double.isNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
			return new double[] { Double.NaN, Double.NaN };
		}
		return cells.centre(lat, lon);
	}

	/** The count as the public sees it: the number, or "fewer than k" for 1..k-1. Zero stays "0". */
	public String count(long n) {
		if (n < 0) {
			throw new IllegalArgumentException("a count cannot be negative, was " + n);
		}
		return n == 0 || n >= minCount ? Long.toString(n) : "fewer than " + minCount;
	}

	/**
	 * The group small-count suppression counts in: one offence category in one neighbourhood (id 0: incidents
	 * whose neighbourhood is not known form one group of their own). The category is part of the group so that
	 * choosing categories on the map never changes which rows are shown; the neighbourhood, because a resident
	 * can count the rows of one neighbourhood on the map.
	 */
	public record CountGroup(OffenseCategory category, long neighbourhoodId) {
	}

	public CountGroup groupOf(PublicIncident incident) {
		return new CountGroup(incident.category(), incident.neighbourhoodId());
	}

	/**
	 * The groups of a window with 1 to k-1 incidents: their rows are withheld from every per-incident output of
	 * that window (and from its counts), so no output lets anyone count fewer than k of a kind in a neighbourhood.
	 */
	public Set<CountGroup> smallGroups(Iterable<PublicIncident> window) {
		return groups(window, false);
	}

	/**
	 * The groups of a window with at least k incidents, whose rows may be shown one by one. A streamed export
	 * keeps only rows of these, so a row of a group the window did not see (data changed since) is withheld too.
	 */
	public Set<CountGroup> shownGroups(Iterable<PublicIncident> window) {
		return groups(window, true);
	}

	private Set<CountGroup> groups(Iterable<PublicIncident> window, boolean shown) {
		Map<CountGroup, Long> counts = new HashMap<>();
		for (PublicIncident p : window) {
			counts.merge(groupOf(p), 1L, Long::sum);
		}
		Set<CountGroup> chosen = new HashSet<>();
		counts.forEach((group, n) -> {
			if (countShown(n) == shown) {
				chosen.add(group);
			}
		});
		return chosen;
	}

	/**
	 * The incidents of a window that may be shown one by one, in their order: those of groups with at least k
	 * incidents in the window ({@link #smallGroups}).
	 */
	public List<PublicIncident> withholdSmallGroups(List<PublicIncident> window) {
		Set<CountGroup> shown = shownGroups(window);
		return window.stream().filter(p -> shown.contains(groupOf(p))).toList();
	}

	/** Whether a count may be shown as a number. */
	public boolean countShown(long n) {
		return n == 0 || n >= minCount;
	}
}
