package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import org.beacon.HeadlessChromium;
import org.beacon.agency.Agencies;
import org.beacon.reports.internal.ServiceRequestRepository;
import org.beacon.reports.internal.ReportPhotos;
import org.beacon.reports.internal.StoredRequest;
import org.beacon.tips.TipImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident files a report in headless Chromium: chooses a category, places the point by clicking the map,
 * says what happened, sends it, keeps the receipt and opens the follow page. No cookie at any step and no console
 * error (a content-security-policy violation would show as one). No map tiles: the test needs no network. Run with
 * {@code ./mvnw test -Pbrowser}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "beacon.tips.passphrase-iterations=1000", "beacon.anonymous.writes-per-client=1000",
				"beacon.anonymous.reads-per-client=1000", "beacon.map.tile-url=" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportOnTheMapBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ServiceRequestRepository repository;

	@Autowired
	Agencies agencies;

	@Autowired
	ReportPhotos photos;

	HeadlessChromium chromium;

	@BeforeAll
	void launch() {
		chromium = HeadlessChromium.launch();
	}

	@AfterAll
	void close() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void residentPlacesTheReportOnTheMapThenFollowsIt() {
		BrowserContext context = chromium.browser().newContext();
		Page page = context.newPage();
		List<String> consoleErrors = new ArrayList<>();
		page.onConsoleMessage(m -> {
			// Beacon has no favicon; Chromium asks for one anyway
			if ("error".equals(m.type()) && !m.location().contains("/favicon.ico")) {
				consoleErrors.add(m.text() + " at " + m.location());
			}
		});
		List<String> failed = new ArrayList<>();
		page.onResponse(r -> {
			if (r.status() >= 400) {
				failed.add(r.status() + " " + r.url());
			}
		});
		String text = "The street light on the corner is out and the alley is dark " + System.nanoTime();

		page.navigate("http://localhost:" + port + "/public/map");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report a problem")).click();
		page.getByLabel("Something else").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Report: Something else");

		// the page's script has made the element a Leaflet map before the click, or the click lands on nothing
		Locator map = page.locator("#report-map.leaflet-container");
		map.waitFor();
		map.click(new Locator.ClickOptions().setPosition(120, 90));
		Locator latitude = page.getByLabel("Latitude");
		PlaywrightAssertions.assertThat(latitude).hasValue(Pattern.compile("3[0-9]\\.\\d{6}"));
		String lat = latitude.inputValue();
		String lon = page.getByLabel("Longitude").inputValue();
		assertThat(lon).as("a click on the map fills the longitude").matches("-9[0-9]\\.\\d{6}");
		assertThat(page.locator(".leaflet-marker-icon").count()).isEqualTo(1);
		page.getByLabel("What happened?").fill(text);
		page.locator("#photo").setInputFiles(new FilePayload("IMG_0001.jpg", "image/jpeg", TipImages.jpegWithGps()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();

		assertThat(page.locator("h1").textContent()).isEqualTo("Thank you. Your report was received.");
		String id = page.locator("#report-id").textContent();
		assertThat(page.locator("#receipt-code").textContent()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(page.locator("#print-report").isVisible()).as("report-print.js ran under the CSP").isTrue();
		StoredRequest stored = repository.byPublicId(agencies.defaultAgency().id(), id).orElseThrow();
		assertThat(stored.channel()).isEqualTo("web");
		assertThat(stored.lat()).isEqualTo(Double.parseDouble(lat));
		assertThat(stored.lon()).isEqualTo(Double.parseDouble(lon));
		assertThat(photos.of(stored)).as("the photo came through multipart with the form's token")
				.hasValueSatisfying(p -> assertThat(p.width()).isEqualTo(64));

		page.locator("#follow-link").click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Report " + id);
		assertThat(page.locator("#status").textContent()).isEqualTo("Received, waiting to be read");
		assertThat(page.locator("#expected").isVisible()).isTrue();
		assertThat(page.content()).as("not public before moderation").doesNotContain(text);

		assertThat(context.cookies()).as("no cookie at any step").isEmpty();
		assertThat(failed).as("every resource the pages load exists").isEmpty();
		assertThat(consoleErrors).isEmpty();
		context.close();
	}
}
