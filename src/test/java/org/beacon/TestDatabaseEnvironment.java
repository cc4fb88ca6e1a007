package org.beacon;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own: a fresh in-memory H2 database by default,
 * or a fresh schema in the PostgreSQL on 127.0.0.1:5432 with {@code -Dbeacon.test.db=postgres}
 * ({@code BEACON_TEST_PG_URL} overrides the server). Contexts never see each other's rows, unless a test
 * gives several contexts the same {@value #SHARED_DATABASE} (from {@link #newDatabaseName()}) to play the
 * nodes of one deployment.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

	/** Set on several contexts, they share one database: the nodes of one deployment. */
	public static final String SHARED_DATABASE = "beacon.test.shared-database";

	/** A fresh database (H2) or schema (PostgreSQL) name. */
	public static String newDatabaseName() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String shared = environment.getProperty(SHARED_DATABASE);
		String name = shared != null ? shared : newDatabaseName();
		Map<String, Object> props = new HashMap<>();
		if ("postgres".equals(System.getProperty("beacon.test.db", "h2"))) {
			String server = System.getenv().getOrDefault("BEACON_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
			props.put("spring.datasource.url", server + "?currentSchema=" + name);
			props.put("spring.datasource.username", System.getenv().getOrDefault("BEACON_TEST_PG_USER", "postgres"));
			props.put("spring.datasource.password", System.getenv().getOrDefault("BEACON_TEST_PG_PASSWORD", ""));
			props.put("spring.flyway.schemas", name);
			// every cached test context holds a pool; keep their sum under the server's max_connections
			props.put("spring.datasource.hikari.maximum-pool-size", "5");
			props.put("spring.datasource.hikari.minimum-idle", "0");
			props.put("spring.datasource.hikari.idle-timeout", "10000");
			props.put("spring.flyway.create-schemas", "true");
		}
		else {
			props.put("spring.datasource.url", "jdbc:h2:mem:" + name
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			props.put("spring.datasource.username", "sa");
			props.put("spring.datasource.password", "");
		}
		props.put("beacon.demo.enabled", "false");
		if (environment.getProperty("beacon.sessions.store") == null) {
			// a MockHttpSession cannot travel through the SESSION cookie; SharedSessionIntegrationTests covers jdbc
			props.put("beacon.sessions.store", "memory");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("beaconTestDatabase", props));
	}
}
