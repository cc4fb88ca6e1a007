package org.beacon.publicsafety.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Links sent before tokens were hashed keep working: migration V72 turns the plain tokens of V70 into the same
 * SHA-256 {@link AlertTokens} computes, on H2 and (with {@code -Dbeacon.test.db=postgres}) on PostgreSQL.
 */
class AlertTokenMigrationTests {

	@Test
	void plainTokensOfOldSubscriptionsBecomeHashesThatStillOpenThem() {
		boolean postgres = "postgres".equals(System.getProperty("beacon.test.db", "h2"));
		String schema = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		DataSource db = postgres
				? new DriverManagerDataSource(System.getenv().getOrDefault("BEACON_TEST_PG_URL",
						"jdbc:postgresql://127.0.0.1:5432/postgres") + "?currentSchema=" + schema,
						System.getenv().getOrDefault("BEACON_TEST_PG_USER", "postgres"),
						System.getenv().getOrDefault("BEACON_TEST_PG_PASSWORD", ""))
				// one connection kept open, as the application's pool does: H2 2.4 cannot check a constraint created
				// by a session that has since closed
				: new SingleConnectionDataSource("jdbc:h2:mem:" + schema
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", true);
		String[] locations = { "classpath:db/migration/common", "classpath:db/migration/" + (postgres ? "postgresql" : "h2") };
		var flyway = Flyway.configure().dataSource(db).locations(locations);
		if (postgres) {
			flyway.schemas(schema).createSchemas(true);
		}
		flyway.target("70").load().migrate();
		JdbcClient jdbc = JdbcClient.create(db);
		jdbc.sql("INSERT INTO agency (code, name, time_zone, projection) VALUES ('stl', 'St. Louis', 'America/Chicago', 'auto')")
				.update();
		jdbc.sql("""
				INSERT INTO alert_subscription (agency_id, email, place_kind, centre_lat, centre_lon, radius_m, categories,
				  frequency, only_above_usual, confirm_token, unsubscribe_token, state, created_at)
				VALUES ((SELECT id FROM agency), 'old@example.org', 'RADIUS', 38.6, -90.2, 500, '', 'WEEKLY', FALSE,
				  'Qm9va2VkLWEtY29uZmlybS10b2tlbi1sb25nLWFnbw', 'U2VudC1sb25nLWFnby11bnN1YnNjcmliZS1saW5r', 'ACTIVE',
				  CURRENT_TIMESTAMP)""").update();
		long id = jdbc.sql("SELECT id FROM alert_subscription").query(Long.class).single();

		Flyway.configure().dataSource(db).locations(locations).schemas(postgres ? new String[] { schema } : new String[0])
				.load().migrate();

		AlertTokens tokens = new AlertTokens(jdbc, new DefaultListableBeanFactory().getBeanProvider(Clock.class));
		assertThat(tokens.subscriptionOf("U2VudC1sb25nLWFnby11bnN1YnNjcmliZS1saW5r", AlertTokens.Purpose.UNSUBSCRIBE))
				.contains(id);
		assertThat(tokens.subscriptionOf("Qm9va2VkLWEtY29uZmlybS10b2tlbi1sb25nLWFnbw", AlertTokens.Purpose.CONFIRM))
				.contains(id);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_token WHERE token_hash LIKE 'U2Vud%' OR token_hash LIKE 'Qm9v%'")
				.query(Long.class).single()).isZero();
		// a new token works the same way
		String fresh = tokens.issue(id, AlertTokens.Purpose.UNSUBSCRIBE);
		assertThat(tokens.subscriptionOf(fresh, AlertTokens.Purpose.UNSUBSCRIBE)).contains(id);
		if (postgres) {
			jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
		}
	}
}
