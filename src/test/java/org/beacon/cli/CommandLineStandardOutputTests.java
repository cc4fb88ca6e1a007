package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.beacon.BeaconApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar beacon.jar analyze counts ... > out.csv} must give a CSV file: the command runs in a
 * process of its own (the test's class path, a fresh in-memory database), and its standard output holds the
 * table alone while the log (here the CSV reader's INFO line) goes to standard error. A run inside the test's
 * JVM would not show it: the test contexts configure logging first, and {@link CommandRun} reads picocli's
 * writers only.
 */
class CommandLineStandardOutputTests {

	/** Start-up (Flyway on a fresh database) takes seconds; a slow, shared machine gets plenty. */
	private static final long MAX_MINUTES = 5;

	@Test
	void printsTheTableAloneOnStandardOutputAndTheLogOnStandardError(@TempDir Path dir)
			throws IOException, InterruptedException {
		Path out = dir.resolve("out.csv");
		Path err = dir.resolve("err.txt");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				BeaconApplication.class.getName(), "analyze", "counts", "--csv",
				CommandRun.resource("/analytics/four-cells.csv"), "--columns",
				"time=when,lat=latitude,lon=longitude,category=offense", "--projection", AnalyzeCommandTests.EQC,
				"--category", "burglary", "--cell", "500")
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();

		assertThat(process.waitFor(MAX_MINUTES, TimeUnit.MINUTES)).as("the command ended").isTrue();
		List<String> lines = Files.readAllLines(out);
		assertThat(process.exitValue()).as("exit code; standard error:%n%s", Files.readString(err)).isZero();
		assertThat(lines).first().isEqualTo("cell_row,cell_col,center_lat,center_lon,count");
		assertThat(lines).hasSize(5);
		assertThat(Files.readString(err)).contains("INFO").contains("four-cells.csv: 13 rows, 11 kept")
			.contains("incidents=11 cells=4");
	}
}
