package org.beacon.cli;

import picocli.CommandLine.Command;

/** {@code beacon import ...}: brings data in. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import incidents or areas.",
		subcommands = { ImportIncidentsCommand.class, ImportAreasCommand.class })
class ImportCommand {
}
