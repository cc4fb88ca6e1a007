package org.beacon.publicsafety.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.beacon.incidents.OffenseCategory;
import org.beacon.disclosure.PublicDisclosure;
import org.beacon.disclosure.PublicIncident;
import org.springframework.stereotype.Component;

/**
 * Builds digests from public incidents only ({@link PublicIncidents}, so through {@link PublicDisclosure}) and
 * words them through the same rules: "Burglary: 3; usually 4.1".
 */
@Component
public class Digests {

	/** The baseline is the mean of the same period over this many previous periods. */
	public static final int BASELINE_PERIODS = 8;

	private final PublicIncidents incidents;
	private final PublicDisclosure disclosure;
	private final AlertProperties properties;

	Digests(PublicIncidents incidents, PublicDisclosure disclosure, AlertProperties properties) {
		this.incidents = incidents;
		this.disclosure = disclosure;
		this.properties = properties;
	}

	/** The digest of a subscription for local dates {@code [from, to]}. */
	public Digest digest(Subscription s, LocalDate from, LocalDate to) {
		int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
		LocalDate earliest = from.minusDays((long) days * BASELINE_PERIODS);
		PublicIncidents.Query query = incidents.normalise(earliest, to, s.categories());
		Predicate<PublicIncident> inPlace = PlaceMatcher.of(s);
		Map<OffenseCategory, long[]> counts = new EnumMap<>(OffenseCategory.class);
		incidents.forEach(query, p -> {
			if (!inPlace.test(p) || p.date().isAfter(to) || p.date().isBefore(earliest)) {
				return;
			}
			long[] c = counts.computeIfAbsent(p.category(), k -> new long[2]);
			if (!p.date().isBefore(from)) {
				c[0]++;
			}
			else {
				c[1]++;
			}
		});
		List<Digest.Line> lines = new ArrayList<>();
		counts.forEach((category, c) -> lines.add(new Digest.Line(category, c[0], c[1] / (double) BASELINE_PERIODS, c[1])));
		lines.sort(Comparator.comparingLong(Digest.Line::count).reversed().thenComparing(Digest.Line::category));
		OffenseCategory top = lines.isEmpty() || lines.get(0).count() == 0 ? null : lines.get(0).category();
		return new Digest(from, to, List.copyOf(lines), PreventionTips.of(top), properties.whatWeDo());
	}

	/**
	 * One line of a digest: the count through {@link PublicDisclosure#count}, the baseline as a mean ("usually
	 * 4.1") only when the baseline's total over the previous periods may be shown, else "usually under 0.6" (k / 8).
	 */
	public String words(Digest.Line line) {
		return line.category().label() + ": " + disclosure.count(line.count()) + "; usually " + baseline(line) + ".";
	}

	String baseline(Digest.Line line) {
		if (line.baselineTotal() == 0) {
			return "0";
		}
		if (!disclosure.countShown(line.baselineTotal())) {
			return String.format(Locale.ROOT, "under %.1f", disclosure.minCount() / (double) BASELINE_PERIODS);
		}
		double b = line.baseline();
		return b >= 10 ? Long.toString(Math.round(b)) : String.format(Locale.ROOT, "%.1f", b);
	}
}
