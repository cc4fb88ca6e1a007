package org.beacon.overdose;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.beacon.agency.Agencies;
import org.beacon.shared.AgencyId;

/** The import fixtures under {@code src/test/resources/overdose}, fresh agencies and entries for tests. */
public final class OverdoseFixtures {

	public static final ZoneId ST_LOUIS = ZoneId.of("America/Chicago");

	private static final AtomicInteger AGENCIES = new AtomicInteger();

	private OverdoseFixtures() {
	}

	/** PA ODIN: the first 40 rows. */
	public static Path paOdin() {
		return resource("/overdose/pa-odin-first-40.csv");
	}

	/** PA ODIN: 5 rows, three broken (line 3 date, line 4 Survive, line 5 latitude). */
	public static Path paOdinBadRows() {
		return resource("/overdose/pa-odin-bad-rows.csv");
	}

	/** Tempe EMS opioid calls, 2017-06-01 .. 2017-08-15: 87 calls, 5 of them on 2017-07-27. */
	public static Path tempe() {
		return resource("/overdose/tempe-2017-06-01_2017-08-15.csv");
	}

	/** CT deaths: 28 rows, 2 without a date, 3 with only the state as place. */
	public static Path ctDeaths() {
		return resource("/overdose/ct-deaths-sample.csv");
	}

	/** A fresh agency in St. Louis time, so tests sharing a database never see each other's events. */
	public static AgencyId newAgency(Agencies agencies) {
		String code = "od-test-" + AGENCIES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
		return agencies.ensure(code, "Overdose test agency " + code, ST_LOUIS, "auto").id();
	}

	/** A form entry at a point at local noon of {@code day}: non-fatal, one naloxone dose, fentanyl, EMS. */
	public static OverdoseEntry pointOn(LocalDate day, double lat, double lon) {
		return new OverdoseEntry(day.atTime(12, 0).atZone(ST_LOUIS).toInstant(), day, true, lat, lon,
				LocationPrecision.POINT, null, "St. Louis", null, false, true, 1, List.of("fentanyl"), EventSource.EMS,
				"St. Louis Fire Department", "form", null);
	}

	public static Path resource(String name) {
		try {
			return Path.of(OverdoseFixtures.class.getResource(name).toURI());
		}
		catch (URISyntaxException | NullPointerException e) {
			throw new IllegalStateException("missing test resource " + name, e);
		}
	}
}
