package org.beacon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTests {

	@Test
	void allowsImagesFromAnIntranetHttpTileServer() {
		String policy = new SecurityHeaders("https:", "http://tiles.example:8080/{z}/{x}/{y}.png").contentSecurityPolicy();

		assertThat(policy).contains("img-src 'self' data: https: http://tiles.example:8080;");
	}

	@Test
	void keepsTheDefaultPolicyForTheDefaultTileServer() {
		String policy = new SecurityHeaders("https:", SecurityHeaders.DEFAULT_TILE_URL).contentSecurityPolicy();

		assertThat(policy).contains("img-src 'self' data: https:;");
	}

	@Test
	void addsAnHttpsTileServerWhenImageSourcesNameHostsOnly() {
		assertThat(SecurityHeaders.imageSources("https://img.example", "https://tiles.example/{z}/{x}/{y}.png"))
				.isEqualTo("'self' data: https://img.example https://tiles.example");
	}

	@Test
	void addsNothingWithoutTiles() {
		assertThat(SecurityHeaders.imageSources("", "")).isEqualTo("'self' data:");
		assertThat(SecurityHeaders.imageSources("", "/tiles/{z}/{x}/{y}.png")).isEqualTo("'self' data:");
	}

	@Test
	void readsTheOriginOfATileUrlTemplate() {
		assertThat(SecurityHeaders.tileOrigin("http://tiles.example:8080/{z}/{x}/{y}.png"))
				.isEqualTo("http://tiles.example:8080");
		assertThat(SecurityHeaders.tileOrigin("https://{s}.tile.example/{z}/{x}/{y}.png"))
				.isEqualTo("https://*.tile.example");
		assertThat(SecurityHeaders.tileOrigin("HTTP://Tiles.Example?z={z}")).isEqualTo("http://tiles.example");
		assertThat(SecurityHeaders.tileOrigin("ftp://tiles.example/{z}")).isNull();
		assertThat(SecurityHeaders.tileOrigin("http://tiles.example;evil/{z}")).isNull();
	}
}
