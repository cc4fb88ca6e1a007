package org.beacon.publicsafety;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.HeadlessChromium;
import org.beacon.agency.Agencies;
import org.beacon.geography.Area;
import org.beacon.geography.AreaFixtures;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.incidents.OffenseCategory;
import org.beacon.publicsafety.internal.AlertSubscriptions;
import org.beacon.publicsafety.internal.Subscription;
import org.beacon.publicsafety.internal.SubscriptionRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * "The public pages work with a keyboard and a screen reader": in headless Chromium a resident with a keyboard
 * alone (Tab, arrow keys within a radio group, Space, Enter, typing; never a click) subscribes on
 * {@code /public/alerts} to a neighbourhood, one category and a daily digest, the confirmation arrives at a real
 * SMTP server (GreenMail), and the link in it, opened in the browser, confirms the subscription. Every control the
 * Tab key reaches on the form has an accessible name, and the pages log no console error. Runs with
 * {@code -Pbrowser}; the map draws no tiles ({@code beacon.map.tile-url} empty) so nothing leaves the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "beacon.map.tile-url=", "beacon.alerts.scheduling.enabled=false",
				"beacon.overdose.scheduling.enabled=false", "spring.mail.host=127.0.0.1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertSubscriptionKeyboardBrowserTests {

	/** More Tab presses than the page has controls before the one looked for. */
	private static final int MAX_TABS = 80;

	static final int HTTP_PORT = freePort();

	static final int SMTP_PORT = freePort();

	static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> HTTP_PORT);
		registry.add("spring.mail.port", () -> SMTP_PORT);
		// the links in the e-mails lead to this server, so the browser opens the link exactly as mailed
		registry.add("beacon.alerts.base-url", () -> "http://localhost:" + HTTP_PORT);
	}

	@Autowired
	SubscriptionRepository repository;

	@Autowired
	AlertSubscriptions subscriptions;

	HeadlessChromium chromium;

	Browser browser;

	Area kingswayWest;

	@Autowired
	void neighbourhoods(Geography geography, Agencies agencies) {
		var agency = agencies.defaultAgency().id();
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		kingswayWest = geography.areas(agency, AreaKind.NEIGHBOURHOOD).stream()
				.filter(a -> a.name().equals("Kingsway West")).findFirst().orElseThrow();
	}

	@BeforeAll
	void launch() {
		MAIL.start();
		chromium = HeadlessChromium.launch();
		browser = chromium.browser();
	}

	@AfterAll
	void close() {
		if (chromium != null) {
			chromium.close();
		}
		MAIL.stop();
	}

	@Test
	void aKeyboardAloneSubscribesToANeighbourhoodAndConfirmsThroughTheMailedLink() throws Exception {
		String address = "keyboard-" + HTTP_PORT + "@example.org";
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			List<String> errors = new CopyOnWriteArrayList<>();
			page.onConsoleMessage(m -> {
				// Beacon has no favicon; Chromium asks for one anyway
				if ("error".equals(m.type()) && !m.location().contains("/favicon.ico")) {
					errors.add(m.text() + " at " + m.location());
				}
			});
			page.onPageError(errors::add);
			Map<String, String> reached = new LinkedHashMap<>();
			page.navigate("http://localhost:" + HTTP_PORT + "/public/alerts");

			tabTo(page, page.getByLabel("E-mail address"), reached);
			page.keyboard().type(address);

			tabTo(page, page.getByLabel("A neighbourhood"), reached);
			page.keyboard().press("Space");
			assertThat(page.getByLabel("A neighbourhood")).isChecked();
			Locator neighbourhood = page.getByLabel("Neighbourhood", new Page.GetByLabelOptions().setExact(true));
			tabTo(page, neighbourhood, reached);
			// a closed list box selects the option whose name starts with what is typed
			page.keyboard().type("Kingsway");
			assertThat(neighbourhood).hasValue(Long.toString(kingswayWest.id()));

			Locator burglary = page.getByLabel(OffenseCategory.BURGLARY.label(), new Page.GetByLabelOptions().setExact(true));
			tabTo(page, burglary, reached);
			page.keyboard().press("Space");
			assertThat(burglary).isChecked();

			// Tab enters the frequency group at its checked radio (Weekly); an arrow key moves the choice to Daily
			tabTo(page, page.getByLabel("Weekly"), reached);
			page.keyboard().press("ArrowLeft");
			assertThat(page.getByLabel("Daily")).isChecked();
			assertThat(page.getByLabel("Daily")).isFocused();

			tabTo(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the confirmation link")),
					reached);
			page.keyboard().press("Enter");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your e-mail")))
					.isVisible();

			assertThat(reached).as("form controls reached by Tab, by their accessible names").allSatisfy(
					(element, name) -> assertThat(name).as(element).matches("- \\w+ \"[^\"]+\".*"));
			// the drawing map is announced as a named region, and Tab passes through it to the rest of the form
			assertThat(reached).containsEntry("div#alerts-map", "- region \"Map for drawing an area; optional\":")
					.containsKeys("button#clear-polygon", "textarea#polygon");

			await().atMost(Duration.ofSeconds(30)).until(() -> confirmations(address).size() == 1);
			String link = confirmLink(confirmations(address).get(0));
			assertThat(link).startsWith("http://localhost:" + HTTP_PORT + "/public/alerts/confirm?token=");
			Subscription pending = subscriptions.byConfirmToken(link.substring(link.indexOf("token=") + 6)).orElseThrow();
			assertThat(pending.state()).isEqualTo("PENDING");

			page.navigate(link);
			Locator confirm = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm"));
			tabTo(page, confirm, reached);
			page.keyboard().press("Enter");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your alerts are on")))
					.isVisible();

			Subscription confirmed = repository.find(pending.id()).orElseThrow();
			assertThat(confirmed.state()).isEqualTo("ACTIVE");
			assertThat(confirmed.email()).isEqualTo(address);
			assertThat(confirmed.place()).isEqualTo(AlertPlace.NEIGHBOURHOOD);
			assertThat(confirmed.neighbourhoodId()).isEqualTo(kingswayWest.id());
			assertThat(confirmed.categories()).isEqualTo(Set.of(OffenseCategory.BURGLARY));
			assertThat(confirmed.frequency()).isEqualTo(Subscription.Frequency.DAILY);
			assertThat(confirmed.onlyAboveUsual()).isFalse();
			assertThat(errors).as("console errors").isEmpty();
		}
	}

	@Test
	void aKeyboardAloneDrawsAnAreaOnTheMapAndSubscribesToIt() throws Exception {
		String address = "drawing-" + HTTP_PORT + "@example.org";
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			List<String> errors = new CopyOnWriteArrayList<>();
			page.onPageError(errors::add);
			Map<String, String> reached = new LinkedHashMap<>();
			page.navigate("http://localhost:" + HTTP_PORT + "/public/alerts");
			tabTo(page, page.getByLabel("E-mail address"), reached);
			page.keyboard().type(address);

			// on the map: Enter adds the point under the cross, the arrow keys move the map between corners
			Locator map = page.locator("#alerts-map.leaflet-container");
			map.waitFor();
			tabTo(page, map, reached);
			Locator status = page.getByRole(AriaRole.STATUS);
			page.keyboard().press("Enter");
			assertThat(status).hasText("Corner 1 added: an area needs at least 3.");
			page.keyboard().press("ArrowRight");
			page.keyboard().press("Enter");
			// Leaflet ignores an arrow key while a pan still moves the map; Enter waits for the map to rest
			assertThat(status).hasText("Corner 2 added: an area needs at least 3.");
			page.keyboard().press("ArrowDown");
			page.keyboard().press("Enter");
			assertThat(status).hasText("Corner 3 added: the area has 3 corners.");

			assertThat(page.getByLabel("An area I draw")).isChecked();
			String polygon = page.getByLabel("Area as GeoJSON").inputValue();
			assertThat(polygon).startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[");
			List<double[]> ring = ring(polygon);
			assertThat(ring).as("three corners and the first again").hasSize(4);
			assertThat(ring.get(3)).isEqualTo(ring.get(0));
			assertThat(ring.get(1)[0]).as("ArrowRight moved the map east").isGreaterThan(ring.get(0)[0]);
			assertThat(ring.get(2)[1]).as("ArrowDown moved the map south: " + polygon).isLessThan(ring.get(1)[1]);

			tabTo(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the confirmation link")),
					reached);
			page.keyboard().press("Enter");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your e-mail")))
					.isVisible();
			await().atMost(Duration.ofSeconds(30)).until(() -> confirmations(address).size() == 1);
			String link = confirmLink(confirmations(address).get(0));
			Subscription pending = subscriptions.byConfirmToken(link.substring(link.indexOf("token=") + 6)).orElseThrow();
			assertThat(pending.place()).isEqualTo(AlertPlace.POLYGON);
			assertThat(ring(pending.polygonGeoJson())).as("the area drawn is the area kept")
					.usingElementComparator((a, b) -> Arrays.equals(a, b) ? 0 : 1).containsExactlyElementsOf(ring);
			assertThat(reached).containsKeys("button#add-corner", "button#use-centre");
			assertThat(errors).as("page errors").isEmpty();
		}
	}

	@Test
	void theButtonSetsAroundAPointToThePointUnderTheCross() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			page.navigate("http://localhost:" + HTTP_PORT + "/public/alerts");
			page.locator("#alerts-map.leaflet-container").waitFor();
			Map<String, String> reached = new LinkedHashMap<>();
			tabTo(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
					"Use the point under the cross for \"Around a point\"")), reached);
			page.keyboard().press("Enter");

			assertThat(page.getByLabel("Around a point")).isChecked();
			assertThat(page.getByLabel("latitude")).hasValue("38.630000");
			assertThat(page.getByLabel("longitude")).hasValue("-90.240000");
			assertThat(page.getByRole(AriaRole.STATUS)).hasText("\"Around a point\" set to 38.630000, -90.240000.");
		}
	}

	/** The positions of a GeoJSON polygon's outer ring, as [lon, lat]. */
	private static List<double[]> ring(String polygon) {
		List<double[]> positions = new ArrayList<>();
		Matcher m = Pattern.compile("\\[(-?[0-9.]+),\\s*(-?[0-9.]+)\\]").matcher(polygon);
		while (m.find()) {
			positions.add(new double[] { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)) });
		}
		return positions;
	}

	/**
	 * Presses Tab until {@code target} has the focus, recording each form control passed on the way (a tag, an
	 * id and the control's line of the accessibility tree: its role and accessible name).
	 */
	private static void tabTo(Page page, Locator target, Map<String, String> reached) {
		for (int i = 0; i < MAX_TABS; i++) {
			Locator focused = page.locator(":focus");
			if (focused.count() == 1) {
				String key = (String) focused.evaluate("e => e.closest('form') || e.id === 'alerts-map'"
						+ " ? e.tagName.toLowerCase() + '#' + (e.id || e.getAttribute('aria-label') || e.textContent.trim())"
						+ " : null");
				if (key != null) {
					reached.putIfAbsent(key, focused.ariaSnapshot().lines().findFirst().orElse(""));
				}
				if ((Boolean) target.evaluate("e => e === document.activeElement")) {
					return;
				}
			}
			page.keyboard().press("Tab");
		}
		throw new AssertionError("Tab never reached " + target);
	}

	private static List<MimeMessage> confirmations(String address) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage m : MAIL.getReceivedMessages()) {
			try {
				if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)
						&& m.getSubject().startsWith("Confirm")) {
					found.add(m);
				}
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}
		return found;
	}

	private static String confirmLink(MimeMessage message) {
		return GreenMailUtil.getBody(message).replace("=\r\n", "")
				.replaceAll("(?s).*?(http\\S+/public/alerts/confirm\\?token=[A-Za-z0-9_-]+).*", "$1");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
