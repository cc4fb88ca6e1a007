package org.beacon.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder until the owning module's API exists. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Not yet available.")
class AuditVerifyCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		System.err.println("not yet available");
		return 2;
	}
}
