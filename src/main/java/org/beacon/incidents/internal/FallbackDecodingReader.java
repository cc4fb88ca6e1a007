package org.beacon.incidents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes as strict UTF-8 and every byte that is not part of a valid UTF-8 sequence as windows-1252.
 * A UTF-8 file therefore reads exactly as UTF-8, a windows-1252 file (St. Louis publishes both) reads as
 * windows-1252 unless two of its characters happen to form a valid UTF-8 sequence (e.g. {@code Ã©}, which
 * police exports do not contain), and a file mixing both reads right line by line. This works in one pass
 * over a stream, so an upload need not be read twice. A leading byte-order mark is dropped.
 */
final class FallbackDecodingReader extends Reader {

	/** windows-1252 for every byte value; the five unassigned bytes decode to U+FFFD. */
	private static final char[] CP1252 = new String(allBytes(), Charset.forName("windows-1252")).toCharArray();

	private final InputStream in;
	private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
	private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
	private boolean endOfInput;
	private boolean started;
	private long fallbackBytes;

	FallbackDecodingReader(InputStream in) {
		this.in = in;
	}

	/** How many bytes were not UTF-8 and were read as windows-1252. */
	long fallbackBytes() {
		return fallbackBytes;
	}

	@Override
	public int read(char[] cbuf, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		CharBuffer out = CharBuffer.wrap(cbuf, off, len);
		while (out.position() == off) {
			CoderResult result = utf8.decode(bytes, out, endOfInput);
			if (result.isMalformed() || result.isUnmappable()) {
				// one byte at a time: the bytes after it may start a valid sequence again
				out.put(CP1252[bytes.get() & 0xFF]);
				fallbackBytes++;
			}
			else if (result.isOverflow()) {
				break;
			}
			else if (endOfInput) {
				if (out.position() == off) {
					return -1;
				}
			}
			else {
				fill();
			}
		}
		int n = out.position() - off;
		if (!started) {
			started = true;
			if (cbuf[off] == '\uFEFF') {
				System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
				return n == 1 ? read(cbuf, off, len) : n - 1;
			}
		}
		return n;
	}

	private void fill() throws IOException {
		bytes.compact();
		int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
		if (n < 0) {
			endOfInput = true;
		}
		else {
			bytes.position(bytes.position() + n);
		}
		bytes.flip();
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	private static byte[] allBytes() {
		byte[] all = new byte[256];
		for (int i = 0; i < 256; i++) {
			all[i] = (byte) i;
		}
		return all;
	}
}
