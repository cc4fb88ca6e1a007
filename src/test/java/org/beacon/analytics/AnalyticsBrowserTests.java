package org.beacon.analytics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.beacon.agency.Agencies;
import org.beacon.geography.Area;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Demographics;
import org.beacon.geography.DemographicsImportOptions;
import org.beacon.geography.Geography;
import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccounts;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.IncidentImports;
import org.beacon.shared.AgencyId;
import org.beacon.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * The analytics page in headless Chromium: an analyst logs in, runs Gi* hot spots and then a KDE forecast
 * from the form on {@code /analytics}, and sees the map layer with its legend and, beside the forecast, the
 * fairness table with population shares. The data: the 88 St. Louis neighbourhoods, the 300-row December
 * 2020 SLMPD excerpt of the staff pages' test (255 with coordinates), and hand-made demographics (every
 * neighbourhood 1,000 residents plus ten per code number). Runs with {@code -Pbrowser}; needs Debian's
 * chromium ({@code CHROMIUM_PATH}, default {@code /usr/bin/chromium}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "beacon.map.tile-url=",
		"beacon.demo.enabled=false" })
class AnalyticsBrowserTests {

	static final String USER = "analytics-browser";
	static final String PASSWORD = "Passw0rd!analytics";

	/** Long enough for a slow, shared CI machine; each analysis takes well under a second. */
	private static final double WAIT_MILLIS = 60_000;

	/** A label as written, not a progress bar whose text mentions "Kernel density". */
	private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	static HeadlessChromium chromium;
	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	void loadData(StaffAccounts accounts, Agencies agencies, Geography geography, IncidentImports incidents,
			Demographics demographics) throws IOException {
		if (accounts.findByUsername(USER).isPresent()) {
			return;
		}
		AgencyId agency = agencies.defaultAgency().id();
		accounts.create(new NewStaffAccount(agency, USER, "Analyst", Set.of(Role.ANALYST), PASSWORD, false));
		geography.importAreas(agency, resource("staffweb/stl-neighborhoods.geojson"),
				new AreaImportOptions(AreaKind.NEIGHBOURHOOD, "NHD_NUM", "NHD_NAME"));
		incidents.importFile(agency, resource("staffweb/stl-sample.csv"), "stl-slmpd", Map.of(), ImportProgress.NONE);
		StringBuilder csv = new StringBuilder("code,population\n");
		for (Area area : geography.areas(agency, AreaKind.NEIGHBOURHOOD)) {
			csv.append(area.code()).append(',').append(1000 + 10 * Integer.parseInt(area.code())).append('\n');
		}
		var result = demographics.importCsv(agency, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
				"browser-demographics.csv", DemographicsImportOptions.neighbourhoods());
		assertThat(result.errors()).isEmpty();
	}

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
	void drawsHotSpotsAndAForecastWithItsFairnessTable() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1100))) {
			Page page = context.newPage();
			List<String> problems = watch(page);
			logIn(page);

			page.navigate(url("/analytics"));
			page.getByLabel("Method", new Page.GetByLabelOptions().setExact(true)).selectOption("gistar");
			page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2020-12-01");
			page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2020-12-31");
			page.getByLabel("Cell size (m)").fill("300");
			page.getByText("Analyse", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("#status")).containsText("hot=", timeout());
			page.locator("#map path.leaflet-interactive").first().waitFor(new Locator.WaitForOptions().setTimeout(WAIT_MILLIS));
			assertThat(page.locator("#map path.leaflet-interactive").count()).isPositive();
			assertThat(page.locator("#legend")).containsText("Hot spot, 99 %");
			assertThat(page.locator("#legend")).containsText("Cold spot, 99 %");
			assertThat(page.locator("#results thead")).containsText("gi_z");
			assertThat(page.locator("#fairness-panel")).isHidden();

			page.getByLabel("Method", new Page.GetByLabelOptions().setExact(true)).selectOption("forecast");
			page.getByLabel("Forecast method").selectOption("kde");
			page.getByText("Analyse", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("#status")).containsText("method=kde forecast=week from=2021-01-01", timeout());
			assertThat(page.locator("#fairness-panel")).isVisible();
			page.locator("#map path.leaflet-interactive").first().waitFor(new Locator.WaitForOptions().setTimeout(WAIT_MILLIS));
			assertThat(page.locator("#map path.leaflet-interactive").count()).isPositive();
			// the score ramp: five classes from below the first quantile break to above the last
			assertThat(page.locator("#legend .legend-item")).hasCount(5);
			assertThat(page.locator("#legend")).containsText("≥");

			Locator fairness = page.locator("#fairness");
			assertThat(fairness.locator("thead")).containsText("flagged_area_share");
			assertThat(fairness.locator("thead")).containsText("population_share");
			assertThat(page.locator("#fairness-summary")).containsText("flags=top_share_0.05");
			assertThat(page.locator("#fairness-summary")).containsText("population=loaded");
			int rows = fairness.locator("tbody tr").count();
			assertThat(rows).isGreaterThan(1);
			List<String> headers = fairness.locator("thead th").allInnerTexts();
			int flaggedCells = headers.indexOf("flagged_cells");
			int populationShare = headers.indexOf("population_share");
			double flagged = 0;
			double population = 0;
			for (int r = 0; r < rows; r++) {
				List<String> cells = fairness.locator("tbody tr").nth(r).locator("td").allInnerTexts();
				flagged += Double.parseDouble(cells.get(flaggedCells));
				population += cells.get(populationShare).isEmpty() ? 0 : Double.parseDouble(cells.get(populationShare));
			}
			assertThat(flagged).as("flagged cells over all neighbourhoods").isPositive();
			// every neighbourhood has residents, so the population shares add up to one (3 significant digits)
			assertThat(population).isBetween(0.95, 1.05);
			page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/analytics-forecast.png")).setFullPage(true));

			assertThat(problems).as("console errors and failed requests").isEmpty();
		}
	}

	/**
	 * A weekly backtest over the three whole weeks from 30 November to 20 December 2020 (its incidents fall in the first) runs as a job: the page shows the
	 * progress bar, its label and the Cancel button while the job runs (the first poll is held back so the
	 * running state stays on screen), and once the poll answers done it draws the scores, the chart and the
	 * CSV link of the job's result, with the bar full.
	 */
	@Test
	void followsABacktestWithAProgressBarAndThenDrawsItsScores() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1100))) {
			Page page = context.newPage();
			List<String> problems = watch(page);
			logIn(page);
			List<Route> heldPolls = new CopyOnWriteArrayList<>();
			page.route(url -> url.contains("/analytics/data/jobs/") && !url.contains("/result"), route -> {
				if (route.request().method().equals("GET") && heldPolls.isEmpty()) {
					heldPolls.add(route);
				}
				else {
					route.resume();
				}
			});

			page.navigate(url("/analytics"));
			page.getByLabel("Method", new Page.GetByLabelOptions().setExact(true)).selectOption("backtest");
			page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2020-11-30");
			page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2020-12-20");
			page.getByLabel("Cell size (m)").fill("300");
			page.getByLabel("Forecast method").selectOption("naive");
			page.getByText("Analyse", new Page.GetByTextOptions().setExact(true)).click();

			page.waitForCondition(() -> !heldPolls.isEmpty(), new Page.WaitForConditionOptions().setTimeout(WAIT_MILLIS));
			Locator bar = page.locator("#job-progress");
			assertThat(bar).isVisible();
			assertThat(page.locator("#job-label")).hasText(Pattern.compile("^Backtest: \\S"));
			assertThat(bar).hasAttribute("aria-valuetext", Pattern.compile("^Backtest: "));
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel"))).isVisible();
			assertThat(page.locator("#status")).containsText("Backtest: analysing");
			assertThat(page.locator("#csv-link")).isHidden();
			page.locator("#job").screenshot(new Locator.ScreenshotOptions().setPath(Paths.get("target/analytics-job-running.png")));

			heldPolls.forEach(Route::resume);
			assertThat(page.locator("#status")).containsText("method=naive periods=3", timeout());
			assertThat(page.locator("#job-label")).containsText("Backtest: done in");
			assertThat(bar.evaluate("p => p.max === 3 && p.value === 3")).isEqualTo(true);
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel"))).isHidden();
			assertThat(page.locator("#chart-panel")).isVisible();
			assertThat(page.locator("#results thead")).containsText("pai_1");
			assertThat(page.locator("#results tbody tr")).hasCount(3);
			// the first week holds every counted incident of 1 to 3 December
			assertThat(page.locator("#results tbody tr").first()).containsText("2020-11-30");
			assertThat(page.locator("#results tbody tr").first().locator("td").nth(1)).hasText("253");
			assertThat(page.locator("#csv-link")).isVisible();
			assertThat(page.locator("#csv-link")).hasAttribute("href", Pattern.compile("/analytics/data/jobs/[0-9a-f-]+/result\\?format=csv$"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/analytics-backtest.png")).setFullPage(true));

			assertThat(problems).as("console errors and failed requests").isEmpty();
		}
	}

	/**
	 * The form shows each method's own settings only: the kernel for a density, the bands, permutations and seed
	 * for Knox. A density with the Gaussian kernel picked says so in its summary, and Knox labels its bands.
	 */
	@Test
	void sendsTheSettingsOfTheChosenMethodOnly() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1100))) {
			Page page = context.newPage();
			List<String> problems = watch(page);
			logIn(page);
			List<String> started = new CopyOnWriteArrayList<>();
			page.onRequest(request -> {
				if (request.method().equals("POST") && request.url().contains("/analytics/data/jobs/")) {
					started.add(request.url());
				}
			});

			page.navigate(url("/analytics"));
			page.getByLabel("Method", new Page.GetByLabelOptions().setExact(true)).selectOption("kde");
			assertThat(page.getByLabel("Kernel", EXACT)).isVisible();
			assertThat(page.getByLabel("Permutations", EXACT)).isHidden();
			assertThat(page.getByLabel("Units to place", EXACT)).isHidden();
			page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2020-12-01");
			page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2020-12-31");
			page.getByLabel("Cell size (m)").fill("300");
			page.getByLabel("Kernel", EXACT).selectOption("gaussian");
			page.getByText("Analyse", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("#status")).containsText("kernel=gaussian", timeout());
			assertThat(started.get(0)).contains("/jobs/kde?").contains("kernel=gaussian").doesNotContain("permutations");

			page.getByLabel("Method", new Page.GetByLabelOptions().setExact(true)).selectOption("knox");
			assertThat(page.getByLabel("Kernel", EXACT)).isHidden();
			assertThat(page.getByLabel("Permutations", EXACT)).hasValue("99");
			assertThat(page.getByLabel("Distance bands (m, from 0)", EXACT)).hasValue("0,100,200,400,800");
			page.getByLabel("Distance bands (m, from 0)", EXACT).fill("0,250");
			page.getByLabel("Permutations", EXACT).fill("9");
			page.getByLabel("Seed", EXACT).fill("42");
			page.getByText("Analyse", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("#status")).containsText("permutations=9 seed=42", timeout());
			assertThat(page.locator("#results thead th").first()).hasText("space_band");
			assertThat(page.locator("#results tbody tr").first().locator("td").first()).hasText("[0, 250) m");
			assertThat(started.get(1)).contains("/jobs/knox?").contains("bands=0%2C250").doesNotContain("kernel");

			assertThat(problems).as("console errors and failed requests").isEmpty();
		}
	}

	/**
	 * Each emerging category has its own colour and the legend lists only those the result holds. The run is
	 * real; its map layer is replaced by cells of three hot categories and no pattern, since the December
	 * excerpt spans three days and cannot hold several hot patterns.
	 */
	@Test
	void coloursEachEmergingCategoryAndListsOnlyThosePresent() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1100))) {
			Page page = context.newPage();
			List<String> problems = watch(page);
			logIn(page);
			page.route(u -> u.contains("/result?format=geojson"), route -> route.fulfill(new Route.FulfillOptions()
				.setStatus(200).setContentType("application/geo+json").setBody(emergingCells("persistent_hot", "new_hot",
						"sporadic_hot", "no_pattern", "new_hot"))));

			page.navigate(url("/analytics"));
			page.getByLabel("Method", new Page.GetByLabelOptions().setExact(true)).selectOption("emerging");
			page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2020-11-30");
			page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2020-12-20");
			page.getByLabel("Period", EXACT).selectOption("week");
			page.getByText("Analyse", new Page.GetByTextOptions().setExact(true)).click();

			Locator items = page.locator("#legend .legend-item");
			assertThat(items).hasCount(4, new LocatorAssertions.HasCountOptions().setTimeout(WAIT_MILLIS));
			assertThat(items.allInnerTexts().stream().map(String::trim).toList()).containsExactly("Persistent hot spot",
					"New hot spot", "Sporadic hot spot", "No pattern detected");
			// four swatches, four colours
			assertThat(page.locator("#legend .swatch").evaluateAll("s => new Set(s.map(e => e.style.background)).size"))
				.isEqualTo(4);
			assertThat(page.locator("#map path.leaflet-interactive")).hasCount(5);
			assertThat(page.locator("#map path[fill='#cb181d']")).hasCount(1);
			assertThat(page.locator("#map path[fill='#ef3b2c']")).hasCount(2);
			assertThat(page.locator("#map path[fill='#bdbdbd']")).hasCount(1);

			assertThat(problems).as("console errors and failed requests").isEmpty();
		}
	}

	/** One 0.001° square per category, in a row east from downtown St. Louis. */
	private static String emergingCells(String... categories) {
		StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
		for (int i = 0; i < categories.length; i++) {
			double west = -90.2 + i * 0.001;
			double east = west + 0.001;
			json.append(i > 0 ? "," : "").append(String.format(Locale.ROOT,
					"{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.3f,38.627],[%.3f,38.627],"
							+ "[%.3f,38.628],[%.3f,38.628],[%.3f,38.627]]]},\"properties\":{\"cell_row\":0,\"cell_col\":%d,"
							+ "\"count\":1,\"category\":\"%s\"}}",
					west, east, east, west, west, i, categories[i]));
		}
		return json.append("]}").toString();
	}

	private static List<String> watch(Page page) {
		List<String> problems = new CopyOnWriteArrayList<>();
		page.onConsoleMessage(message -> {
			// the site has no icon yet; the browser's own request for one is not the page's doing
			if (message.type().equals("error") && !message.location().contains("/favicon.ico")) {
				problems.add(message.text() + " at " + message.location());
			}
		});
		page.onPageError(problems::add);
		page.onResponse(response -> {
			if (response.status() >= 400 && !response.url().contains("/favicon.ico")) {
				problems.add(response.status() + " " + response.url());
			}
		});
		return problems;
	}

	private void logIn(Page page) {
		HeadlessChromium.signIn(page, url(""), USER, PASSWORD);
	}

	private static LocatorAssertions.ContainsTextOptions timeout() {
		return new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MILLIS);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static Path resource(String name) throws IOException {
		return new ClassPathResource(name).getFile().toPath();
	}
}
