package org.beacon;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's chromium, headless, driven by Playwright for the {@code *BrowserTests}: {@code CHROMIUM_PATH} or
 * {@code /usr/bin/chromium}; Playwright never downloads a browser of its own.
 */
public final class HeadlessChromium implements AutoCloseable {

	private final Playwright playwright;
	private final Browser browser;

	private HeadlessChromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	public static HeadlessChromium launch() {
		Playwright playwright = Playwright.create(new Playwright.CreateOptions()
				.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
		try {
			return new HeadlessChromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
					.setHeadless(true).setExecutablePath(Paths.get(chromium)).setArgs(List.of("--no-sandbox",
							"--disable-gpu", "--disable-background-networking", "--disable-component-update"))));
		}
		catch (RuntimeException e) {
			playwright.close();
			throw e;
		}
	}

	public Browser browser() {
		return browser;
	}

	/**
	 * Signs in through Beacon's login form at {@code baseUrl} ({@code http://localhost:PORT}) and waits until the
	 * browser has left the form for a Beacon page.
	 */
	public static void signIn(Page page, String baseUrl, String username, String password) {
		page.navigate(baseUrl + "/login");
		page.locator("input[name=username]").fill(username);
		page.locator("input[name=password]").fill(password);
		page.locator("form button[type=submit], form input[type=submit]").first().click();
		page.waitForURL(baseUrl + "/**");
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}
}
