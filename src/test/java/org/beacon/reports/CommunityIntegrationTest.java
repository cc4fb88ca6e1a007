package org.beacon.reports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A full application with MockMvc, a cheap passphrase hash and rate limits out of the way (the rate-limit
 * tests set their own). Classes with this annotation share one context and so one database: tests must
 * not assume they are alone in it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "beacon.tips.passphrase-iterations=1000", "beacon.anonymous.reads-per-client=100000",
		"beacon.anonymous.writes-per-client=100000", "beacon.anonymous.receipt-checks-per-client=100000",
		"beacon.anonymous.writes-per-node=100000", "beacon.open311.lookup-ttl=0" })
@AutoConfigureMockMvc
public @interface CommunityIntegrationTest {
}
