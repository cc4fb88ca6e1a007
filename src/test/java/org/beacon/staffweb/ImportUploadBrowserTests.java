package org.beacon.staffweb;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beacon.HeadlessChromium;
import org.beacon.agency.Agencies;
import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * The import page's upload script in headless Chromium: with the upload throttled, the page shows a progress
 * bar of bytes sent while the file is still on its way, fills it when the last byte is sent, then continues to
 * the import job's progress view as the plain form post does. Runs with {@code -Pbrowser}. The same strict
 * Content Security Policy as {@link StaffHomeBrowserTests}: an inline script would be a console error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"beacon.map.tile-url=", "beacon.sessions.store=jdbc" })
@Import(StaffHomeBrowserTests.StrictContentSecurityPolicy.class)
class ImportUploadBrowserTests {

	static final String USER = "upload-analyst";
	static final String PASSWORD = "Passw0rd!upload";

	/** Long enough for a slow, shared CI machine. */
	private static final double WAIT_MILLIS = 60_000;

	/** Upload speed while throttled: the 55 kB St. Louis excerpt takes about three seconds. */
	private static final int UPLOAD_BYTES_PER_SECOND = 20_000;

	/**
	 * Records, across the page change that follows the upload, every value the upload progress bar takes
	 * ({@code value/max}), in the tab's session storage: the bar is gone once the job page has loaded.
	 */
	private static final String RECORD_UPLOAD_PROGRESS = """
			document.addEventListener('DOMContentLoaded', () => {
			  new MutationObserver(() => {
			    const bar = document.getElementById('upload-progress');
			    if (bar && !bar.closest('[hidden]')) {
			      const seen = JSON.parse(sessionStorage.getItem('uploadProgress') || '[]');
			      seen.push(bar.value + '/' + bar.max);
			      sessionStorage.setItem('uploadProgress', JSON.stringify(seen));
			    }
			  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['value', 'max', 'hidden'] });
			});""";

	static HeadlessChromium chromium;
	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	void createAnalyst(StaffAccounts accounts, Agencies agencies) {
		if (accounts.findByUsername(USER).isEmpty()) {
			accounts.create(new NewStaffAccount(agencies.defaultAgency().id(), USER, "Upload analyst",
					Set.of(Role.ANALYST), PASSWORD, false));
		}
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
	void showsUploadProgressThenTheImportJob() throws IOException {
		try (BrowserContext context = browser.newContext()) {
			Page page = context.newPage();
			logIn(page);
			List<String> problems = new CopyOnWriteArrayList<>();
			page.onConsoleMessage(message -> {
				if (message.type().equals("error") && !message.location().contains("/favicon.ico")) {
					problems.add(message.text() + " at " + message.location());
				}
			});
			page.onPageError(problems::add);
			page.addInitScript(RECORD_UPLOAD_PROGRESS);
			page.navigate(url("/import"));
			throttleUploads(context.newCDPSession(page));

			page.getByLabel("CSV file (.csv or .csv.gz)").setInputFiles(resource("staffweb/stl-sample.csv"));
			page.getByText("Upload and import").click();

			// while the file is on its way: part of it sent, said in bytes and percent
			page.waitForFunction("() => { const bar = document.getElementById('upload-progress');"
					+ " return bar && bar.value > 0 && bar.value < bar.max; }", null,
					new Page.WaitForFunctionOptions().setTimeout(WAIT_MILLIS));
			assertThat(page.locator("#upload-text")).containsText(" bytes sent (");
			assertThat(page.getByText("Upload and import")).isDisabled();

			page.waitForURL("**/import?job=*", new Page.WaitForURLOptions().setTimeout(WAIT_MILLIS));
			assertThat(page.locator("#job .job-summary")).containsText("read=300",
					new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MILLIS));
			@SuppressWarnings("unchecked")
			List<String> seen = (List<String>) page.evaluate("JSON.parse(sessionStorage.getItem('uploadProgress'))");
			String last = seen.get(seen.size() - 1);
			String max = last.substring(last.indexOf('/') + 1);
			assertThat(Long.parseLong(max)).as("request bytes").isGreaterThan(55_000);
			assertThat(last).as("the bar's last value before the job page").isEqualTo(max + "/" + max);
			assertThat(seen).as("values in between").anyMatch(v -> !v.startsWith("0/") && !v.equals(last));
			assertThat(problems).as("console errors, e.g. CSP violations").isEmpty();
		}
	}

	/** Chromium's own network throttling (DevTools protocol), uploads only. */
	private static void throttleUploads(CDPSession cdp) {
		cdp.send("Network.enable");
		JsonObject conditions = new JsonObject();
		conditions.addProperty("offline", false);
		conditions.addProperty("latency", 0);
		conditions.addProperty("downloadThroughput", -1);
		conditions.addProperty("uploadThroughput", UPLOAD_BYTES_PER_SECOND);
		cdp.send("Network.emulateNetworkConditions", conditions);
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
}
