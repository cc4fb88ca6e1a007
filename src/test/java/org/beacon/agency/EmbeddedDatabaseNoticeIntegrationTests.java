package org.beacon.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** On H2 Beacon says once that it runs on the evaluation default. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = "beacon.test.fresh-context=embedded-notice")
@DisabledIfSystemProperty(named = "beacon.test.db", matches = "postgres")
class EmbeddedDatabaseNoticeIntegrationTests {

	@Test
	void saysOnceThatH2IsTheEvaluationDefault(CapturedOutput output) {
		String notice = "Running on the embedded H2 database, the evaluation default";
		assertThat(output.getAll()).contains(notice);
		assertThat(output.getAll().indexOf(notice)).isEqualTo(output.getAll().lastIndexOf(notice));
	}
}
