package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import org.beacon.agency.Agencies;
import org.beacon.reports.internal.FormTokens;
import org.beacon.reports.internal.Moderation;
import org.beacon.reports.internal.ServiceRequestRepository;
import org.beacon.reports.internal.ServiceRequestService;
import org.beacon.reports.internal.StoredRequest;
import org.beacon.tips.TipImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/** A photo sent with a web report: cleaned of its metadata for staff, the original sealed, never public. */
@CommunityIntegrationTest
@Import(StaffChainForTests.class)
class ReportPhotoIntegrationTests {

	static final UserRequestPostProcessor OFFICER = user("officer1").roles("OFFICER");
	static final UserRequestPostProcessor SUPERVISOR = user("super1").roles("SUPERVISOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Agencies agencies;

	@Autowired
	ServiceRequestRepository repository;

	@Autowired
	ServiceRequestService requests;

	@Autowired
	FormTokens tokens;

	@Autowired
	StaffChainForTests.RecordingAuditTrail audit;

	@Test
	void staffGetACopyWithoutGpsAndSupervisorsTheSealedOriginal() throws Exception {
		byte[] original = TipImages.jpegWithGps();
		assertThat(TipImages.contains(original, "Exif")).as("the upload carries EXIF").isTrue();

		StoredRequest r = send(original, "Broken bench in the park");

		String detail = mvc.perform(get("/staff/reports/requests/" + r.publicId()).with(OFFICER)).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains("id=\"report-photo\"", "/staff/reports/requests/" + r.publicId() + "/photo",
				"64 × 48", sha256(original));
		MockHttpServletResponse copy = mvc.perform(get("/staff/reports/requests/" + r.publicId() + "/photo")
				.with(OFFICER)).andReturn().getResponse();
		assertThat(copy.getStatus()).isEqualTo(200);
		assertThat(copy.getContentType()).isEqualTo("image/jpeg");
		byte[] cleaned = copy.getContentAsByteArray();
		assertThat(cleaned[0] & 0xFF).isEqualTo(0xFF);
		assertThat(cleaned[1] & 0xFF).isEqualTo(0xD8);
		assertThat(TipImages.markers(cleaned)).doesNotContain(0xE1);
		assertThat(TipImages.contains(cleaned, "Exif")).isFalse();
		assertThat(TipImages.contains(cleaned, TipImages.CAMERA_MODEL)).isFalse();

		MockHttpServletResponse refused = mvc.perform(get("/staff/reports/requests/" + r.publicId() + "/photo/original")
				.with(OFFICER)).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		MockHttpServletResponse sealed = mvc.perform(get("/staff/reports/requests/" + r.publicId() + "/photo/original")
				.with(SUPERVISOR)).andReturn().getResponse();
		assertThat(sealed.getContentAsByteArray()).isEqualTo(original);
		assertThat(sealed.getHeader("X-Content-SHA256")).isEqualTo(sha256(original));
		assertThat(audit.entries()).contains("reports.photo.original.read service_request:" + r.publicId() + " success");
	}

	@Test
	void refusesANonImageNamingThePhotoFieldAndStoresNothing() throws Exception {
		long reports = count("service_request");
		long photos = count("service_request_photo");

		MockHttpServletResponse response = mvc.perform(multipart("/report")
				.file(new MockMultipartFile("photo", "notes.jpg", "image/jpeg", "not a picture at all".getBytes()))
				.param("service", "other").param("description", "Fly-tipping behind the shops").param("lat", "38.6")
				.param("lon", "-90.2").param("_csrf", tokens.issue())).andReturn().getResponse();

		String page = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(page).contains("id=\"photo-error\">photo is not an image (JPEG, PNG or GIF)</p>")
				.contains(">Fly-tipping behind the shops</textarea>").contains("enctype=\"multipart/form-data\"");
		assertThat(count("service_request")).isEqualTo(reports);
		assertThat(count("service_request_photo")).isEqualTo(photos);
	}

	@Test
	void theFollowPageAndOpen311NeverMentionThePhoto() throws Exception {
		byte[] original = TipImages.jpegWithGps();
		StoredRequest r = requests.moderate(send(original, "Graffiti on the bus shelter"), Moderation.APPROVED, null,
				"moderator");

		String follow = mvc.perform(get("/report/" + r.publicId())).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		String open311 = mvc.perform(get("/open311/v2/requests/" + r.publicId() + ".json").param("extensions", "true"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String list = mvc.perform(get("/open311/v2/requests.json")).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);

		assertThat(follow).contains("Report " + r.publicId(), "Graffiti on the bus shelter");
		assertThat(follow.toLowerCase(Locale.ROOT)).doesNotContain("photo", sha256(original));
		assertThat(open311).contains(r.publicId(), "Graffiti on the bus shelter");
		assertThat(open311.toLowerCase(Locale.ROOT)).doesNotContain("photo", sha256(original));
		assertThat(open311).doesNotContain("\"media_url\":\"");
		assertThat(list.toLowerCase(Locale.ROOT)).doesNotContain("photo");
		MockHttpServletResponse anonymous = mvc.perform(get("/staff/reports/requests/" + r.publicId() + "/photo"))
				.andReturn().getResponse();
		assertThat(anonymous.getContentType()).isNotEqualTo("image/jpeg");
		assertThat(anonymous.getStatus()).isNotEqualTo(200);
	}

	private StoredRequest send(byte[] photo, String description) throws Exception {
		MockHttpServletResponse response = mvc.perform(multipart("/report")
				.file(new MockMultipartFile("photo", "IMG_0001.jpg", "image/jpeg", photo)).param("service", "other")
				.param("description", description).param("lat", "38.60028").param("lon", "-90.24800")
				.param("_csrf", tokens.issue())).andReturn().getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(200);
		int at = body.indexOf("id=\"report-id\">") + "id=\"report-id\">".length();
		String id = body.substring(at, body.indexOf('<', at));
		return repository.byPublicId(agencies.defaultAgency().id(), id).orElseThrow();
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
