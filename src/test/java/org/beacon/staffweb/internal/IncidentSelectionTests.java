package org.beacon.staffweb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.beacon.incidents.OffenseCategory;
import org.junit.jupiter.api.Test;

class IncidentSelectionTests {

	@Test
	void partOneMeansTheEightPartOneClasses() {
		assertThat(CategoryChoice.parse("PART_I").categories()).containsExactlyInAnyOrder(OffenseCategory.HOMICIDE,
				OffenseCategory.RAPE, OffenseCategory.ROBBERY, OffenseCategory.AGGRAVATED_ASSAULT,
				OffenseCategory.BURGLARY, OffenseCategory.LARCENY, OffenseCategory.MOTOR_VEHICLE_THEFT,
				OffenseCategory.ARSON);
		assertThat(CategoryChoice.parse("PART_II").categories()).hasSize(18);
		assertThat(CategoryChoice.parse("").categories()).isEmpty();
		assertThat(CategoryChoice.parse("DRUGS").label()).isEqualTo("Drug abuse violations");
	}

	@Test
	void rejectsUnknownCategoryNamingTheParameter() {
		assertThatThrownBy(() -> CategoryChoice.parse("drugs")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("category must be");
	}

	@Test
	void rejectsToBeforeFrom() {
		assertThatThrownBy(() -> new IncidentSelection(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 1, 1), null))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to (2020-01-01)");
	}

	@Test
	void writesQueryStringDescriptionAndFileName() {
		IncidentSelection selection = new IncidentSelection(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31),
				CategoryChoice.parse("PART_I"));

		assertThat(selection.queryString()).isEqualTo("from=2020-01-01&to=2020-12-31&category=PART_I");
		assertThat(selection.describe()).isEqualTo("from=2020-01-01 to=2020-12-31 category=PART_I");
		assertThat(selection.fileStem()).isEqualTo("incidents-2020-01-01-2020-12-31-PART_I");
		assertThat(new IncidentSelection(null, null, null).queryString()).isEmpty();
		assertThat(new IncidentSelection(null, null, null).describe()).isEqualTo("from=* to=* category=all");
	}

	@Test
	void defusesSpreadsheetFormulasInFreeText() {
		assertThat(IncidentExport.text("=1+1")).isEqualTo("'=1+1");
		assertThat(IncidentExport.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(IncidentExport.text("4200 MAIN ST")).isEqualTo("4200 MAIN ST");
		assertThat(IncidentExport.text(null)).isEmpty();
	}
}
