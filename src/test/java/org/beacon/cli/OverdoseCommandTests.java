package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.beacon.agency.Agencies;
import org.beacon.overdose.OverdoseEvents;
import org.beacon.overdose.OverdoseFixtures;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class OverdoseCommandTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Agencies agencies;

	@Autowired
	OverdoseEvents events;

	@Test
	void importsAFileAndPrintsBadRowsAndTheCountsLast() {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		String code = agencies.get(agency).code();

		CommandRun run = run("import", OverdoseFixtures.paOdinBadRows().toString(), "--profile", "pa-odin", "--agency", code);
		CommandRun again = run("import", OverdoseFixtures.paOdinBadRows().toString(), "--profile", "pa-odin", "--agency", code);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.lastLine()).isEqualTo("read=5 imported=2 unchanged=0 rejected=3");
		assertThat(run.errLines()).containsExactly(
				"pa-odin-bad-rows.csv: line 3, column IncidentDate, value '2018-13-01': must be a date YYYY-MM-DD",
				"pa-odin-bad-rows.csv: line 4, column Survive, value 'X': must be one of Y, N, U, (empty), NA",
				"pa-odin-bad-rows.csv: line 5, column IncidentCountyLatitude, value 'abc': must be a number from -90 to 90");
		assertThat(again.lastLine()).isEqualTo("read=5 imported=0 unchanged=2 rejected=3");
		assertThat(events.events(agency, null, null)).hasSize(2);
	}

	@Test
	void refusesAnUnknownProfileAndAMissingFile() {
		assertThat(run("import", OverdoseFixtures.tempe().toString(), "--profile", "odmap").err())
				.contains("profile must be one of pa-odin, tempe, ct-deaths; was 'odmap'");
		assertThat(run("import", "nothing.csv", "--profile", "tempe").exitCode()).isEqualTo(2);
	}

	/**
	 * Tempe, 2017-07-27: 5 calls. C2's baseline is 07-18 .. 07-24 with counts six 1s and one 0: mean 6/7,
	 * variance (7·6 − 6²)/(7·6) = 1/7, SD 0.377964. With the CDC definition (--min-sigma 0) C2 = (5 − 6/7)/0.377964
	 * = 10.961; with the default floor of 1, (5 − 6/7)/1 = 4.143. Both alarm.
	 */
	@Test
	void detectsStraightFromAFileAndWritesTheIssuesColumns(@TempDir Path dir) throws IOException {
		Path out = dir.resolve("c2.csv");

		CommandRun run = run("detect", "--method", "c2", "--by", "jurisdiction", "--csv", OverdoseFixtures.tempe().toString(),
				"--profile", "tempe", "--from", "2017-07-25", "--to", "2017-07-28", "--min-sigma", "0", "--out", out.toString());

		assertThat(run.exitCode()).isZero();
		List<String> lines = Files.readAllLines(out);
		assertThat(lines).hasSize(5);
		assertThat(lines.get(0)).isEqualTo("date,area,count,baseline_mean,baseline_sd,statistic,alarm");
		String[] spike = lines.get(3).split(",");
		assertThat(spike[0]).isEqualTo("2017-07-27");
		assertThat(spike[1]).isEqualTo("Jurisdiction");
		assertThat(spike[2]).isEqualTo("5");
		assertThat(Double.parseDouble(spike[3])).isCloseTo(6.0 / 7, org.assertj.core.api.Assertions.within(1e-12));
		assertThat(Double.parseDouble(spike[4])).isCloseTo(Math.sqrt(1.0 / 7), org.assertj.core.api.Assertions.within(1e-12));
		assertThat(Double.parseDouble(spike[5])).isCloseTo((5 - 6.0 / 7) / Math.sqrt(1.0 / 7),
				org.assertj.core.api.Assertions.within(1e-9));
		assertThat(spike[6]).isEqualTo("true");
		assertThat(run.err()).contains("rows=4 alarms=");
		CommandRun floored = run("detect", "--method", "c2", "--csv", OverdoseFixtures.tempe().toString(), "--profile", "tempe",
				"--from", "2017-07-27", "--to", "2017-07-27");
		assertThat(floored.lines().get(1))
				.startsWith("2017-07-27,Jurisdiction,5,0.857142857142857").endsWith(",4.142857142857143,true");
	}

	/** The file begins on 2017-06-01: the days before are no data, not zero overdoses, so C1 starts on day 7. */
	@Test
	void treatsTheDaysBeforeTheFirstEventAsNoDataRatherThanZero() {
		CommandRun run = run("detect", "--method", "c1", "--csv", OverdoseFixtures.tempe().toString(), "--profile", "tempe",
				"--from", "2017-06-01", "--to", "2017-06-08");

		List<String> lines = run.lines();
		assertThat(lines).hasSize(9);
		assertThat(lines.subList(1, 8)).allSatisfy(l -> assertThat(l).endsWith(",,,,false"));
		assertThat(lines.get(8)).startsWith("2017-06-08,Jurisdiction,").doesNotEndWith(",,,,false");
	}

	@Test
	void detectsOnStoredEventsByCounty() {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		events.importFile(agency, OverdoseFixtures.paOdin(), org.beacon.overdose.ImportProfile.PA_ODIN, "test");

		CommandRun run = run("detect", "--method", "cusum", "--by", "county", "--agency", agencies.get(agency).code(),
				"--from", "2018-01-01", "--to", "2018-01-31");

		assertThat(run.exitCode()).isZero();
		List<String> lines = run.lines();
		assertThat(lines.get(0)).isEqualTo("date,area,count,baseline_mean,baseline_sd,statistic,alarm");
		// every county with an event in January gets 31 rows
		long counties = lines.stream().skip(1).map(l -> l.split(",")[1]).distinct().count();
		assertThat(lines).hasSize(1 + (int) counties * 31);
		assertThat(lines).anyMatch(l -> l.startsWith("2018-01-04,Delaware,1,"));
	}

	@Test
	void scansAFileAndWritesTheClusterTable(@TempDir Path dir) throws IOException {
		Path out = dir.resolve("scan.csv");

		CommandRun run = run("detect", "--method", "scan", "--by", "h3:7", "--csv", OverdoseFixtures.tempe().toString(),
				"--profile", "tempe", "--from", "2017-07-01", "--to", "2017-08-15", "--replications", "99", "--out",
				out.toString());

		assertThat(run.exitCode()).isZero();
		List<String> lines = Files.readAllLines(out);
		assertThat(lines.get(0)).isEqualTo(OverdoseDetectCommand.CLUSTER_HEADER);
		assertThat(lines.size()).isGreaterThan(1);
		String[] best = lines.get(1).split(",");
		assertThat(best[0]).isEqualTo("1");
		double p = Double.parseDouble(best[12]);
		assertThat(p).isBetween(0.01, 1.0); // (1 + k)/100 with 99 replications
		assertThat(run.err()).contains("clusters=");
	}

	@Test
	void refusesTheScanByJurisdiction() {
		CommandRun run = run("detect", "--method", "scan", "--by", "jurisdiction", "--csv", OverdoseFixtures.tempe().toString(),
				"--profile", "tempe");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("the scan needs locations");
	}

	private CommandRun run(String... args) {
		return CommandRun.beacon(context, Stream.concat(Stream.of("overdose"), Stream.of(args)).toArray(String[]::new));
	}
}
