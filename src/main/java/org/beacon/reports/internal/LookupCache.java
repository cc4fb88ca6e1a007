package org.beacon.reports.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Answers to lookups that rarely change (the agencies, a service of the catalogue, an API key), kept for
 * {@code beacon.open311.lookup-ttl} (default 30 seconds; 0 keeps nothing) so that a report costs its inserts and
 * not three reads as well. A change made on this node clears the cache at once; another node sees it within the
 * ttl. At most {@link #MAX_ENTRIES} answers are kept; beyond that the cache starts afresh.
 */
final class LookupCache<K, V> {

	static final int MAX_ENTRIES = 10_000;

	private record Timed<V>(V value, long loadedAt) {
	}

	private final long ttlNanos;
	private final LongSupplier nanos;
	private final Map<K, Timed<V>> entries = new ConcurrentHashMap<>();

	LookupCache(Duration ttl, LongSupplier nanos) {
		this.ttlNanos = ttl == null || ttl.isNegative() ? 0 : ttl.toNanos();
		this.nanos = nanos;
	}

	/** The kept answer for {@code key} while it is fresh, else what {@code loader} says (then kept). */
	V get(K key, Function<K, V> loader) {
		if (ttlNanos == 0) {
			return loader.apply(key);
		}
		long now = nanos.getAsLong();
		Timed<V> kept = entries.get(key);
		if (kept != null && now - kept.loadedAt() <= ttlNanos) {
			return kept.value();
		}
		V value = loader.apply(key);
		if (entries.size() >= MAX_ENTRIES) {
			entries.clear();
		}
		entries.put(key, new Timed<>(value, now));
		return value;
	}

	void clear() {
		entries.clear();
	}
}
