package org.beacon.tips.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressHasherTests {

	@Test
	void addressKeysAreStableWithinANodeButNotTheAddress() {
		AddressHasher hasher = new AddressHasher();

		assertThat(hasher.key("203.0.113.7")).isEqualTo(hasher.key("203.0.113.7"));
		assertThat(hasher.key("203.0.113.7")).isNotEqualTo(hasher.key("203.0.113.8"));
		// a hex key may contain "203" by chance; what matters is that the dotted address is not in it
		assertThat(hasher.key("203.0.113.7")).doesNotContain("203.0").doesNotContain(".").hasSize(16);
		assertThat(new AddressHasher().key("203.0.113.7")).as("salt differs per node").isNotEqualTo(hasher.key("203.0.113.7"));
	}
}
