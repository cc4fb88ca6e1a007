package org.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import org.beacon.agency.Agencies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class BeaconApplicationIntegrationTests {

	@Autowired
	Agencies agencies;

	@Test
	void configuresDefaultAgencyOnFirstStart() {
		var agency = agencies.defaultAgency();
		assertThat(agency.code()).isEqualTo("stl");
		assertThat(agency.timeZone().getId()).isEqualTo("America/Chicago");
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
