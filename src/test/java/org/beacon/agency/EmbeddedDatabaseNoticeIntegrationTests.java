package org.beacon.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/** On H2 Beacon says once that it runs on the evaluation default; on PostgreSQL it says nothing of the kind. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = "beacon.test.fresh-context=embedded-notice")
class EmbeddedDatabaseNoticeIntegrationTests {

	static final String NOTICE = "Running on the embedded H2 database, the evaluation default";

	@Test
	@DisabledIfSystemProperty(named = "beacon.test.db", matches = "postgres")
	void saysOnceThatH2IsTheEvaluationDefault(CapturedOutput output) {
		assertThat(output.getAll()).contains(NOTICE);
		assertThat(output.getAll().indexOf(NOTICE)).isEqualTo(output.getAll().lastIndexOf(NOTICE));
	}

	@Test
	@EnabledIfSystemProperty(named = "beacon.test.db", matches = "postgres")
	void saysNothingAboutH2OnPostgres(CapturedOutput output, @Autowired Environment environment) {
		assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
		// the start-up log, where the notice would be, is captured
		assertThat(output.getAll()).contains("Started EmbeddedDatabaseNoticeIntegrationTests");
		assertThat(output.getAll()).doesNotContain(NOTICE).doesNotContainIgnoringCase("embedded H2");
	}
}
