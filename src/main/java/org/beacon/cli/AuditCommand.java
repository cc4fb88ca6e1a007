package org.beacon.cli;

import picocli.CommandLine.Command;

/** {@code beacon audit ...}: the tamper-evident audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the audit trail.",
		subcommands = { AuditVerifyCommand.class })
class AuditCommand {
}
