package org.beacon.staffweb;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.beacon.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Set;
import org.beacon.agency.Agencies;
import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * The staff pages in headless Chromium: log in, upload areas and a St. Louis excerpt, watch the import
 * finish, then see the neighbourhood map, legend, chart and table. Runs with {@code -Pbrowser}; needs
 * Debian's chromium ({@code CHROMIUM_PATH}, default {@code /usr/bin/chromium}). A strict Content Security
 * Policy is added so any inline script or style shows up as a console error, which fails the test.
 * <p>
 * The analyst account is made through identity's account API; the test then uses only the login form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"beacon.map.tile-url=", "beacon.sessions.store=jdbc" })
@Import(StaffHomeBrowserTests.StrictContentSecurityPolicy.class)
class StaffHomeBrowserTests {

	static final String USER = "analyst";
	static final String PASSWORD = "Passw0rd!analyst";

	@Autowired
	void createAnalyst(StaffAccounts accounts, Agencies agencies) {
		if (accounts.findByUsername(USER).isEmpty()) {
			accounts.create(new NewStaffAccount(agencies.defaultAgency().id(), USER, "Analyst", Set.of(Role.ANALYST),
					PASSWORD, false));
		}
	}

	/** Long enough for a slow, shared CI machine; the import itself takes well under a second. */
	private static final double WAIT_MILLIS = 60_000;

	static HeadlessChromium chromium;
	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launchChromium() {
		chromium = HeadlessChromium.launch();
		browser = chromium.browser();
	}

	@AfterAll
	static void closeChromium() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void showsImportedIncidentsOnTheNeighbourhoodMap() throws IOException {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1100))) {
			Page page = context.newPage();
			List<String> problems = new CopyOnWriteArrayList<>();
			logIn(page);
			page.onConsoleMessage(message -> {
				// the site has no icon yet; the browser's own request for one is not the page's doing
				if (message.type().equals("error") && !message.location().contains("/favicon.ico")) {
					problems.add(message.text() + " at " + message.location());
				}
			});
			page.onPageError(problems::add);
			page.onResponse(response -> {
				if (response.status() >= 400) {
					problems.add(response.status() + " " + response.url());
				}
			});

			page.navigate(url("/import"));
			page.getByLabel("GeoJSON file").setInputFiles(resource("staffweb/stl-neighborhoods.geojson"));
			page.getByLabel("Id property").fill("NHD_NUM");
			page.getByLabel("Name property").fill("NHD_NAME");
			page.getByText("Upload areas").click();
			assertThat(page.locator("#area-result")).containsText("imported=88");

			page.getByLabel("CSV file (.csv or .csv.gz)").setInputFiles(resource("staffweb/stl-sample.csv"));
			page.getByLabel("Profile", new Page.GetByLabelOptions().setExact(true)).selectOption("stl-slmpd");
			page.getByText("Upload and import").click();
			page.waitForURL("**/import?job=*");
			assertThat(page.locator("#job .job-summary")).containsText("read=300",
					new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MILLIS));
			assertThat(page.locator("#job-announce")).containsText("finished");
			page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/staff-import.png")).setFullPage(true));

			page.navigate(url("/"));
			page.locator("#map[data-loaded='true']").waitFor(new Locator.WaitForOptions().setTimeout(WAIT_MILLIS));
			int polygons = page.locator("#map path.leaflet-interactive").count();
			assertThat(polygons).isEqualTo(88);
			String legend = page.locator("#legend").innerText();
			assertThat(legend).contains("Incidents per neighbourhood").containsPattern("[1-9][0-9]*–[1-9][0-9]*");
			String summary = page.locator("#summary").innerText();
			assertThat(summary).matches("(?s)[1-9][0-9,]* incidents, All categories, 2020-01-01 to 2020-12-31; .*");
			assertThat(page.locator("#monthly-table tbody tr")).hasCount(12);
			assertThat(page.locator("#incident-table tbody tr")).hasCount(50);

			page.locator("#map path.leaflet-interactive").first().hover();
			assertThat(page.locator(".leaflet-tooltip")).containsText("incident");
			page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/staff-home.png")).setFullPage(true));

			page.getByText("Next page").click();
			assertThat(page.locator("#incident-table caption")).containsText("Page 2 of");
			assertThat(page.locator("#table-heading")).isFocused();

			assertThat(problems).as("console errors, e.g. CSP violations").isEmpty();
		}
	}

	private void logIn(Page page) {
		HeadlessChromium.signIn(page, url(""), USER, PASSWORD);
		assertThat(page.locator("h1")).containsText("Incidents");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static Path resource(String name) throws IOException {
		return new ClassPathResource(name).getFile().toPath();
	}

	/** The policy the identity module is to send: scripts and styles from this origin only, no inline code. */
	@TestConfiguration(proxyBeanMethods = false)
	static class StrictContentSecurityPolicy {

		@Bean
		Filter strictContentSecurityPolicy() {
			return (request, response, chain) -> {
				((HttpServletResponse) response).setHeader("Content-Security-Policy",
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
								+ "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'");
				chain.doFilter(request, response);
			};
		}
	}
}
