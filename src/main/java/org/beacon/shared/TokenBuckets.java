package org.beacon.shared;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in memory, the rate limit of every anonymous path (tips and Open311, the public map and
 * alerts): each key holds up to {@code capacity} tokens, refilled continuously at {@code capacity} per
 * {@code periodNanos}. Nothing here is logged or persisted, and at most {@code maxKeys} keys are held.
 *
 * <p>Per node on purpose: sharing buckets between nodes would mean storing (hashed) client addresses in a
 * shared database, which the anonymous channels refuse to do. With N nodes a client gets at most N times the
 * limit, which still stops floods and guessing; a global per-node bucket caps the total.
 */
public final class TokenBuckets {

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
	private final int maxKeys;

	public TokenBuckets(int maxKeys) {
		this.maxKeys = maxKeys;
	}

	/** Takes one token for {@code key}; false when the bucket is empty. {@code nowNanos} is monotonic. */
	public boolean tryTake(String key, int capacity, long periodNanos, long nowNanos) {
		if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
			forgetFullBuckets(nowNanos, capacity, periodNanos);
		}
		Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowNanos));
		synchronized (bucket) {
			bucket.refill(capacity, periodNanos, nowNanos);
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return true;
			}
			return false;
		}
	}

	/** Seconds until the next token for {@code key}, at least 1. */
	public long secondsUntilToken(String key, int capacity, long periodNanos) {
		Bucket bucket = buckets.get(key);
		if (bucket == null) {
			return 1;
		}
		synchronized (bucket) {
			double missing = Math.max(0, 1 - bucket.tokens);
			return Math.max(1, (long) Math.ceil(missing * periodNanos / capacity / 1e9));
		}
	}

	int size() {
		return buckets.size();
	}

	/** A full bucket behaves exactly like a missing one, so dropping it forgets nothing that matters. */
	private void forgetFullBuckets(long nowNanos, int capacity, long periodNanos) {
		buckets.entrySet().removeIf(e -> {
			Bucket b = e.getValue();
			synchronized (b) {
				b.refill(capacity, periodNanos, nowNanos);
				return b.tokens >= b.capacity;
			}
		});
		if (buckets.size() >= maxKeys) {
			// every tracked client is busy: start over rather than grow without bound
			buckets.clear();
		}
	}

	private static final class Bucket {
		final int capacity;
		double tokens;
		long updated;

		Bucket(int capacity, long now) {
			this.capacity = capacity;
			this.tokens = capacity;
			this.updated = now;
		}

		void refill(int cap, long periodNanos, long now) {
			long elapsed = now - updated;
			if (elapsed > 0) {
				tokens = Math.min(cap, tokens + (double) elapsed * cap / periodNanos);
				updated = now;
			}
		}
	}
}
