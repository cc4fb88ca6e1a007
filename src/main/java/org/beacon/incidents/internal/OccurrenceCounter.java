package org.beacon.incidents.internal;

/**
 * Numbers identical keys in the order they occur in a file: the first occurrence is 1, the next 2, ...
 * Identical rows are real in police data (one complaint, two victims: two counted rows), and the occurrence
 * number is what keeps them apart and stable across re-imports. Keyed by a 64-bit hash of the key in an
 * open-addressing table, about 24 bytes per distinct key; a hash collision only gives a distinct key a
 * number above 1, which is still unique and still stable.
 */
final class OccurrenceCounter {

	private long[] keys = new long[1 << 12];
	private int[] counts = new int[1 << 12];
	private boolean[] used = new boolean[1 << 12];
	private int size;

	/** Counts one more occurrence of the key and returns how many there have been, this one included. */
	int next(long key) {
		if (size * 2 >= keys.length) {
			grow();
		}
		int mask = keys.length - 1;
		int slot = mix(key) & mask;
		while (used[slot]) {
			if (keys[slot] == key) {
				return ++counts[slot];
			}
			slot = (slot + 1) & mask;
		}
		used[slot] = true;
		keys[slot] = key;
		counts[slot] = 1;
		size++;
		return 1;
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldCounts = counts;
		boolean[] oldUsed = used;
		keys = new long[oldKeys.length * 2];
		counts = new int[oldKeys.length * 2];
		used = new boolean[oldKeys.length * 2];
		int mask = keys.length - 1;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldUsed[i]) {
				int slot = mix(oldKeys[i]) & mask;
				while (used[slot]) {
					slot = (slot + 1) & mask;
				}
				used[slot] = true;
				keys[slot] = oldKeys[i];
				counts[slot] = oldCounts[i];
			}
		}
	}

	/** The murmur3 finalizer: spreads the hash bits so linear probing stays short. */
	private static int mix(long key) {
		long h = key;
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		return (int) h;
	}
}
