package org.beacon.incidents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.beacon.agency.Agencies;
import org.beacon.shared.AgencyId;

/** Fixture files of src/test/resources/incidents and agencies of their own for each test. */
public final class IncidentFixtures {

	/** 128 real harmonized rows; see make-fixtures.py there for what they were chosen to cover. */
	public static final String HARMONIZED = "stl-harmonized-sample.csv";
	/** The first 40 rows of the raw August 2014 file and two with windows-1252 text, original bytes. */
	public static final String RAW_2014 = "stl-raw-August2014-cp1252.csv";
	/** The same from November 2008: the old header without Complaint. */
	public static final String RAW_2008 = "stl-raw-November2008-cp1252.csv";

	private IncidentFixtures() {
	}

	public static Path resource(String name) {
		try {
			return Path.of(IncidentFixtures.class.getResource("/incidents/" + name).toURI());
		}
		catch (URISyntaxException | NullPointerException e) {
			throw new IllegalArgumentException("no test resource incidents/" + name, e);
		}
	}

	/** A new agency in Chicago's zone, so every test sees only its own incidents. */
	public static AgencyId newAgency(Agencies agencies) {
		String code = "t" + UUID.randomUUID().toString().substring(0, 8);
		return agencies.ensure(code, "Test " + code, ZoneId.of("America/Chicago"), "auto").id();
	}

	/** The header and the data lines of a UTF-8 fixture that {@code keep} accepts, written to {@code dir}. */
	public static Path lines(String name, Predicate<String> keep, Path dir) {
		try {
			List<String> lines = Files.readAllLines(resource(name), StandardCharsets.UTF_8);
			List<String> kept = new ArrayList<>(List.of(lines.get(0)));
			lines.stream().skip(1).filter(keep).forEach(kept::add);
			Path file = Files.createTempFile(dir, "fixture", ".csv");
			Files.write(file, kept, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A UTF-8 file of the given lines. */
	public static Path file(Path dir, String name, String... lines) {
		try {
			return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
