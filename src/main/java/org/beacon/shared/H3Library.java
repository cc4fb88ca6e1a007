package org.beacon.shared;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.uber.h3core.H3Core;

/**
 * The one {@link H3Core} of the process. Its native library loads on first use, not at start, so a command
 * that never asks for a cell never loads it; H3Core keeps no state between calls, so one serves every module.
 */
public final class H3Library {

	private H3Library() {
	}

	/** The shared H3Core, loaded on the first call. */
	public static H3Core core() {
		return Holder.H3;
	}

	private static final class Holder {

		static final H3Core H3 = load();

		private static H3Core load() {
			try {
				return H3Core.newInstance();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot load the H3 native library", e);
			}
		}
	}
}
