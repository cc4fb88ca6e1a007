package org.beacon.publicsafety.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Renders a view into bytes instead of the response, so a public page that is the same for every visitor (no
 * session, no CSRF token, always anonymous) can be kept with the window it shows and sent again without running
 * the template. The view is the ordinary one, with the ordinary request: links, dialects and fragments behave as
 * when Spring renders it.
 */
final class RenderedPage {

	private RenderedPage() {
	}

	static byte[] render(ViewResolver views, String name, Map<String, ?> model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			View view = views.resolveViewName(name, Locale.ENGLISH);
			if (view == null) {
				throw new IllegalStateException("no view " + name);
			}
			Capture capture = new Capture(response);
			view.render(model, request, capture);
			return capture.bytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (Exception e) {
			throw new IllegalStateException("could not render " + name, e);
		}
	}

	/** A response whose body goes to a buffer; headers still reach the real response. */
	private static final class Capture extends HttpServletResponseWrapper {

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
		private PrintWriter writer;
		private ServletOutputStream stream;

		Capture(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() {
			if (stream == null) {
				stream = new ServletOutputStream() {

					@Override
					public void write(int b) {
						buffer.write(b);
					}

					@Override
					public void write(byte[] b, int off, int len) {
						buffer.write(b, off, len);
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						throw new UnsupportedOperationException();
					}
				};
			}
			return stream;
		}

		@Override
		public PrintWriter getWriter() {
			if (writer == null) {
				writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
			}
			return writer;
		}

		@Override
		public void setCharacterEncoding(String charset) {
			// the buffer is UTF-8 whatever the view asks for; the real response says so
		}

		@Override
		public void setContentLength(int len) {
		}

		@Override
		public void setContentLengthLong(long len) {
		}

		@Override
		public void flushBuffer() {
			if (writer != null) {
				writer.flush();
			}
		}

		byte[] bytes() {
			if (writer != null) {
				writer.flush();
			}
			return buffer.toByteArray();
		}
	}
}
