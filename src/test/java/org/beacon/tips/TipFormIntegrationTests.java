package org.beacon.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.beacon.agency.Agencies;
import org.beacon.reports.CommunityIntegrationTest;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The resident's tip form: receipt on success, clear errors otherwise, images cleaned, nothing identifying kept. */
@CommunityIntegrationTest
class TipFormIntegrationTests {

	static final Pattern CODE = Pattern.compile("id=\"receipt-code\">([0-9A-Z-]+)<");
	static final Pattern PASSPHRASE = Pattern.compile("id=\"receipt-passphrase\">([0-9A-Z-]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tips tips;

	@Autowired
	Agencies agencies;

	@Test
	void formIsServedWithoutACookieAndWithAStrictContentSecurityPolicy() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/tips/new")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("Give a tip").contains("name=\"description\"")
				.doesNotContain("_csrf");
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void acceptedTipShowsTheReceiptTwiceWithAQrCodeAndSetsNoCookie() throws Exception {
		MockHttpServletResponse response = mvc.perform(multipart("/tips/new").param("category", "drugs")
				.param("description", "Sales from a blue car parked behind the laundromat, evenings")
				.param("location", "Behind the laundromat on Grand").param("occurred", "most evenings after 8"))
				.andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		String page = response.getContentAsString();
		String code = first(CODE, page);
		String passphrase = first(PASSPHRASE, page);
		assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(passphrase).matches("([0-9A-Z]{5}-){3}[0-9A-Z]{5}");
		assertThat(countOf(page, code)).as("receipt number shown twice").isGreaterThanOrEqualTo(2);
		assertThat(countOf(page, passphrase)).as("passphrase shown twice").isGreaterThanOrEqualTo(2);
		assertThat(page).contains("<svg").contains("aria-label=\"QR code holding your receipt number and passphrase\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM receipt WHERE code = :c").param("c", code.replace("-", ""))
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void storedTipKeepsItsTextButOnlyTheHourItArrived() throws Exception {
		String text = "Needles thrown over the fence of the school yard " + System.nanoTime();
		mvc.perform(multipart("/tips/new").param("description", text)).andReturn();

		OffsetDateTime received = jdbc.sql("SELECT received_at FROM tip WHERE body = :b").param("b", text)
				.query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single();
		String category = jdbc.sql("SELECT category FROM tip WHERE body = :b").param("b", text).query(String.class).single();

		assertThat(received.truncatedTo(ChronoUnit.HOURS).toInstant()).isEqualTo(received.toInstant());
		assertThat(category).isEqualTo("other");
	}

	@Test
	void theFormPreselectsNoCategory() throws Exception {
		String page = mvc.perform(get("/tips/new")).andReturn().getResponse().getContentAsString();

		Matcher select = Pattern.compile("<select id=\"category\"[^>]*>\\s*<option([^>]*)>([^<]*)</option>")
				.matcher(page);
		assertThat(select.find()).isTrue();
		assertThat(select.group(1)).contains("value=\"\"").contains("selected");
		assertThat(select.group(2)).isEqualTo("Not sure, or something else");
		assertThat(page).doesNotContainPattern("<option[^>]*selected[^>]*value=\"drugs");
	}

	@Test
	void noStoredTimeOfTheTipOrItsReceiptGivesAwayTheMinute() throws Exception {
		String text = "Car broken into on the corner " + System.nanoTime();
		mvc.perform(multipart("/tips/new").param("description", text)).andReturn();

		List<OffsetDateTime> times = jdbc.sql("""
				SELECT t.received_at, t.updated_at, r.created_at, r.expires_at
				FROM tip t JOIN receipt r ON r.id = t.receipt_id WHERE t.body = :b
				""").param("b", text).query((rs, n) -> List.of(rs.getObject(1, OffsetDateTime.class),
						rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class),
						rs.getObject(4, OffsetDateTime.class))).single();

		// the receipt's expiry used to be the exact moment plus its lifetime, so subtracting gave the minute
		assertThat(times).allSatisfy(t -> assertThat(t.truncatedTo(ChronoUnit.HOURS).toInstant())
				.isEqualTo(t.toInstant()));
	}

	@Test
	void missingDescriptionIsRefusedWithTheFieldNamedAndTheTextKept() throws Exception {
		long before = tips();

		MockHttpServletResponse response = mvc.perform(multipart("/tips/new").param("category", "weapons")
				.param("location", "Fountain Park")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("description is required: tell us what happened")
				.contains("value=\"Fountain Park\"").contains("role=\"alert\"");
		assertThat(tips()).isEqualTo(before);
	}

	@Test
	void photoIsStoredWithoutExifAndTheOriginalIsSealedByteForByte() throws Exception {
		byte[] original = TipImages.jpegWithGps();
		String text = "Photo of the dumped syringes " + System.nanoTime();

		MockHttpServletResponse response = mvc.perform(multipart("/tips/new")
				.file(new MockMultipartFile("attachments", "IMG_2041.jpg", "image/jpeg", original))
				.param("description", text)).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		long tip = jdbc.sql("SELECT id FROM tip WHERE body = :b").param("b", text).query(Long.class).single();
		byte[] working = jdbc.sql("SELECT working_copy FROM tip_attachment WHERE tip_id = :t").param("t", tip)
				.query((rs, n) -> rs.getBytes(1)).single();
		var sealed = jdbc.sql("""
				SELECT o.original, o.sha256 FROM tip_attachment_original o JOIN tip_attachment a ON a.id = o.attachment_id
				WHERE a.tip_id = :t
				""").param("t", tip).query((rs, n) -> new Object[] { rs.getBytes(1), rs.getString(2) }).single();
		assertThat(TipImages.markers(working)).doesNotContain(0xE1);
		assertThat(TipImages.contains(working, "Exif")).isFalse();
		assertThat(TipImages.contains(working, TipImages.CAMERA_MODEL)).isFalse();
		assertThat((byte[]) sealed[0]).isEqualTo(original);
		assertThat(sealed[1]).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) LIKE 'tip_attachment%' "
				+ "AND LOWER(column_name) LIKE '%name%'").query(Long.class).single()).as("file names are not kept").isZero();
	}

	@Test
	void aPortraitPhonePhotoReachesStaffUprightWithoutItsOrientationTag() throws Exception {
		byte[] original = TipImages.portraitPhoneJpeg();
		String text = "Photo of the stairwell door, taken upright " + System.nanoTime();

		MockHttpServletResponse response = mvc.perform(multipart("/tips/new")
				.file(new MockMultipartFile("attachments", "IMG_2042.jpg", "image/jpeg", original))
				.param("description", text)).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		long tip = jdbc.sql("SELECT id FROM tip WHERE body = :b").param("b", text).query(Long.class).single();
		AgencyId agency = agencies.defaultAgency().id();
		TipDetail.Attachment attachment = tips.detail(agency, tip).orElseThrow().attachments().get(0);
		assertThat(List.of(attachment.width(), attachment.height())).as("stored 64 × 32, tagged 6").isEqualTo(List.of(32, 64));
		byte[] working = tips.workingCopy(agency, tip, attachment.id()).orElseThrow().bytes();
		BufferedImage seen = ImageIO.read(new ByteArrayInputStream(working));
		assertThat(List.of(seen.getWidth(), seen.getHeight())).isEqualTo(List.of(32, 64));
		// turned 90° clockwise, the stored bottom-left quadrant (blue) is now at the top left
		Color topLeft = new Color(seen.getRGB(0, 0));
		assertThat(topLeft.getBlue()).as("top left is blue: %s", topLeft).isGreaterThan(200);
		assertThat(topLeft.getRed() + topLeft.getGreen()).as("top left is blue: %s", topLeft).isLessThan(40);
		assertThat(TipImages.markers(working)).doesNotContain(0xE1);
		assertThat(TipImages.containsGpsPosition(working)).isFalse();
	}

	@Test
	void aFileThatIsNotAnImageIsRefusedAndNothingIsStored() throws Exception {
		long before = tips();

		MockHttpServletResponse response = mvc.perform(multipart("/tips/new")
				.file(new MockMultipartFile("attachments", "photo.jpg", "image/jpeg", "MZ not really a photo".getBytes()))
				.param("description", "The photo shows the car")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("image 1 is not an image (JPEG, PNG or GIF)")
				.contains("The photo shows the car");
		assertThat(tips()).isEqualTo(before);
	}

	@Test
	void tipDescribingSomeoneOnlyByRaceIsAcceptedButHeldWithTheExplanationShown() throws Exception {
		String text = "Some hispanic guys hanging out by the store " + System.nanoTime();

		MockHttpServletResponse response = mvc.perform(multipart("/tips/new").param("description", text)).andReturn()
				.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("Held for review: it describes someone only by race or ethnicity");
		assertThat(jdbc.sql("SELECT moderation FROM tip WHERE body = :b").param("b", text).query(String.class).single())
				.isEqualTo("held");
	}

	private long tips() {
		return jdbc.sql("SELECT COUNT(*) FROM tip").query(Long.class).single();
	}

	static String first(Pattern pattern, String page) {
		Matcher m = pattern.matcher(page);
		assertThat(m.find()).as("pattern %s in page", pattern).isTrue();
		return m.group(1);
	}

	static int countOf(String text, String needle) {
		int count = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
			count++;
		}
		return count;
	}
}
