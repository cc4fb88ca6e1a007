package org.beacon.incidents;

/** Told how far an import is; called from the importing thread every few thousand rows. */
@FunctionalInterface
public interface ImportProgress {

	ImportProgress NONE = (bytesRead, totalBytes, rows) -> {
	};

	/** @param totalBytes -1 when unknown */
	void progressed(long bytesRead, long totalBytes, long rows);
}
