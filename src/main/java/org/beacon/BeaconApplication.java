package org.beacon;

import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * One jar, two faces: with no arguments, {@code serve} or only options it starts the web application;
 * any other first argument is a command-line subcommand (see {@code org.beacon.cli}), run in a Spring
 * context without a web server.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class BeaconApplication {

	/** First arguments that start the web application rather than a subcommand. */
	private static final Set<String> SERVE = Set.of("serve");

	public static void main(String[] args) {
		if (startsWebApplication(args)) {
			String[] rest = args.length > 0 && SERVE.contains(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
			if (Arrays.asList(rest).contains("--help")) {
				System.out.println(ServeHelp.TEXT);
				return;
			}
			SpringApplication app = new SpringApplication(BeaconApplication.class);
			app.setAdditionalProfiles("serve");
			app.run(ServeHelp.translate(rest));
			return;
		}
		System.exit(SpringApplication.exit(commandLine().run(args)));
	}

	/** The application as subcommands run it: no web server, profile {@code cli}. */
	static SpringApplication commandLine() {
		SpringApplication app = new SpringApplication(BeaconApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles("cli");
		app.setLogStartupInfo(false);
		return app;
	}

	static boolean startsWebApplication(String[] args) {
		return args.length == 0 || SERVE.contains(args[0]) || args[0].startsWith("-") && !args[0].equals("--help")
				&& !args[0].equals("-h") && !args[0].equals("--version") && !args[0].equals("-V");
	}
}
