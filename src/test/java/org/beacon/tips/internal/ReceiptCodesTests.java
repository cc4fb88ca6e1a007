package org.beacon.tips.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReceiptCodesTests {

	@Test
	void codesAndPassphrasesUseCrockfordBase32() {
		assertThat(ReceiptCodes.newCode()).matches("[0-9A-HJKMNP-TV-Z]{12}");
		assertThat(ReceiptCodes.newPassphrase()).matches("[0-9A-HJKMNP-TV-Z]{20}");
	}

	@Test
	void passphrasesDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			assertThat(seen.add(ReceiptCodes.newPassphrase())).isTrue();
		}
	}

	@Test
	void groupsForReadingAndNormalisesWhatPeopleType() {
		assertThat(ReceiptCodes.grouped("K7Q2M9XD4TPA", 4)).isEqualTo("K7Q2-M9XD-4TPA");
		assertThat(ReceiptCodes.normalise(" k7q2-m9xd 4tpa ")).isEqualTo("K7Q2M9XD4TPA");
		assertThat(ReceiptCodes.normalise("oil")).as("O reads as 0, I and L as 1").isEqualTo("011");
	}

	@Test
	void passphraseHashIsSaltedAndVerifiable() {
		String salt = PassphraseHasher.newSalt();
		String hash = PassphraseHasher.hash("ABCDE12345FGHJK67890", salt, 1000);

		assertThat(hash).doesNotContain("ABCDE");
		assertThat(PassphraseHasher.matches("ABCDE12345FGHJK67890", salt, 1000, hash)).isTrue();
		assertThat(PassphraseHasher.matches("ABCDE12345FGHJK67891", salt, 1000, hash)).isFalse();
		assertThat(PassphraseHasher.hash("ABCDE12345FGHJK67890", PassphraseHasher.newSalt(), 1000)).isNotEqualTo(hash);
	}
}
