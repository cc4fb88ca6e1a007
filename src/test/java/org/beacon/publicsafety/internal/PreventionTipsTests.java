package org.beacon.publicsafety.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.beacon.incidents.OffenseCategory;
import org.junit.jupiter.api.Test;

/** Tips ask what happened, never who looked suspicious. */
class PreventionTipsTests {

	@Test
	void noTipAsksResidentsToReportSuspiciousPeople() {
		assertThat(PreventionTips.all()).hasSize(8).allSatisfy(tip -> assertThat(tip.toLowerCase())
				.doesNotContain("suspicious").doesNotContain("suspect").doesNotContain("stranger")
				.doesNotContain("out of place"));
	}

	@Test
	void generalTipAsksWhatHappenedWhereAndWhen() {
		assertThat(PreventionTips.of(null)).isEqualTo(PreventionTips.GENERAL)
				.contains("report what happened, where and when");
		assertThat(PreventionTips.of(OffenseCategory.HOMICIDE)).isEqualTo(PreventionTips.GENERAL);
	}
}
