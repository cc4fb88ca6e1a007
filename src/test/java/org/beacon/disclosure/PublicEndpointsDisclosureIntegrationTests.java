package org.beacon.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.IncidentImports;
import org.beacon.incidents.IncidentRow;
import org.beacon.reports.internal.ApiKeys;
import org.beacon.reports.internal.Moderation;
import org.beacon.reports.internal.RequestState;
import org.beacon.reports.internal.ServiceRequestRepository;
import org.beacon.reports.internal.ServiceRequestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.ObjectMapper;

/**
 * Every public endpoint goes through {@link PublicDisclosure}. The test finds the public endpoints itself: every
 * handler method of the application whose path an anonymous visitor may use under the security chains as
 * configured. Each is either
 * <ul>
 * <li>an endpoint that shows recorded data (incidents, reports, updates, notices): it is called with real data
 * in the database, must answer 200, must have asked {@link PublicDisclosure} to disclose something, and its body
 * must carry a value {@code PublicDisclosure} made (a hundred block, a cell centre, an approved text);</li>
 * <li>or on the list of endpoints that show no recorded data, each with the reason.</li>
 * </ul>
 * A new public endpoint is on neither list, so this test fails until someone decides which it is.
 */
@SpringBootTest(properties = { "beacon.public.reads-per-minute=100000", "beacon.public.cache.ttl=0",
		"beacon.tips.passphrase-iterations=1000", "beacon.anonymous.reads-per-client=100000",
		"beacon.anonymous.writes-per-client=100000", "beacon.anonymous.writes-per-node=100000",
		"beacon.alerts.scheduling.enabled=false", "beacon.overdose.scheduling.enabled=false",
		"spring.datasource.hikari.maximum-pool-size=4" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicEndpointsDisclosureIntegrationTests {

	/** Public endpoints that show no recorded data, and why. */
	static final Map<String, String> SHOW_NO_RECORDED_DATA = Map.ofEntries(
			Map.entry("GET /login", "the staff login form"),
			Map.entry("GET /error", "the error page: status and message only"),
			Map.entry("GET /open311", "an HTML index of the Open311 API"),
			Map.entry("GET /open311/", "an HTML index of the Open311 API"),
			Map.entry("GET /open311/discovery", "an HTML index of the Open311 API"),
			Map.entry("GET /open311/v2", "an HTML index of the Open311 API"),
			Map.entry("GET /open311/v2/", "an HTML index of the Open311 API"),
			Map.entry("GET /open311/discovery.{format}", "Open311 discovery: endpoints, formats and contact"),
			Map.entry("GET /open311/v2/discovery.{format}", "Open311 discovery: endpoints, formats and contact"),
			Map.entry("GET /open311/v2/services.{format}", "the service catalogue (categories), no reports"),
			Map.entry("GET /open311/v2/services/{code}.{format}", "a service definition (questions), no reports"),
			Map.entry("POST /open311/v2/requests.{format}", "takes a report; answers its id or token and the notice"),
			Map.entry("GET /open311/v2/tokens/{token}.{format}", "the poster's own token gives the request id only"),
			Map.entry("GET /open311/**", "unknown Open311 resources: a 404 in the spec's error shape"),
			Map.entry("GET /report", "the report form: the public catalogue of categories, no reports"),
			Map.entry("POST /report", "takes a report; answers its id, the notice and the reporter's own receipt"),
			Map.entry("GET /report/follow", "the look-up form; a typed id is redirected to its follow page"),
			Map.entry("GET /tips", "the tip form"),
			Map.entry("GET /tips/", "the tip form"),
			Map.entry("GET /tips/new", "the tip form"),
			Map.entry("POST /tips/new", "takes a tip; answers the receipt"),
			Map.entry("POST /api/tips", "takes a tip; answers the receipt"),
			Map.entry("GET /tips/receipt", "the receipt form"),
			Map.entry("POST /tips/receipt", "the receipt holder's own dialogue with staff, opened by its passphrase"),
			Map.entry("POST /tips/receipt/reply", "the receipt holder's answer to staff"),
			Map.entry("GET /public/alerts", "the subscription form: public categories and neighbourhood names"),
			Map.entry("POST /public/alerts", "takes a subscription; answers 'check your e-mail'"),
			Map.entry("GET /public/alerts/confirm", "the token holder's own subscription"),
			Map.entry("POST /public/alerts/confirm", "the token holder's own subscription"),
			Map.entry("GET /public/alerts/unsubscribe", "the token holder's own subscription"),
			Map.entry("POST /public/alerts/unsubscribe", "the token holder's own subscription"));

	/** Public endpoints that show recorded data: each must go through PublicDisclosure. */
	static final Set<String> SHOW_RECORDED_DATA = Set.of("GET /open311/v2/requests.{format}",
			"GET /open311/v2/requests/{id}.{format}", "GET /open311/v2/servicerequestupdates.{format}",
			"GET /public/map", "GET /public/incidents.geojson", "GET /public/incidents.csv", "GET /public/incidents.atom",
			"GET /public/notices", "GET /public/notices/{id}", "GET /public/notices.atom", "GET /report/{id}");

	/** Records what it disclosed, so a response can be traced back to it. */
	static class RecordingDisclosure extends PublicDisclosure {

		final List<Object> made = new CopyOnWriteArrayList<>();

		RecordingDisclosure() {
			super(5);
		}

		@Override
		public Optional<PublicIncident> disclose(IncidentRow row, ZoneId zone) {
			return record(super.disclose(row, zone));
		}

		@Override
		public Optional<PublicReport> disclose(ResidentReport report) {
			return record(super.disclose(report));
		}

		@Override
		public Optional<PublicUpdate> disclose(ReportUpdate update) {
			return record(super.disclose(update));
		}

		@Override
		public Optional<PublicNotice> disclose(AreaNotice notice) {
			return record(super.disclose(notice));
		}

		private <T> Optional<T> record(Optional<T> made) {
			made.ifPresent(this.made::add);
			return made;
		}

		/** Text that can only be in a response if it came from one of the disclosed values. */
		List<String> marks() {
			List<String> marks = new ArrayList<>();
			for (Object o : made) {
				if (o instanceof PublicIncident p) {
					marks.add(p.block());
				}
				else if (o instanceof PublicReport r) {
					marks.add(r.address() != null ? r.address() : String.valueOf(r.lat()));
				}
				else if (o instanceof PublicUpdate u) {
					marks.add(u.text());
				}
				else if (o instanceof PublicNotice n) {
					marks.add(n.title());
				}
			}
			return marks;
		}
	}

	@TestBean
	PublicDisclosure disclosure;

	static PublicDisclosure disclosure() {
		return new RecordingDisclosure();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	RequestMappingHandlerMapping handlers;

	@Autowired
	FilterChainProxy security;

	@Autowired
	IncidentImports imports;

	@Autowired
	Agencies agencies;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	ServiceRequestService requests;

	@Autowired
	ServiceRequestRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	final Map<String, String> pathValues = new TreeMap<>();

	@BeforeAll
	void recordedData(@TempDir Path dir) throws Exception {
		Agency agency = agencies.defaultAgency();
		// five of each: fewer in a category and neighbourhood would be withheld as a small group
		StringBuilder rows = new StringBuilder("id,occurred,lat,lon,offense,address\n");
		for (int i = 0; i < 5; i++) {
			rows.append("E-1" + i + ",2026-03-10 13:15,38.601734,-90.248119,BURGLARY RESIDENCE,4321 MARGARETTA AVE\n");
			rows.append("E-2" + i + ",2026-03-09 09:00,38.601734,-90.248119,LARCENY FROM AUTO,4455 MARGARETTA AVE\n");
			rows.append("E-3" + i + ",2026-03-10 22:00,38.61,-90.25,RAPE,1717 SECRET ST\n");
		}
		Path csv = Files.writeString(dir.resolve("incidents.csv"), rows.toString());
		imports.importFile(agency.id(), csv, "generic",
				Map.of("id", "id", "time", "occurred", "lat", "lat", "lon", "lon", "type", "offense", "address", "address"),
				ImportProgress.NONE);

		String key = apiKeys.issue(agency.id(), "tests", "test").key();
		MockHttpServletResponse created = mvc.perform(post("/open311/v2/requests.json")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", key).param("service_code", "other")
				.param("lat", "38.62745").param("long", "-90.19941").param("address_string", "1234 Main St, Apt 5")
				.param("description", "Street sign knocked down")).andReturn().getResponse();
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(200);
		String id = json.readTree(created.getContentAsString()).get(0).get("service_request_id").asString();
		var stored = repository.byPublicId(agency.id(), id).orElseThrow();
		stored = requests.moderate(stored, Moderation.APPROVED, null, "moderator");
		requests.setState(stored, RequestState.IN_PROGRESS, "A crew is booked for Tuesday.", "officer1");
		pathValues.put("{id}", id);

		long notice = jdbc.sql("""
				INSERT INTO resident_notice (agency_id, area_level, area_code, area_name, title, body, count_text,
				    published_by, published_at)
				VALUES (:agency, 'jurisdiction', 'jurisdiction', 'the city', 'Overdose alert for the city',
				    'Carry naloxone.', NULL, 'partner', :at)""").param("agency", agency.id().value())
				.param("at", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)).update() == 1
						? jdbc.sql("SELECT MAX(id) FROM resident_notice").query(Long.class).single() : -1;
		pathValues.put("{notice}", Long.toString(notice));
		pathValues.put("{format}", "json");
	}

	@Test
	void everyPublicEndpointIsEitherCheckedOrListedWithAReason() {
		Set<String> expected = new TreeSet<>(SHOW_NO_RECORDED_DATA.keySet());
		expected.addAll(SHOW_RECORDED_DATA);

		Set<String> found = publicEndpoints();

		assertThat(found).as("public endpoints: a new one must go through PublicDisclosure and be added to "
				+ "SHOW_RECORDED_DATA, or show no recorded data and be added to SHOW_NO_RECORDED_DATA with the reason")
				.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void everyPublicEndpointThatShowsRecordedDataAnswersWithWhatPublicDisclosureMade() throws Exception {
		RecordingDisclosure recorder = (RecordingDisclosure) disclosure;
		for (String endpoint : new TreeSet<>(SHOW_RECORDED_DATA)) {
			String path = endpoint.substring("GET ".length()).replace("{format}", "json")
					.replace("{id}", endpoint.contains("notices") ? pathValues.get("{notice}") : pathValues.get("{id}"));
			var request = get(path);
			if (path.startsWith("/public/map") || path.startsWith("/public/incidents")) {
				request.param("from", "2026-03-01").param("to", "2026-03-31");
			}
			recorder.made.clear();

			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

			String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(response.getStatus()).as(endpoint + ": " + body).isEqualTo(200);
			assertThat(recorder.made).as(endpoint + " asked PublicDisclosure for nothing").isNotEmpty();
			assertThat(recorder.marks()).as(endpoint + " shows nothing PublicDisclosure made")
					.anySatisfy(mark -> assertThat(body).contains(mark));
		}
	}

	@Test
	void neverPublicRowsAreAskedForAndRefused() throws Exception {
		RecordingDisclosure recorder = (RecordingDisclosure) disclosure;
		recorder.made.clear();
		String csv = mvc.perform(get("/public/incidents.csv").param("from", "2026-03-01").param("to", "2026-03-31"))
				.andReturn().getResponse().getContentAsString();
		assertThat(csv).contains("4300 BLOCK MARGARETTA AVE", "4400 BLOCK MARGARETTA AVE").doesNotContain("SECRET", "4321");
		// only the ten public rows were disclosed (the window that decides small groups, then the rows streamed)
		assertThat(recorder.made).isNotEmpty().allSatisfy(made -> assertThat(((PublicIncident) made).block())
				.isIn("4300 BLOCK MARGARETTA AVE", "4400 BLOCK MARGARETTA AVE"));
		assertThat(csv.split("\r\n")).hasSize(1 + 10);
	}

	/** "METHOD /pattern" of every handler method an anonymous visitor may reach. */
	Set<String> publicEndpoints() {
		Set<String> found = new TreeSet<>();
		for (RequestMappingInfo info : handlers.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			List<String> names = methods.isEmpty() ? List.of("GET") : methods.stream().map(Enum::name).toList();
			for (String pattern : info.getPatternValues()) {
				for (String method : names) {
					if (anonymousMayUse(method, pattern)) {
						found.add(method + " " + pattern);
					}
				}
			}
		}
		return found;
	}

	/** Whether the first security chain that matches lets an anonymous visitor through. */
	boolean anonymousMayUse(String method, String pattern) {
		String path = pattern.replace("/**", "/anything").replaceAll("\\{[^}]+}", "x");
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		var anonymous = new AnonymousAuthenticationToken("test", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		for (SecurityFilterChain chain : security.getFilterChains()) {
			if (chain.matches(request)) {
				return chain.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
						.map(AuthorizationFilter.class::cast).findFirst()
						.map(f -> f.getAuthorizationManager().authorize(() -> anonymous, request).isGranted())
						.orElse(true);
			}
		}
		return true;
	}
}
