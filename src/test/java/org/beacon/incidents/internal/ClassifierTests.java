package org.beacon.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.beacon.incidents.OffenseCategory;
import org.junit.jupiter.api.Test;

class ClassifierTests {

	@Test
	void takesTheUcrClassFromTheStLouisCrimeCode() {
		Classifier classifier = new Classifier(new ImportProfile.Classification(10_000, Map.of(), new LinkedHashMap<>(), null));

		// 21000 div 10000 = 2 (rape); 142320 div 10000 = 14 (vandalism); 265321 div 10000 = 26 (all other)
		assertThat(classifier.classify("21000", 21_000, "RAPE -- FORCIBLE", "")).isEqualTo(OffenseCategory.RAPE);
		assertThat(classifier.classify("142320", 142_320, "", "")).isEqualTo(OffenseCategory.VANDALISM);
		assertThat(classifier.classify("265321", 265_321, "", "")).isEqualTo(OffenseCategory.OTHER);
		// class 99 does not exist and there is no default
		assertThat(classifier.classify("990000", 990_000, "", "")).isNull();
	}

	@Test
	void matchesKeywordsWhereAWordStartsFirstListedFirst() {
		LinkedHashMap<String, OffenseCategory> keywords = new LinkedHashMap<>();
		keywords.put("MOTOR VEHICLE THEFT", OffenseCategory.MOTOR_VEHICLE_THEFT);
		keywords.put("RAPE", OffenseCategory.RAPE);
		keywords.put("THEFT", OffenseCategory.LARCENY);
		Classifier classifier = new Classifier(new ImportProfile.Classification(null, Map.of(), keywords,
				OffenseCategory.OTHER));

		assertThat(classifier.classify("", -1, "Motor vehicle theft - auto", "")).isEqualTo(OffenseCategory.MOTOR_VEHICLE_THEFT);
		assertThat(classifier.classify("", -1, "THEFTS FROM BUILDING", "")).isEqualTo(OffenseCategory.LARCENY);
		assertThat(classifier.classify("", -1, "GRAPE STAND DAMAGE", "")).isEqualTo(OffenseCategory.OTHER);
	}

	@Test
	void prefersACategoryColumnThenTheCodeTable() {
		Classifier classifier = new Classifier(new ImportProfile.Classification(null, Map.of("0810", OffenseCategory.LARCENY),
				new LinkedHashMap<>(), null));

		assertThat(classifier.classify("0810", -1, "", "Burglary")).isEqualTo(OffenseCategory.BURGLARY);
		assertThat(classifier.classify("0810", -1, "", "")).isEqualTo(OffenseCategory.LARCENY);
		assertThat(classifier.classify("0820", -1, "", "")).isNull();
	}
}
