package org.beacon.publicsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;

import org.beacon.agency.Agencies;
import org.beacon.incidents.IncidentsImported;
import org.beacon.incidents.OffenseCategory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public map keeps what it disclosed per window: the page and the GeoJSON are made once, sent gzipped to
 * clients that accept it, and made again after an import.
 */
@SpringBootTest(properties = { "beacon.public.reads-per-minute=100000", "beacon.public.cache.ttl=PT10M",
		"spring.datasource.hikari.maximum-pool-size=3" })
@AutoConfigureMockMvc
@Import(FakeIncidents.Config.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PublicMapCacheIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 3, 10);

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeIncidents incidents;

	@Autowired
	Agencies agencies;

	@Autowired
	ApplicationEventPublisher events;

	MockHttpServletResponse fetch(String path, boolean gzip) throws Exception {
		var request = get(path).param("from", "2026-03-01").param("to", "2026-03-31");
		if (gzip) {
			request.header("Accept-Encoding", "gzip, deflate, br");
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	static String gunzip(byte[] bytes) throws Exception {
		try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void keepsEachWindowUntilAnImportAndSendsItGzippedToClientsThatAcceptIt() throws Exception {
		incidents.clear();
		// five of a kind: fewer in one neighbourhood would be withheld as a small group
		for (int i = 0; i < 5; i++) {
			incidents.add(OffenseCategory.BURGLARY, "BURGLARY-RESIDENCE", "4321 MARGARETTA AVE", 38.601734, -90.248119,
					DAY);
		}

		MockHttpServletResponse plain = fetch("/public/incidents.geojson", false);
		MockHttpServletResponse zipped = fetch("/public/incidents.geojson", true);
		MockHttpServletResponse page = fetch("/public/map", true);

		assertThat(plain.getHeader("Content-Encoding")).isNull();
		assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(zipped.getHeader("Vary")).isEqualTo("Accept-Encoding");
		assertThat(gunzip(zipped.getContentAsByteArray())).isEqualTo(plain.getContentAsString(StandardCharsets.UTF_8))
				.contains("4300 BLOCK MARGARETTA AVE");
		assertThat(page.getContentType()).startsWith("text/html");
		assertThat(gunzip(page.getContentAsByteArray())).contains("4300 BLOCK MARGARETTA AVE").contains("</html>");

		// a new row is not seen while the window is kept ...
		for (int i = 0; i < 5; i++) {
			incidents.add(OffenseCategory.LARCENY, "LARCENY-FROM AUTO", "4455 MARGARETTA AVE", 38.601734, -90.248119,
					DAY);
		}
		assertThat(fetch("/public/incidents.geojson", false).getContentAsString()).doesNotContain("4400 BLOCK");
		assertThat(fetch("/public/map", false).getContentAsString()).doesNotContain("4400 BLOCK");

		// ... until an import on this node: then the kept window is refreshed in the background
		events.publishEvent(new IncidentsImported(agencies.defaultAgency().id(), "test", 1, 0, 0));
		await().atMost(Duration.ofSeconds(10)).until(
				() -> fetch("/public/incidents.geojson", false).getContentAsString().contains("4400 BLOCK"));
		await().atMost(Duration.ofSeconds(10)).until(
				() -> fetch("/public/map", false).getContentAsString().contains("4400 BLOCK"));
	}
}
