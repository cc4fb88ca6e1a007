package org.beacon;

import java.util.Arrays;

/** The options of {@code serve}, which starts before any Spring context exists. */
final class ServeHelp {

	static final String TEXT = """
			Usage: beacon [serve] [--no-demo] [--port=PORT] [--spring.property=value...]
			Starts the Beacon web application.
			      --no-demo      do not load the bundled St. Louis sample into an empty database
			      --port=PORT    HTTP port (default 8080)
			Any Spring Boot property may be given as --name=value, e.g.
			      --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/beacon
			""";

	private ServeHelp() {
	}

	/** Maps the friendly options onto Spring properties; leaves the rest untouched. */
	static String[] translate(String[] args) {
		return Arrays.stream(args).map(arg -> switch (arg) {
			case "--no-demo" -> "--beacon.demo.enabled=false";
			default -> arg.startsWith("--port=") ? "--server.port=" + arg.substring("--port=".length()) : arg;
		}).toArray(String[]::new);
	}
}
