package org.beacon.cli;

import picocli.CommandLine.Command;

/** {@code beacon import ...}: brings data in. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import incidents, areas or area demographics.",
		subcommands = { ImportIncidentsCommand.class, ImportAreasCommand.class, ImportDemographicsCommand.class })
class ImportCommand {
}
