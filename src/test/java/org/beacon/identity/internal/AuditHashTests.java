package org.beacon.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.beacon.identity.AuditEntry;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;

class AuditHashTests {

	static final Instant AT = Instant.parse("2025-03-01T14:05:09.123456Z");

	static AuditEntry entry(String actor, String address) {
		return new AuditEntry(57, AT, AgencyId.of(1), actor, address, "incidents.import", "stl-2024.csv", "success",
				AuditHash.GENESIS, null);
	}

	@Test
	void serialisesEveryFieldOnItsOwnLineWithTextLengths() {
		assertThat(AuditHash.canonical(entry("alice", "127.0.0.1"))).isEqualTo("""
				57
				2025-03-01T14:05:09.123456Z
				1
				5:alice
				9:127.0.0.1
				16:incidents.import
				12:stl-2024.csv
				7:success
				0000000000000000000000000000000000000000000000000000000000000000""");
	}

	@Test
	void hashesTheCanonicalFormWithSha256() {
		// printf '57\n2025-03-01T14:05:09.123456Z\n1\n5:alice\n9:127.0.0.1\n16:incidents.import\n12:stl-2024.csv\n7:success\n'"$(printf '0%.0s' {1..64})" | sha256sum
		assertThat(AuditHash.of(entry("alice", "127.0.0.1")))
				.isEqualTo("f8322a995054ac11fb3eb4014e0ee90ed6b317be0a172dc26b2649aef4ddcfc3");
	}

	@Test
	void writesWholeSecondsAndNoAgencyUnambiguously() {
		var entry = new AuditEntry(1, Instant.parse("2025-03-01T14:05:09Z"), null, "a", "b", "c", "", "d",
				AuditHash.GENESIS, null);

		assertThat(AuditHash.canonical(entry)).startsWith("1\n2025-03-01T14:05:09.000000Z\n\n1:a\n1:b\n1:c\n0:\n1:d\n");
	}

	@Test
	void tellsApartRowsWhoseFieldsOnlyShiftCharactersBetweenThem() {
		assertThat(AuditHash.of(entry("alice\n9:1", "27.0.0.1"))).isNotEqualTo(AuditHash.of(entry("alice", "127.0.0.1")));
		assertThat(AuditHash.canonical(entry("ab", "c"))).isNotEqualTo(AuditHash.canonical(entry("a", "bc")));
	}

	@Test
	void keepsMicrosecondsOnlyBecauseTheDatabaseDoes() {
		assertThat(AuditHash.storable(Instant.parse("2025-03-01T14:05:09.123456789Z")))
				.isEqualTo(Instant.parse("2025-03-01T14:05:09.123456Z"));
	}
}
