package org.beacon.cli;

import picocli.CommandLine.Command;

/** {@code beacon overdose ...}: overdose events in, spikes out. */
@Command(name = "overdose", mixinStandardHelpOptions = true,
		description = "Import overdose events and detect spikes (EARS C1/C2/C3, CUSUM, space-time scan).",
		subcommands = { OverdoseImportCommand.class, OverdoseDetectCommand.class })
class OverdoseCommand {
}
