package org.beacon.tips;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptionScreenTests {

	@Test
	void holdsTextThatDescribesPeopleOnlyByRace() {
		assertThat(DescriptionScreen.holdReason("Two black guys hanging around the corner again")).isPresent();
		assertThat(DescriptionScreen.holdReason("Suspicious Hispanic looking male walking slowly")).isPresent();
		assertThat(DescriptionScreen.holdReason("A bunch of mexicans at the park every night")).isPresent();
		assertThat(DescriptionScreen.holdReason("middle-eastern men sitting in the lot")).isPresent();
	}

	@Test
	void passesTextAboutThingsOrBehaviour() {
		assertThat(DescriptionScreen.holdReason("Black car speeding down Grand every morning")).isEmpty();
		assertThat(DescriptionScreen.holdReason("White van dumping tyres in the alley")).isEmpty();
		assertThat(DescriptionScreen.holdReason("Loud music from 2 am until 5 am, people shouting")).isEmpty();
		assertThat(DescriptionScreen.holdReason(null)).isEmpty();
		assertThat(DescriptionScreen.holdReason("  ")).isEmpty();
	}

	@Test
	void passesARacialDescriptorThatComesWithSomethingObservable() {
		assertThat(DescriptionScreen.holdReason(
				"A white man in a red hoodie and jeans, about 6 feet tall, broke the car window")).isEmpty();
	}

	@Test
	void aThingNearbyOrAnAmbiguousWordDoesNotDescribeThePerson() {
		// "car", "bag" and "short" used to count wherever they stood
		assertThat(DescriptionScreen.holdReason("Two black guys next to my car spraying")).isPresent();
		assertThat(DescriptionScreen.holdReason("Hispanic males by the bus stop, left my bag there")).isPresent();
		assertThat(DescriptionScreen.holdReason("black teens on the corner for a short while, we called 911"))
				.isPresent();
	}

	@Test
	void passesAVehicleOrFeatureThatTellsThePeopleApart() {
		assertThat(DescriptionScreen.holdReason("Two black guys in a silver Honda spraying the wall")).isEmpty();
		assertThat(DescriptionScreen.holdReason("Asian man driving a white van, plate starts 4KX")).isEmpty();
		assertThat(DescriptionScreen.holdReason("Hispanic male wearing a hat, carrying a crowbar")).isEmpty();
		assertThat(DescriptionScreen.holdReason("white woman with long grey hair took the packages")).isEmpty();
	}

	@Test
	void explainsWhyAndWhatToWriteInstead() {
		assertThat(DescriptionScreen.holdReason("black teens on the corner")).hasValueSatisfying(reason -> {
			assertThat(reason).contains("only by race or ethnicity");
			assertThat(reason).contains("describe what was done");
		});
	}
}
