package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The community GeoReport v2 JSON schemas (open311/schema-validation, copied unmodified into
 * {@code src/test/resources/open311/schemas} with their PROVENANCE.md). They declare no draft and use
 * relative {@code $ref}s by file name, so all are registered under one base IRI and read as Draft 7, with
 * format assertions on (date-time, uri).
 */
final class Open311Schemas {

	private static final String BASE = "https://schemas.open311.test/georeport-v2/";
	private static final List<String> FILES = List.of("services.json", "service.json", "service-definition.json",
			"requests.json", "request.json");
	private static final SchemaRegistry REGISTRY = registry();

	private Open311Schemas() {
	}

	/** Fails with the validator's messages unless {@code json} is valid against {@code file}. */
	static void assertValid(String file, String json) {
		Schema schema = REGISTRY.getSchema(SchemaLocation.of(BASE + file));
		List<Error> errors = schema.validate(json, InputFormat.JSON);
		assertThat(errors).as("%s against %s", json, file).isEmpty();
	}

	/** The validator's messages; for tests showing that the schemas do catch a wrong document. */
	static List<String> errors(String file, String json) {
		return REGISTRY.getSchema(SchemaLocation.of(BASE + file)).validate(json, InputFormat.JSON).stream()
				.map(Error::getMessage).toList();
	}

	private static SchemaRegistry registry() {
		Map<String, String> schemas = new HashMap<>();
		for (String file : FILES) {
			try (InputStream in = Open311Schemas.class.getResourceAsStream("/open311/schemas/" + file)) {
				assertThat(in).as("schema %s on the test classpath", file).isNotNull();
				schemas.put(BASE + file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
				builder -> builder.schemas(schemas).schemaRegistryConfig(config));
	}
}
