package org.beacon.shared;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from the underlying stream, so progress can be told in the file's own (compressed)
 * bytes while a {@code GZIPInputStream} reads from it. Read from one thread, polled from another.
 */
public final class CountingInputStream extends FilterInputStream {

	private volatile long count;

	public CountingInputStream(InputStream in) {
		super(in);
	}

	/** Bytes read or skipped so far. */
	public long count() {
		return count;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count++;
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		if (n > 0) {
			count += n;
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		count += skipped;
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}
}
