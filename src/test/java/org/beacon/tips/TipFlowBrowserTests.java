package org.beacon.tips;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.beacon.agency.Agencies;
import org.beacon.HeadlessChromium;
import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The resident's tip flow in headless Chromium against the running application: give a tip with a photo,
 * keep the receipt, come back, read the staff question, answer it. No cookie at any step, and no console
 * errors (a content-security-policy violation would show as one). A portrait phone photo (EXIF Orientation 6)
 * reaches the staff tip page upright. Run with {@code ./mvnw test -Pbrowser};
 * Chromium comes from {@code CHROMIUM_PATH} or {@code /usr/bin/chromium}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "beacon.sessions.store=jdbc", "beacon.tips.passphrase-iterations=1000", "beacon.anonymous.writes-per-client=1000",
				"beacon.anonymous.reads-per-client=1000", "beacon.anonymous.receipt-checks-per-client=1000" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TipFlowBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Tips tips;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	HeadlessChromium chromium;
	Browser browser;

	static final String OFFICER = "tipofficer";
	static final String PASSWORD = "Passw0rd!tipofficer";

	@Autowired
	void createOfficer(StaffAccounts accounts, Agencies agencyDirectory) {
		if (accounts.findByUsername(OFFICER).isEmpty()) {
			accounts.create(new NewStaffAccount(agencyDirectory.defaultAgency().id(), OFFICER, "Tip officer", Set.of(Role.OFFICER),
					PASSWORD, false));
		}
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
	void residentGivesATipWithAPhotoThenAnswersAStaffQuestionWithTheReceipt() throws Exception {
		BrowserContext context = browser.newContext();
		Page page = context.newPage();
		List<String> consoleErrors = new ArrayList<>();
		page.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				consoleErrors.add(m.text());
			}
		});
		Path photo = Files.createTempFile("tip-photo", ".jpg");
		Files.write(photo, TipImages.jpegWithGps());
		String text = "Cars stop at the corner of Pine and 14th and hand packages through the window, most nights "
				+ System.nanoTime();

		giveTip(page, text, photo);

		assertThat(page.locator("h1").textContent()).isEqualTo("Thank you. Keep this receipt.");
		String code = page.locator("#receipt-code").textContent();
		String passphrase = page.locator("#receipt-passphrase").textContent();
		assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(page.locator("#printable-receipt svg").isVisible()).isTrue();
		assertThat(page.locator("#print-receipt").isVisible()).as("tips.js ran under the CSP").isTrue();

		long tipId = jdbc.sql("SELECT id FROM tip WHERE body = :b").param("b", text).query(Long.class).single();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM tip_attachment WHERE tip_id = :t").param("t", tipId).query(Long.class)
				.single()).isEqualTo(1);
		try (BrowserContext staff = browser.newContext()) {
			Page officer = staff.newPage();
			signIn(officer);
			officer.navigate(url("/staff/reports/tips/" + tipId));
			// the photo as staff are served it: the working copy, without EXIF or GPS
			String src = officer.locator("figure img").first().getAttribute("src");
			byte[] served = staff.request().get(url(src.startsWith("/") ? src : "/" + src)).body();
			assertThat(TipImages.containsGpsPosition(served)).as("GPS in the photo served to staff").isFalse();
			assertThat(TipImages.contains(served, "Exif")).as("EXIF in the photo served to staff").isFalse();
			officer.getByLabel("Ask the tipster (appears in their receipt dialogue)")
					.fill("Do the cars come from the north or the south?");
			officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask")).click();
			officer.waitForLoadState();
		}

		page.navigate(url("/tips/receipt"));
		page.getByLabel("Receipt number").fill(code.toLowerCase().replace("-", " "));
		page.getByLabel("Passphrase").fill(passphrase);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open")).click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Conversation about your tip");
		assertThat(page.content()).contains("Do the cars come from the north or the south?").doesNotContain("Pine and 14th");

		page.getByLabel("Your answer or anything new").fill("From the north, off Market Street.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
		assertThat(page.content()).contains("Your message was sent.").contains("From the north, off Market Street.");

		assertThat(context.cookies()).as("no cookie at any step").isEmpty();
		assertThat(consoleErrors).isEmpty();
		assertThat(tips.detail(agencies.defaultAgency().id(), tipId).orElseThrow().dialogue())
				.extracting(DialogueMessage::body).containsExactly("Do the cars come from the north or the south?",
						"From the north, off Market Street.");
		context.close();
	}

	@Test
	void aPortraitPhonePhotoIsUprightOnTheStaffTipPage() throws Exception {
		Path photo = Files.createTempFile("tip-photo", ".jpg");
		// stored 64 × 32 with Orientation 6, as a phone held upright writes it
		Files.write(photo, TipImages.portraitPhoneJpeg());
		String text = "The back door of the vacant house on Olive is open and people go in at night "
				+ System.nanoTime();
		try (BrowserContext resident = browser.newContext()) {
			Page page = resident.newPage();
			giveTip(page, text, photo);
			assertThat(page.locator("h1").textContent()).isEqualTo("Thank you. Keep this receipt.");
		}
		long tipId = jdbc.sql("SELECT id FROM tip WHERE body = :b").param("b", text).query(Long.class).single();

		try (BrowserContext staff = browser.newContext()) {
			Page page = staff.newPage();
			signIn(page);
			page.navigate(url("/staff/reports/tips/" + tipId));

			// the working copy has no EXIF, so these are its pixel sides whatever the browser does with tags
			Object sides = page.locator("figure img").first()
					.evaluate("img => img.decode().then(() => img.naturalWidth + ' x ' + img.naturalHeight)");
			assertThat(sides).as("width x height of the image staff see").isEqualTo("32 x 64");
			assertThat(page.locator("figcaption").first().textContent()).contains("32 × 64");
		}
	}

	@Test
	void aWrongPassphraseIsRefusedPolitely() {
		BrowserContext context = browser.newContext();
		Page page = context.newPage();

		page.navigate(url("/tips/receipt"));
		page.getByLabel("Receipt number").fill("0000-0000-0000");
		page.getByLabel("Passphrase").fill("AAAAA-BBBBB-CCCCC-DDDDD");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open")).click();

		assertThat(page.getByRole(AriaRole.ALERT).textContent())
				.isEqualTo("That receipt number and passphrase do not match. Check them and try again.");
		context.close();
	}

	private void giveTip(Page page, String text, Path photo) {
		page.navigate(url("/tips"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Give a tip")).click();
		page.getByLabel("What is it about?").selectOption("drugs");
		page.getByLabel("What happened?").fill(text);
		page.getByLabel("Where?").fill("Pine and 14th");
		page.getByLabel("Photos").setInputFiles(photo);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send tip")).click();
	}

	private void signIn(Page page) {
		HeadlessChromium.signIn(page, url(""), OFFICER, PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
