package org.beacon.geography;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.beacon.agency.Agencies;
import org.beacon.shared.AgencyId;

/** The St. Louis fixtures under {@code src/test/resources/geography} and agencies to import them into. */
public final class AreaFixtures {

	public static final AreaImportOptions STL_NEIGHBOURHOODS = new AreaImportOptions(AreaKind.NEIGHBOURHOOD, "NHD_NUM",
			"NHD_NAME");

	private static final AtomicInteger AGENCIES = new AtomicInteger();

	private AreaFixtures() {
	}

	/** Academy (51), Kingsway West (52), Fountain Park (53), Lewis Place (54), one file each. */
	public static Path stLouisFolder() {
		return resource("/geography/stl-neighborhoods");
	}

	/** Five features: valid 900 and 904, a bowtie (901), one without a code, a Point (903). */
	public static Path invalidFeatures() {
		return resource("/geography/invalid-features.geojson");
	}

	public static String text(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A fresh agency, so tests sharing an application context (and its database) never see each other's areas. */
	public static AgencyId newAgency(Agencies agencies, String projection) {
		String code = "geo-test-" + AGENCIES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
		return agencies.ensure(code, "Test agency " + code, java.time.ZoneId.of("America/Chicago"), projection).id();
	}

	/** The crime sample rows: XCoord, YCoord, Latitude, Longitude, Neighborhood, SourceFile. */
	public static List<String[]> crimeSample() {
		return text(resource("/geography/stl-crime-sample.csv")).lines().skip(1).map(line -> line.split(",")).toList();
	}

	static Path resource(String name) {
		try {
			return Path.of(AreaFixtures.class.getResource(name).toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
