package org.beacon.publicsafety.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.beacon.incidents.IncidentsImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A cache of what the public map shows per window, so that a busy public page does not run the same year of
 * incidents through the disclosure rules on every request. Only disclosed values are kept (never incident rows).
 * <ul>
 * <li>An entry is fresh for {@code beacon.public.cache.ttl} (default 1 minute; 0 turns the cache off). After
 * that, or when this node imported incidents ({@link IncidentsImported}), the next request still gets the
 * kept value and one background refresh replaces it: nobody waits for a year of rows except the very first
 * request for a window, and concurrent first requests share that one load.</li>
 * <li>Another node's import is seen within the ttl: this node keeps nothing another node needs, it only
 * answers from a copy at most that old.</li>
 * <li>At most {@code beacon.public.cache.entries} windows (default 16) are kept; the least recently used goes.</li>
 * </ul>
 */
@Component
public class DisclosedWindows implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DisclosedWindows.class);

	private final long ttlNanos;
	private final int maxEntries;
	private final LongSupplier nanos;
	private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
	private final AtomicLong generation = new AtomicLong();
	private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "public-window-refresh");
		t.setDaemon(true);
		return t;
	});

	@Autowired
	DisclosedWindows(@Value("${beacon.public.cache.ttl:PT1M}") Duration ttl,
			@Value("${beacon.public.cache.entries:16}") int maxEntries) {
		this(ttl, maxEntries, System::nanoTime);
	}

	DisclosedWindows(Duration ttl, int maxEntries, LongSupplier nanos) {
		this.ttlNanos = ttl.isNegative() ? 0 : ttl.toNanos();
		this.maxEntries = Math.max(1, maxEntries);
		this.nanos = nanos;
	}

	/** Whether values are kept at all ({@code beacon.public.cache.ttl} is positive). */
	public boolean enabled() {
		return ttlNanos > 0;
	}

	/**
	 * The value for {@code key}: the kept one, or what {@code loader} gives. A stale kept value is returned and
	 * refreshed in the background.
	 */
	@SuppressWarnings("unchecked")
	public <T> T get(Object key, Supplier<T> loader) {
		if (!enabled()) {
			return loader.get();
		}
		Entry entry = entries.get(key);
		if (entry == null) {
			Entry created = new Entry(nanos.getAsLong());
			entry = entries.putIfAbsent(key, created);
			if (entry == null) {
				entry = created;
				evictBeyondLimit();
				load(key, created, loader);
			}
		}
		Object value;
		try {
			value = entry.value.join();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : e;
		}
		entry.lastUsed = nanos.getAsLong();
		if (entry.stale(nanos.getAsLong(), ttlNanos, generation.get()) && entry.refreshing.compareAndSet(false, true)) {
			Entry refreshed = entry;
			long startedAt = generation.get();
			refresher.execute(() -> refresh(key, refreshed, loader, startedAt));
		}
		return (T) value;
	}

	private <T> void load(Object key, Entry entry, Supplier<T> loader) {
		long startedAt = generation.get();
		try {
			T value = loader.get();
			entry.loaded(value, nanos.getAsLong(), startedAt);
		}
		catch (RuntimeException e) {
			entries.remove(key, entry);
			entry.value.completeExceptionally(e);
		}
	}

	private <T> void refresh(Object key, Entry entry, Supplier<T> loader, long startedAt) {
		try {
			T value = loader.get();
			entry.value = CompletableFuture.completedFuture(value);
			entry.loadedAt = nanos.getAsLong();
			entry.generation = startedAt;
		}
		catch (RuntimeException e) {
			// keep serving the old value; the next request after the ttl tries again
			log.warn("could not refresh the public window {}: {}", key, e.toString());
		}
		finally {
			entry.refreshing.set(false);
		}
	}

	/** Incidents changed on this node: every kept window is refreshed on its next use. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(IncidentsImported event) {
		generation.incrementAndGet();
	}

	/** Forgets every kept value (tests, and an operator after a bulk change). */
	public void clear() {
		entries.clear();
	}

	int size() {
		return entries.size();
	}

	private void evictBeyondLimit() {
		while (entries.size() > maxEntries) {
			var oldest = entries.entrySet().stream().filter(e -> e.getValue().value.isDone())
					.min(Comparator.comparingLong(e -> e.getValue().lastUsed));
			if (oldest.isEmpty()) {
				return; // all are being loaded; the next call evicts
			}
			entries.remove(oldest.get().getKey(), oldest.get().getValue());
		}
	}

	@Override
	public void destroy() {
		refresher.shutdownNow();
	}

	private static final class Entry {

		volatile CompletableFuture<Object> value = new CompletableFuture<>();
		volatile long loadedAt;
		volatile long lastUsed;
		volatile long generation = -1;
		final AtomicBoolean refreshing = new AtomicBoolean();

		Entry(long now) {
			this.lastUsed = now;
		}

		void loaded(Object v, long now, long gen) {
			loadedAt = now;
			generation = gen;
			value.complete(v);
		}

		boolean stale(long now, long ttl, long currentGeneration) {
			return generation != currentGeneration || now - loadedAt > ttl;
		}
	}
}
