package org.beacon.publicsafety.web;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


import org.beacon.incidents.OffenseCategory;
import org.beacon.disclosure.PublicDisclosure;
import org.beacon.disclosure.PublicIncident;
import org.beacon.publicsafety.internal.DisclosedWindow;
import org.beacon.publicsafety.internal.PublicIncidents;
import org.beacon.publicsafety.internal.PublicIncidents.Query;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ViewResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * The public crime map at {@code /public/map}: a Leaflet map and a list of the same incidents, filters by date
 * and category, the rules stated beside them, and the same data as CSV and GeoJSON ({@link PublicFeedController}
 * has the Atom feed). Everything
 * comes from {@link PublicIncidents}, so through {@link PublicDisclosure}.
 */
@Controller
class PublicMapController {

	static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	/** How many incidents the list view shows; the exports have them all. */
	static final int LIST_LIMIT = PublicIncidents.LIST_LIMIT;

	/** How many incidents the map draws. */
	static final int MAP_LIMIT = PublicIncidents.MAP_LIMIT;

	static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

	private final PublicIncidents incidents;
	private final PublicDisclosure disclosure;
	private final ObjectMapper json;
	/** Thymeleaf's resolver, looked up when a page is rendered: a command-line context has none. */
	private final ObjectProvider<ViewResolver> views;
	private final String tileUrl;

	PublicMapController(PublicIncidents incidents, PublicDisclosure disclosure, ObjectMapper json,
			@Qualifier("thymeleafViewResolver") ObjectProvider<ViewResolver> views, Environment environment) {
		this.incidents = incidents;
		this.disclosure = disclosure;
		this.json = json;
		this.views = views;
		String url = environment.getProperty("beacon.map.tile-url");
		this.tileUrl = url == null ? OSM_TILES : url.trim();
	}

	/**
	 * The map page with its list and counts. The page is the same for every visitor of the window (no session,
	 * no token, always anonymous), so it is rendered once per kept window and kept gzipped beside it.
	 */
	@GetMapping("/public/map")
	void map(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(name = "category", required = false) Set<OffenseCategory> categories,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Query query = incidents.normalise(from, to, categories);
		DisclosedWindow window = incidents.window(query);
		LocalDate latest = incidents.latestDate().orElse(null);
		String key = "html:" + queryString(query, categories) + ":" + latest;
		byte[] gzipped = window.rendered(key,
				() -> Gzipped.gzip(RenderedPage.render(views.getObject(), "public/map/index", model(query, categories, window, latest), request,
						response)));
		Gzipped.send(gzipped, MediaType.TEXT_HTML_VALUE + ";charset=UTF-8", acceptEncoding, response);
	}

	private Map<String, Object> model(Query query, Set<OffenseCategory> categories, DisclosedWindow window,
			LocalDate latest) {
		Map<String, Object> model = new LinkedHashMap<>();
		List<PublicIncident> list = window.newest();
		Map<OffenseCategory, Long> counts = window.counts();
		List<Map<String, String>> countRows = new ArrayList<>();
		for (OffenseCategory c : incidents.publicCategories()) {
			if (query.categories().contains(c)) {
				countRows.add(Map.of("label", c.label(), "count", disclosure.count(counts.getOrDefault(c, 0L))));
			}
		}
		model.put("query", query);
		model.put("categories", incidents.publicCategories());
		model.put("chosen", categories == null ? Set.of() : categories);
		model.put("incidents", list.size() > LIST_LIMIT ? list.subList(0, LIST_LIMIT) : list);
		model.put("more", list.size() > LIST_LIMIT);
		model.put("counts", countRows);
		model.put("total", disclosure.count(window.total()));
		model.put("minCount", disclosure.minCount());
		model.put("resolution", PublicDisclosure.H3_RESOLUTION);
		model.put("neverPublic", PublicDisclosure.NEVER_PUBLIC.stream().map(OffenseCategory::label).sorted().toList());
		model.put("markers", disclosure.neverPublicMarkers());
		model.put("latest", latest);
		model.put("queryString", queryString(query, categories));
		model.put("tileUrl", tileUrl);
		return model;
	}

	/**
	 * The map's data: the newest located public incidents of the window as GeoJSON. Made once per kept window
	 * and kept gzipped; sent as it is to clients that accept gzip (every browser), unpacked for the others.
	 */
	@GetMapping("/public/incidents.geojson")
	void geojson(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(name = "category", required = false) Set<OffenseCategory> categories,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
			HttpServletResponse response) throws IOException {
		Query query = incidents.normalise(from, to, categories);
		DisclosedWindow window = incidents.window(query);
		byte[] gzipped = window.rendered("geojson", () -> Gzipped.gzip(geojsonOf(query, window)));
		Gzipped.send(gzipped, GEOJSON.toString(), acceptEncoding, response);
	}

	private byte[] geojsonOf(Query query, DisclosedWindow window) {
		List<Map<String, Object>> features = new ArrayList<>();
		for (PublicIncident p : window.located()) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("date", p.date().toString());
			properties.put("category", p.category().name());
			properties.put("label", p.category().label());
			properties.put("block", p.block());
			properties.put("neighbourhood", p.neighbourhood());
			Map<String, Object> feature = new LinkedHashMap<>();
			feature.put("type", "Feature");
			feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(p.lon(), p.lat())));
			feature.put("properties", properties);
			features.add(feature);
		}
		Map<String, Object> collection = new LinkedHashMap<>();
		collection.put("type", "FeatureCollection");
		collection.put("metadata", metadata(query));
		collection.put("features", features);
		return json.writeValueAsBytes(collection);
	}

	@GetMapping("/public/incidents.csv")
	void csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(name = "category", required = false) Set<OffenseCategory> categories,
			HttpServletResponse response) throws IOException {
		Query query = incidents.normalise(from, to, categories);
		response.setContentType(CSV.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"incidents-" + query.from() + "-to-" + query.to() + ".csv\"");
		Writer out = response.getWriter();
		out.write("date,category,category_label,block,neighbourhood,cell_lat,cell_lon\r\n");
		IOException[] failure = { null };
		incidents.forEachShown(query, p -> {
			if (failure[0] != null) {
				return;
			}
			try {
				out.write(String.join(",", p.date().toString(), p.category().name(), cell(p.category().label()),
						cell(p.block()), cell(p.neighbourhood()), p.located() ? Double.toString(p.lat()) : "",
						p.located() ? Double.toString(p.lon()) : ""));
				out.write("\r\n");
			}
			catch (IOException e) {
				failure[0] = e;
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		out.flush();
	}

	private Map<String, Object> metadata(Query query) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("from", query.from().toString());
		m.put("to", query.to().toString());
		m.put("categories", query.categories().stream().map(Enum::name).sorted().toList());
		m.put("location", "hundred block; point is the centre of the H3 cell at resolution " + PublicDisclosure.H3_RESOLUTION);
		m.put("neverPublic", PublicDisclosure.NEVER_PUBLIC.stream().map(Enum::name).sorted().toList());
		m.put("neverPublicMarkers", disclosure.neverPublicMarkers());
		m.put("minCount", disclosure.minCount());
		m.put("smallGroups", PublicRules.smallGroups(disclosure));
		m.put("rules", PublicRules.all(disclosure));
		return m;
	}

	private static String queryString(Query query, Set<OffenseCategory> asked) {
		StringBuilder s = new StringBuilder("from=").append(query.from()).append("&to=").append(query.to());
		if (asked != null) {
			asked.stream().filter(query.categories()::contains).sorted()
					.forEach(c -> s.append("&category=").append(c.name()));
		}
		return s.toString();
	}

	/** A CSV field: quoted when needed, and a leading = + - @ neutralised so spreadsheets do not run it. */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String v = value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
			return "\"" + v.replace("\"", "\"\"") + "\"";
		}
		return v;
	}
}
