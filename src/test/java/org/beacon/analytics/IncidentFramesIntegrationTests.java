package org.beacon.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.beacon.agency.Agencies;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentsImported;
import org.beacon.incidents.OffenseCategory;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(AnalyticsTestIncidents.class)
class IncidentFramesIntegrationTests {

	@Autowired
	IncidentFrames frames;

	@Autowired
	AnalyticsTestIncidents.Fake incidents;

	@Autowired
	Agencies agencies;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void buildsColumnsInMetresAndCachesUntilTheAgencyImports() {
		AgencyId agency = agencies.defaultAgency().id();
		IncidentFilter filter = new IncidentFilter(agency, null, null, Set.of(OffenseCategory.BURGLARY));
		int before = incidents.streams();

		IncidentFrame frame = frames.frame(filter);
		IncidentFrame again = frames.frame(filter);

		assertThat(again).isSameAs(frame);
		assertThat(incidents.streams()).isEqualTo(before + 1);
		assertThat(frame.size()).isEqualTo(4);
		assertThat(frame.category()).containsOnly(OffenseCategory.BURGLARY.ordinal());
		// 0.0115° of longitude at 38.627° N is 0.0115·111.32 km·cos(38.627°) ≈ 1.000 km (UTM 15N, the fallback
		// when the agency has no projection, turns it by the grid convergence, about 1.75° here: dy ≈ 31 m)
		assertThat(Math.hypot(frame.x()[3] - frame.x()[0], frame.y()[3] - frame.y()[0])).isBetween(995.0, 1005.0);

		events.publishEvent(new IncidentsImported(agency, "test", 1, 0, 0));
		frames.frame(filter);

		assertThat(incidents.streams()).isEqualTo(before + 2);
	}
}
