package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.beacon.identity.AuditTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AuditVerifyCommandTests {

	@Test
	void printsRowCountAndExitsZeroForAnIntactTrail(CapturedOutput output) {
		int exit = new AuditVerifyCommand(trailReporting(new AuditTrail.AuditVerification(1234, 0, "none"))).call();

		assertThat(exit).isZero();
		assertThat(output.getOut()).isEqualTo("audit trail intact: 1234 rows checked" + System.lineSeparator());
	}

	@Test
	void namesTheBadRowAndExitsOneForABrokenTrail(CapturedOutput output) {
		int exit = new AuditVerifyCommand(
				trailReporting(new AuditTrail.AuditVerification(57, 57, "hash mismatch (row altered)"))).call();

		assertThat(exit).isEqualTo(1);
		assertThat(output.getOut())
				.isEqualTo("audit trail broken at row 57: hash mismatch (row altered)" + System.lineSeparator());
	}

	private static AuditTrail trailReporting(AuditTrail.AuditVerification result) {
		return new AuditTrail() {

			@Override
			public void record(String action, String target, String outcome) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void record(String actor, String sourceAddress, String action, String target, String outcome) {
				throw new UnsupportedOperationException();
			}

			@Override
			public AuditVerification verify() {
				return result;
			}
		};
	}
}
