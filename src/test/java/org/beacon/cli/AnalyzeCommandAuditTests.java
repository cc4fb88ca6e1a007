package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.beacon.agency.Agencies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code analyze ... --out FILE} is an export like the web's, so the audit trail records it. */
@SpringBootTest
class AnalyzeCommandAuditTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsTheExportInTheAuditTrail(@TempDir Path dir) {
		long mark = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event").query(Long.class).single();
		Path out = dir.resolve("counts.csv");

		CommandRun run = CommandRun.beacon(context, "analyze", "counts", "--csv",
				CommandRun.resource("/analytics/four-cells.csv"), "--columns",
				"time=when,lat=latitude,lon=longitude,category=offense", "--projection", AnalyzeCommandTests.EQC,
				"--category", "burglary", "--cell", "500", "--out", out.toString());

		assertThat(run.exitCode()).isZero();
		assertThat(Files.exists(out)).isTrue();
		// four cells written, for the default agency (no --agency)
		assertThat(jdbc.sql("""
				SELECT agency_id, target, outcome FROM audit_event
				WHERE seq > :mark AND action = 'analytics.export'""").param("mark", mark)
				.query((rs, row) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3))).list())
				.containsExactly(List.of(agencies.defaultAgency().id().value(),
						"counts agency=stl files=counts.csv rows=4", "success"));
	}

	@Test
	void recordsNothingWhenTheTableOnlyGoesToStandardOutput() {
		long mark = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event").query(Long.class).single();

		CommandRun run = CommandRun.beacon(context, "analyze", "counts", "--csv",
				CommandRun.resource("/analytics/four-cells.csv"), "--columns",
				"time=when,lat=latitude,lon=longitude,category=offense", "--projection", AnalyzeCommandTests.EQC,
				"--cell", "500");

		assertThat(run.exitCode()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE seq > :mark AND action = 'analytics.export'")
				.param("mark", mark).query(Long.class).single()).isZero();
	}
}
