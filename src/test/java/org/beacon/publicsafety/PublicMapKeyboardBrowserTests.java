package org.beacon.publicsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.beacon.HeadlessChromium;
import org.beacon.agency.Agencies;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.IncidentImports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The public crime map with a keyboard only, in headless Chromium: from the top of the page, Tab reaches the
 * date fields and the Show button, typing and Enter choose the dates, and the list view (for people who do not
 * use maps) and the focusable map region follow. Runs with {@code -Pbrowser} on the 300-row December 2020 SLMPD
 * excerpt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "beacon.map.tile-url=")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicMapKeyboardBrowserTests {

	/** More Tab presses than the page has controls before the one looked for. */
	private static final int MAX_TABS = 60;

	@LocalServerPort
	int port;

	HeadlessChromium chromium;

	Browser browser;

	@Autowired
	void incidents(IncidentImports imports, Agencies agencies) throws IOException {
		imports.importFile(agencies.defaultAgency().id(), new ClassPathResource("staffweb/stl-sample.csv").getFile().toPath(),
				"stl-slmpd", Map.of(), ImportProgress.NONE);
	}

	@BeforeAll
	void launch() {
		chromium = HeadlessChromium.launch();
		browser = chromium.browser();
	}

	@AfterAll
	void close() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aKeyboardAloneChoosesTheDatesAndReachesTheListAndTheMap() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			page.navigate("http://localhost:" + port + "/public/map");

			tabTo(page, "from");
			page.keyboard().type("12012020");
			tabTo(page, "to");
			page.keyboard().type("12032020");
			tabToShowButton(page);
			page.keyboard().press("Enter");
			page.waitForURL("**/public/map?**");

			assertThat(page.url()).contains("from=2020-12-01").contains("to=2020-12-03");
			int rows = page.locator("table:has(caption:text('Incidents, newest first')) tbody tr").count();
			assertThat(rows).as("rows in the list view").isPositive();
			tabTo(page, "public-map");
			assertThat(page.locator("#public-map").getAttribute("role")).isEqualTo("region");
		}
	}

	/** Presses Tab until the element with this id has the focus. */
	private static void tabTo(Page page, String id) {
		for (int i = 0; i < MAX_TABS; i++) {
			if (id.equals(page.evaluate("() => document.activeElement && document.activeElement.id"))) {
				return;
			}
			page.keyboard().press("Tab");
		}
		throw new AssertionError("Tab never reached #" + id);
	}

	private static void tabToShowButton(Page page) {
		for (int i = 0; i < MAX_TABS; i++) {
			Object label = page.evaluate("() => document.activeElement && document.activeElement.tagName === 'BUTTON'"
					+ " ? document.activeElement.textContent.trim() : null");
			if ("Show".equals(label)) {
				return;
			}
			page.keyboard().press("Tab");
		}
		throw new AssertionError("Tab never reached the Show button");
	}
}
