package org.beacon.publicsafety.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.beacon.disclosure.PublicDisclosure;
import org.beacon.disclosure.PublicDisclosure.CountGroup;
import org.beacon.disclosure.PublicIncident;
import org.beacon.incidents.OffenseCategory;

/**
 * What the public map shows for one window, already through {@code PublicDisclosure}: the newest incidents for
 * the list, the newest located ones for the map, and the count of every shown incident per category. Incidents
 * of a small group ({@link PublicDisclosure#smallGroups}: fewer than k of one category in one neighbourhood in
 * this window) are in none of them, and {@link #shown} tells a streamed export which to leave out. Immutable;
 * {@link #rendered} keeps what a page or export made of it (e.g. the GeoJSON bytes), so it is made once per
 * snapshot.
 */
public final class DisclosedWindow {

	private final List<PublicIncident> newest;
	private final List<PublicIncident> located;
	private final Map<OffenseCategory, Long> counts;
	private final long total;
	private final PublicDisclosure disclosure;
	private final Set<CountGroup> shownGroups;
	private final Map<String, Object> rendered = new ConcurrentHashMap<>();

	DisclosedWindow(List<PublicIncident> newest, List<PublicIncident> located, Map<OffenseCategory, Long> counts,
			PublicDisclosure disclosure, Set<CountGroup> shownGroups) {
		this.disclosure = disclosure;
		this.shownGroups = Set.copyOf(shownGroups);
		this.newest = List.copyOf(newest);
		this.located = List.copyOf(located);
		EnumMap<OffenseCategory, Long> copy = new EnumMap<>(OffenseCategory.class);
		copy.putAll(counts);
		this.counts = java.util.Collections.unmodifiableMap(copy);
		this.total = counts.values().stream().mapToLong(Long::longValue).sum();
	}

	/** The newest public incidents of the window, at most {@link PublicIncidents#LIST_LIMIT} + 1, newest first. */
	public List<PublicIncident> newest() {
		return newest;
	}

	/** The newest public incidents with a point, at most {@link PublicIncidents#MAP_LIMIT}, newest first. */
	public List<PublicIncident> located() {
		return located;
	}

	/**
	 * Whether an incident of this window may be shown one by one: its group has at least k incidents here (a
	 * group this window did not see, because data changed since it was made, is withheld).
	 */
	public boolean shown(PublicIncident incident) {
		return shownGroups.contains(disclosure.groupOf(incident));
	}

	/** Shown incidents per category, all of the window (not only those listed). */
	public Map<OffenseCategory, Long> counts() {
		return counts;
	}

	/** All shown incidents of the window. */
	public long total() {
		return total;
	}

	/** What {@code maker} makes of this window, made on first use and kept with it. */
	@SuppressWarnings("unchecked")
	public <T> T rendered(String name, Supplier<T> maker) {
		return (T) rendered.computeIfAbsent(name, n -> maker.get());
	}
}
