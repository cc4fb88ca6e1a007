package org.beacon.cli;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import picocli.CommandLine;

/**
 * Runs the picocli command named by the program arguments once the (web-less) context is up, and hands
 * its exit code back to {@code SpringApplication.exit}. Active only in the {@code cli} profile.
 */
@Component
@Profile("cli")
class CommandLineRunnerConfig implements ApplicationRunner, ExitCodeGenerator {

	private final ApplicationContext context;
	private int exitCode;

	CommandLineRunnerConfig(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		exitCode = commandLine().execute(args.getSourceArgs());
	}

	CommandLine commandLine() {
		return new CommandLine(BeaconCommand.class, new SpringFactory(context));
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

	/** Creates commands through Spring so they can take module APIs in their constructors. */
	private record SpringFactory(ApplicationContext context) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> cls) throws Exception {
			try {
				return context.getAutowireCapableBeanFactory().createBean(cls);
			}
			catch (RuntimeException e) {
				return CommandLine.defaultFactory().create(cls);
			}
		}
	}
}
