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
 * Reads text that is UTF-8 or windows-1252 without being told which (St. Louis published both): decodes
 * strict UTF-8 until the first byte that cannot be UTF-8, and from that byte on reads everything as
 * windows-1252. A UTF-8 file reads exactly; a windows-1252 file reads exactly too unless its first non-ASCII
 * characters happen to form a valid UTF-8 sequence (e.g. {@code É’} is the bytes C9 92), which the St. Louis
 * files never do. One pass, so an upload need not be read twice. A leading byte-order mark is dropped.
 */
final class FallbackDecodingReader extends Reader {

	/** windows-1252 for every byte value; the five unassigned bytes decode to U+FFFD. */
	private static final char[] CP1252 = new String(allBytes(), Charset.forName("windows-1252")).toCharArray();

	private final InputStream in;
	private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
	private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
	private boolean windows1252;
	private boolean endOfInput;
	private boolean started;

	FallbackDecodingReader(InputStream in) {
		this.in = in;
	}

	/** Whether the text turned out not to be UTF-8 and is being read as windows-1252. */
	boolean readsWindows1252() {
		return windows1252;
	}

	@Override
	public int read(char[] cbuf, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		CharBuffer out = CharBuffer.wrap(cbuf, off, len);
		while (out.position() == off) {
			if (windows1252) {
				if (!bytes.hasRemaining() && !endOfInput) {
					fill();
				}
				if (!bytes.hasRemaining()) {
					return -1;
				}
				while (bytes.hasRemaining() && out.hasRemaining()) {
					out.put(CP1252[bytes.get() & 0xFF]);
				}
				break;
			}
			CoderResult result = utf8.decode(bytes, out, endOfInput);
			if (result.isMalformed() || result.isUnmappable()) {
				windows1252 = true;
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
