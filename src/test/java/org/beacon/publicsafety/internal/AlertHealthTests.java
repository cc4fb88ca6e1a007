package org.beacon.publicsafety.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the alert delivery page makes of ledger rows: error texts without addresses, periods in words. */
class AlertHealthTests {

	@Test
	void masksTheSubscribersAddressHoweverItIsWritten() {
		assertThat(AlertHealth.mask("550 <Ann.Lee@Example.org> refused", "ann.lee@example.org"))
				.isEqualTo("550 <[address]> refused");
		// the subscribe form accepts any non-blank local part; the literal address goes first
		assertThat(AlertHealth.mask("rejected: odd:name(x)@example.org", "odd:name(x)@example.org"))
				.isEqualTo("rejected: [address]");
	}

	@Test
	void masksOtherAddressesAndUrls() {
		assertThat(AlertHealth.mask("forwarded to bob@example.net, see https://hooks.example.net/T0/s3cret?x=1 now", null))
				.isEqualTo("forwarded to [address], see [url] now");
		assertThat(AlertHealth.mask("webhook answered HTTP 410", "ann@example.org")).isEqualTo("webhook answered HTTP 410");
		assertThat(AlertHealth.mask(null, "ann@example.org")).isNull();
	}

	@Test
	void namesTheMessageFromItsPeriod() {
		assertThat(AlertHealth.message("CONFIRM")).isEqualTo("confirmation");
		assertThat(AlertHealth.message("DAILY:2026-03-10")).isEqualTo("daily digest 2026-03-10");
		assertThat(AlertHealth.message("WEEKLY:2026-03-09#webhook")).isEqualTo("weekly digest from 2026-03-09");
		assertThat(AlertHealth.message("NOTICE:42#webhook")).isEqualTo("overdose notice 42");
	}
}
