package org.beacon.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.agency.Agencies;
import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccountRejectedException;
import org.beacon.identity.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A first start without {@code BEACON_ADMIN_PASSWORD}: a context of its own, so that this class sees the
 * administrator created and the generated password logged.
 */
@SpringBootTest(properties = "beacon.test.context=first-start")
@AutoConfigureMockMvc
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class FirstStartIntegrationTests {

	static final Pattern LOGGED_PASSWORD = Pattern.compile("password: (\\S+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcStaffAccounts jdbcAccounts;

	@Autowired
	AdminBootstrap bootstrap;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	@Test
	void logsAGeneratedTemporaryPasswordOnceThatWorksForTheFirstLogin(CapturedOutput output) throws Exception {
		Matcher logged = LOGGED_PASSWORD.matcher(output.getAll());
		assertThat(logged.find()).as("the generated password is logged").isTrue();
		String password = logged.group(1);
		assertThat(password).hasSize(20);

		bootstrap.ensureAdministrator();

		assertThat(output.getAll().split("Beacon created the administrator account", -1)).hasSize(2);
		mvc.perform(formLogin("/login").user("admin").password(password)).andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void recordsTheAdministratorsCreationAsTheServersStartupWork() {
		assertThat(jdbc.sql("""
				SELECT actor, source_address, agency_id FROM audit_event
				WHERE action = 'identity.account.create' AND target = 'admin roles=ADMIN'""")
				.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3))).list())
				.containsExactly(List.of("system", "startup", agencies.defaultAgency().id().value()));
	}

	@Test
	void createsTheAdministratorOnlyOnceWhenNodesRace() throws Exception {
		var agency = agencies.defaultAgency().id();
		Callable<Boolean> node = () -> jdbcAccounts.createIfAbsent(
				new NewStaffAccount(agency, "racer", "Racer", Set.of(Role.ANALYST), "a racing passphrase", true));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Boolean>> results = pool.invokeAll(List.of(node, node));
		pool.shutdown();

		assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
		assertThat(accounts.findByUsername("racer").orElseThrow().roles()).containsExactly(Role.ANALYST);
	}

	@Test
	void keepsTheLastEnabledAdministrator() {
		assertThatThrownBy(() -> accounts.changeRoles("admin", Set.of(Role.ANALYST)))
				.isInstanceOf(StaffAccountRejectedException.class).hasMessageContaining("last enabled administrator");
		assertThatThrownBy(() -> accounts.setEnabled("admin", false))
				.isInstanceOf(StaffAccountRejectedException.class).hasMessageContaining("last enabled administrator");
	}
}
