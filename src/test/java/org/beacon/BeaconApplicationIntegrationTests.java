package org.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import org.beacon.agency.Agencies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.SimpleCommandLinePropertySource;

@SpringBootTest
class BeaconApplicationIntegrationTests {

	@Autowired
	Agencies agencies;

	@Test
	void configuresDefaultAgencyOnFirstStart() {
		var agency = agencies.defaultAgency();
		assertThat(agency.code()).isEqualTo("stl");
		assertThat(agency.name()).isEqualTo("St. Louis Metropolitan Police Department");
		assertThat(agency.timeZone().getId()).isEqualTo("America/Chicago");
		// auto: geography picks a local projection from the agency's areas once it has some
		assertThat(agency.projection()).isEqualTo("auto");
	}

	@Test
	void turnsNoDemoIntoThePropertyThatSkipsTheSample() {
		var properties = new SimpleCommandLinePropertySource(ServeHelp.translate(new String[] { "--no-demo", "--port=9090" }));

		assertThat(properties.getProperty("beacon.demo.enabled")).isEqualTo("false");
		assertThat(properties.getProperty("server.port")).isEqualTo("9090");
		assertThat(new SimpleCommandLinePropertySource(ServeHelp.translate(new String[0]))
				.containsProperty("beacon.demo.enabled")).isFalse();
	}

	@Test
	void startsWebApplicationWithoutArgumentsOrWithServe() {
		assertThat(BeaconApplication.startsWebApplication(new String[0])).isTrue();
		assertThat(BeaconApplication.startsWebApplication(new String[] { "serve" })).isTrue();
		assertThat(BeaconApplication.startsWebApplication(new String[] { "--no-demo" })).isTrue();
		assertThat(BeaconApplication.startsWebApplication(new String[] { "import", "areas" })).isFalse();
		assertThat(BeaconApplication.startsWebApplication(new String[] { "--help" })).isFalse();
	}
}
