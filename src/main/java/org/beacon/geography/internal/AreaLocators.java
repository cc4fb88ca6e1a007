package org.beacon.geography.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.beacon.geography.AreaKind;
import org.beacon.geography.AreaLocator;
import org.beacon.geography.AreasImported;
import org.beacon.shared.AgencyId;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * One {@link AreaIndex} per agency, built on first use and rebuilt when the areas change. This node drops its
 * index as soon as its own import commits ({@link AreasImported}); an import on another node is noticed the
 * next time a locator is asked for after {@link #RECHECK}, by comparing the area table's {@link
 * AreaRepository.Signature}. Callers hold on to the locator they got for the length of a job.
 */
@Component
class AreaLocators {

	/** How long a node trusts its index before asking the database whether another node changed the areas. */
	static final Duration RECHECK = Duration.ofSeconds(10);

	private final AreaRepository areas;
	private final Map<AgencyId, Cached> cache = new ConcurrentHashMap<>();

	AreaLocators(AreaRepository areas) {
		this.areas = areas;
	}

	private record Cached(AreaIndex index, AreaRepository.Signature signature, long checkedAt) {
	}

	AreaLocator locator(AgencyId agency) {
		long now = System.nanoTime();
		Cached cached = cache.get(agency);
		if (cached != null && now - cached.checkedAt < RECHECK.toNanos()) {
			return cached.index;
		}
		// compute() runs once per agency at a time: concurrent callers wait for one build instead of each building
		return cache.compute(agency, (id, old) -> {
			AreaRepository.Signature signature = areas.signature(id);
			AreaIndex index = old != null && old.signature.equals(signature) ? old.index : build(id);
			return new Cached(index, signature, now);
		}).index;
	}

	@TransactionalEventListener
	void on(AreasImported event) {
		cache.remove(event.agency());
	}

	private AreaIndex build(AgencyId agency) {
		WKTReader wkt = new WKTReader();
		Map<AreaKind, List<AreaIndex.Entry>> entries = new EnumMap<>(AreaKind.class);
		areas.allStored(agency).forEach((kind, stored) -> entries.put(kind, stored.stream()
				.map(area -> new AreaIndex.Entry(area.id(), area.code(), read(wkt, area))).toList()));
		return AreaIndex.of(entries);
	}

	private static org.locationtech.jts.geom.Geometry read(WKTReader wkt, AreaRepository.StoredArea area) {
		try {
			return wkt.read(area.wkt());
		}
		catch (ParseException e) {
			throw new IllegalStateException("stored geometry of area " + area.id() + " cannot be read", e);
		}
	}
}
