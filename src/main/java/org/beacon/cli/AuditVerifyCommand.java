package org.beacon.cli;

import java.util.concurrent.Callable;

import org.beacon.identity.AuditTrail;
import org.beacon.identity.AuditTrail.AuditVerification;

import picocli.CommandLine.Command;

/**
 * {@code beacon audit verify}: recomputes every audit row's hash and checks the chain. Exit code 0 when
 * the trail is intact, 1 when it names the first altered or missing row.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = "Check that no audit trail entry was altered, removed or inserted.")
class AuditVerifyCommand implements Callable<Integer> {

	private final AuditTrail trail;

	AuditVerifyCommand(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public Integer call() {
		AuditVerification result = trail.verify();
		if (result.intact()) {
			System.out.println("audit trail intact: " + result.rowsChecked() + " rows checked");
			return 0;
		}
		System.out.println("audit trail broken at row " + result.firstBadRow() + ": " + result.problem());
		return 1;
	}
}
