package org.beacon.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KeysAndHashesTests {

	@Test
	void numbersRepeatedKeysInTheOrderTheyOccur() {
		OccurrenceCounter counter = new OccurrenceCounter();

		assertThat(IntStream.of(7, 8, 7, 7, 8).map(counter::next)).containsExactly(1, 1, 2, 3, 2);
	}

	@Test
	void keepsCountingAsItGrows() {
		OccurrenceCounter counter = new OccurrenceCounter();
		for (long key = 0; key < 100_000; key++) {
			counter.next(key * 0x9E3779B97F4A7C15L);
		}

		assertThat(counter.next(0)).isEqualTo(2);
		assertThat(counter.next(99_999L * 0x9E3779B97F4A7C15L)).isEqualTo(2);
		assertThat(counter.next(100_000L * 0x9E3779B97F4A7C15L)).isEqualTo(1);
	}

	@Test
	void hashTellsFieldsApartAndIsStable() {
		assertThat(new Fnv64().add("ab").add("c").value()).isNotEqualTo(new Fnv64().add("a").add("bc").value());
		assertThat(new Fnv64().add("14-012963").add(91113L).hex())
				.isEqualTo(new Fnv64().add("14-012963").add(91113L).hex()).hasSize(16);
		// FNV-1a of the empty input is the offset basis; one field adds the separator 0x1F
		assertThat(new Fnv64().value()).isEqualTo(Fnv64.OFFSET_BASIS);
		assertThat(new Fnv64().add("").value()).isEqualTo((Fnv64.OFFSET_BASIS ^ 0x1F) * 0x100000001b3L);
	}

	@Test
	void comparesHeaderNamesIgnoringCaseSpacesAndPunctuation() {
		assertThat(HeaderMapping.normal("X-Coord")).isEqualTo(HeaderMapping.normal("XCoord"));
		assertThat(HeaderMapping.normal("Date Occur")).isEqualTo("dateoccur");
		assertThat(HeaderMapping.normal("Ycoord")).isEqualTo(HeaderMapping.normal("YCoord"));
	}
}
