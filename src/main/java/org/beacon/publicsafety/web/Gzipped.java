package org.beacon.publicsafety.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletResponse;

/** Bodies kept gzipped: made once, sent as they are to clients that accept gzip, unpacked for the others. */
final class Gzipped {

	private Gzipped() {
	}

	/** Sends kept gzipped bytes: as they are when the client accepts gzip, unpacked otherwise. */
	static void send(byte[] gzipped, String contentType, String acceptEncoding, HttpServletResponse response)
			throws IOException {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (acceptsGzip(acceptEncoding)) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			response.setContentLength(gzipped.length);
			response.getOutputStream().write(gzipped);
		}
		else {
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
				in.transferTo(response.getOutputStream());
			}
		}
	}

	static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** Whether an Accept-Encoding header allows gzip (present, and not with q=0). */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String part : acceptEncoding.split(",")) {
			String[] pieces = part.trim().split(";");
			String coding = pieces[0].trim().toLowerCase(java.util.Locale.ROOT);
			if (coding.equals("gzip") || coding.equals("*")) {
				for (int i = 1; i < pieces.length; i++) {
					String p = pieces[i].trim().replace(" ", "");
					if (p.matches("q=0(\\.0*)?")) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}
}
