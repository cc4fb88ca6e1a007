package org.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.WebApplicationContext;

/**
 * The jar's subcommands run in a context without a web server, as {@code java -jar beacon.jar audit verify}
 * does: every bean must be creatable there, including the web controllers, which then serve nothing.
 */
class CommandLineContextTests {

	private static final String LAZY = "spring.main.lazy-initialization";

	@Test
	void runsASubcommandWithoutAWebServerWithEveryBeanCreated() {
		SpringApplication app = BeaconApplication.commandLine();
		// the command line may create beans only as it needs them; create them all here, so none hides a
		// web-only need (a system property outranks the cli profile's settings)
		System.setProperty(LAZY, "false");
		try (ConfigurableApplicationContext context = app.run("audit", "verify")) {
			assertThat(context).isNotInstanceOf(WebApplicationContext.class);
			assertThat(SpringApplication.exit(context)).isZero();
		}
		finally {
			System.clearProperty(LAZY);
		}
	}
}
