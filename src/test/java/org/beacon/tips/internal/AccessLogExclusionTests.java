package org.beacon.tips.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.valves.AccessLogValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

class AccessLogExclusionTests {

	@Test
	void containerAccessLogSkipsRequestsTheEdgeFilterMarked() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		AccessLogValve valve = new AccessLogValve();
		factory.addEngineValves(valve);

		new ResidentFacingSecurity.AccessLogCustomizer().customize(factory);

		assertThat(valve.getConditionUnless()).isEqualTo(AnonymousEdgeFilter.SKIP_ACCESS_LOG);
	}
}
