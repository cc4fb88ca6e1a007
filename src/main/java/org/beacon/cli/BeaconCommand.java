package org.beacon.cli;

import picocli.CommandLine.Command;

/** The root: {@code java -jar beacon.jar COMMAND}. {@code serve} is handled before Spring starts. */
@Command(name = "beacon", mixinStandardHelpOptions = true, version = "Beacon 0.1",
		description = "Community policing and drug prevention platform.%n"
				+ "With no command, or 'serve', starts the web application.",
		subcommands = { ImportCommand.class, AuditCommand.class, OverdoseCommand.class, AnalyzeCommand.class, picocli.CommandLine.HelpCommand.class })
class BeaconCommand {
}
