package org.beacon.reports;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** A thin Open311 client over MockMvc for tests. */
final class Open311Client {

	static final String BASE = "/open311/v2/";

	private final MockMvc mvc;

	Open311Client(MockMvc mvc) {
		this.mvc = mvc;
	}

	MockHttpServletResponse get(String path, String... params) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(BASE + path);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return perform(request);
	}

	MockHttpServletResponse getAbsolute(String path) {
		return perform(MockMvcRequestBuilders.get(path));
	}

	/** POSTs {@code fields} form-encoded, as GeoReport v2 requires. */
	MockHttpServletResponse post(String path, Map<String, String> fields) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders
				.post(BASE + path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
		fields.forEach(request::param);
		return perform(request);
	}

	/** POSTs a raw body with a content type, for encoding and content-type checks. */
	MockHttpServletResponse postRaw(String path, String contentType, String body) {
		return perform(MockMvcRequestBuilders.post(BASE + path).contentType(contentType).content(body.getBytes(StandardCharsets.UTF_8)));
	}

	static Map<String, String> fields(String... kv) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			map.put(kv[i], kv[i + 1]);
		}
		return map;
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) {
		try {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			response.setCharacterEncoding("UTF-8");
			return response;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
