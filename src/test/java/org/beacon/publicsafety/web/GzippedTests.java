package org.beacon.publicsafety.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class GzippedTests {

	@Test
	void readsAcceptEncodingAsBrowsersSendIt() {
		assertThat(Gzipped.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
		assertThat(Gzipped.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
		assertThat(Gzipped.acceptsGzip("*")).isTrue();
		assertThat(Gzipped.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(Gzipped.acceptsGzip("gzip; q=0.000")).isFalse();
		assertThat(Gzipped.acceptsGzip("identity")).isFalse();
		assertThat(Gzipped.acceptsGzip(null)).isFalse();
	}

	@Test
	void sendsTheKeptBytesOrUnpacksThem() throws Exception {
		byte[] kept = Gzipped.gzip("{\"type\":\"FeatureCollection\"}".getBytes(StandardCharsets.UTF_8));

		MockHttpServletResponse zipped = new MockHttpServletResponse();
		Gzipped.send(kept, "application/geo+json", "gzip", zipped);
		MockHttpServletResponse plain = new MockHttpServletResponse();
		Gzipped.send(kept, "application/geo+json", null, plain);

		assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(zipped.getContentAsByteArray()).isEqualTo(kept);
		assertThat(plain.getHeader("Content-Encoding")).isNull();
		assertThat(plain.getContentAsString()).isEqualTo("{\"type\":\"FeatureCollection\"}");
		assertThat(plain.getHeader("Vary")).isEqualTo("Accept-Encoding");
	}
}
