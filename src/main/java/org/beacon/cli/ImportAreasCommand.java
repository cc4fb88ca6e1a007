package org.beacon.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder until the owning module's API exists. */
@Command(name = "areas", mixinStandardHelpOptions = true, description = "Not yet available.")
class ImportAreasCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		System.err.println("not yet available");
		return 2;
	}
}
