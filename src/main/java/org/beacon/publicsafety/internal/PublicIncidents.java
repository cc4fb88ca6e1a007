package org.beacon.publicsafety.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentQueries;
import org.beacon.incidents.IncidentRow;
import org.beacon.incidents.OffenseCategory;
import org.beacon.disclosure.PublicDisclosure;
import org.beacon.disclosure.PublicIncident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Incidents for the public: what {@link IncidentQueries} returns, passed through {@link PublicDisclosure} and
 * nothing else. Never-public categories are not even asked for, and each row is checked again on the way out.
 */
@Component
public class PublicIncidents {

	/** The default window: the last 28 days of data, as most public crime maps show. */
	public static final int DEFAULT_DAYS = 28;

	/** The longest window one request may ask for. */
	public static final int MAX_DAYS = 366;

	/** How many incidents the list view shows; the exports have them all. */
	public static final int LIST_LIMIT = 500;

	/** How many incidents the map draws. */
	public static final int MAP_LIMIT = 20_000;

	/** A public query: local dates inclusive and the chosen public categories (all public ones when empty). */
	public record Query(LocalDate from, LocalDate to, Set<OffenseCategory> categories) {
	}

	private final ObjectProvider<IncidentQueries> incidents;
	private final Agencies agencies;
	private final PublicDisclosure disclosure;
	private final DisclosedWindows windows;

	PublicIncidents(ObjectProvider<IncidentQueries> incidents, Agencies agencies, PublicDisclosure disclosure,
			DisclosedWindows windows) {
		this.incidents = incidents;
		this.agencies = agencies;
		this.disclosure = disclosure;
		this.windows = windows;
	}

	/** The agency the public pages are about; kept by {@link DisclosedWindows}, so a kept page asks no database. */
	public Agency agency() {
		return windows.get(AgencyKey.DEFAULT, agencies::defaultAgency);
	}

	private enum AgencyKey {
		DEFAULT
	}

	/** The categories the public may choose from, in UCR order. */
	public List<OffenseCategory> publicCategories() {
		return EnumSet.allOf(OffenseCategory.class).stream().filter(disclosure::isPublic).toList();
	}

	/**
	 * The local date of the newest counted incident, or empty when there are none (or no incidents module). Kept
	 * by {@link DisclosedWindows} like the windows.
	 */
	public Optional<LocalDate> latestDate() {
		Agency agency = agency();
		return windows.get(new LatestKey(agency.id().value()), () -> newestDate(agency));
	}

	private record LatestKey(long agency) {
	}

	private record WindowKey(long agency, Query query) {
	}

	private Optional<LocalDate> newestDate(Agency agency) {
		IncidentQueries q = incidents.getIfAvailable();
		if (q == null) {
			return Optional.empty();
		}
		List<IncidentRow> newest = q.page(new IncidentFilter(agency.id(), null, null, Set.of()), 0, 1);
		return newest.stream().findFirst().map(r -> r.occurredAt().atZone(agency.timeZone()).toLocalDate());
	}

	/**
	 * The query as asked, completed and bounded: {@code to} defaults to the newest data (or today), {@code from}
	 * to 27 days before it, the window is at most {@link #MAX_DAYS}, categories are the public ones asked for.
	 */
	public Query normalise(LocalDate from, LocalDate to, Set<OffenseCategory> asked) {
		LocalDate end = to != null ? to : latestDate().orElse(LocalDate.now(agency().timeZone()));
		LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
		if (start.isAfter(end)) {
			LocalDate t = start;
			start = end;
			end = t;
		}
		if (start.plusDays(MAX_DAYS - 1).isBefore(end)) {
			start = end.minusDays(MAX_DAYS - 1);
		}
		Set<OffenseCategory> chosen = EnumSet.noneOf(OffenseCategory.class);
		if (asked != null) {
			asked.stream().filter(disclosure::isPublic).forEach(chosen::add);
		}
		return new Query(start, end, chosen.isEmpty() ? Set.copyOf(publicCategories()) : Set.copyOf(chosen));
	}

	/**
	 * Streams every public incident of the query, newest first, small groups included: for counts that are worded
	 * through {@link PublicDisclosure#count} (digests), never for an output with one row per incident.
	 */
	public void forEach(Query query, Consumer<PublicIncident> consumer) {
		IncidentQueries q = incidents.getIfAvailable();
		if (q == null) {
			return;
		}
		Agency agency = agency();
		q.forEach(new IncidentFilter(agency.id(), query.from(), query.to(), query.categories()),
				row -> disclosure.disclose(row, agency.timeZone()).ifPresent(consumer));
	}

	/** Public incidents per category of the query, as counted (the page words them through the disclosure). */
	public Map<OffenseCategory, Long> countsByCategory(Query query) {
		return window(query).counts();
	}

	/**
	 * What the map, its list and its feed show for the query, from one pass over its incidents through
	 * {@link PublicDisclosure}; kept by {@link DisclosedWindows}.
	 */
	public DisclosedWindow window(Query query) {
		Agency agency = agency();
		return windows.get(new WindowKey(agency.id().value(), query), () -> load(query));
	}

	/**
	 * One pass over the window's incidents, kept for the moment so that small groups can be withheld before the
	 * newest are chosen: the list and the map then show only incidents of groups with at least k in the window.
	 */
	private DisclosedWindow load(Query query) {
		List<PublicIncident> all = new ArrayList<>();
		forEach(query, all::add);
		Set<PublicDisclosure.CountGroup> shown = disclosure.shownGroups(all);
		List<PublicIncident> newest = new ArrayList<>();
		List<PublicIncident> located = new ArrayList<>();
		Map<OffenseCategory, Long> counts = new EnumMap<>(OffenseCategory.class);
		for (PublicIncident p : all) {
			if (!shown.contains(disclosure.groupOf(p))) {
				continue;
			}
			counts.merge(p.category(), 1L, Long::sum);
			if (newest.size() <= LIST_LIMIT) {
				newest.add(p);
			}
			if (located.size() < MAP_LIMIT && p.located()) {
				located.add(p);
			}
		}
		return new DisclosedWindow(newest, located, counts, disclosure, shown);
	}

	/**
	 * Streams the incidents of the query that may be shown one by one, newest first: every public incident
	 * except those of the window's small groups ({@link DisclosedWindow#shown}).
	 */
	public void forEachShown(Query query, Consumer<PublicIncident> consumer) {
		DisclosedWindow window = window(query);
		forEach(query, p -> {
			if (window.shown(p)) {
				consumer.accept(p);
			}
		});
	}
}
