package org.beacon.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.beacon.incidents.IncidentRow;
import org.beacon.incidents.OffenseCategory;
import org.beacon.tips.TipCategory;
import org.junit.jupiter.api.Test;

import com.uber.h3core.H3Core;

class PublicDisclosureTests {

	static final ZoneId ST_LOUIS = ZoneId.of("America/Chicago");

	final PublicDisclosure rules = new PublicDisclosure(5);

	static IncidentRow row(OffenseCategory category, String description, String address, double lat, double lon) {
		return new IncidentRow(7, "test", "S-7", Instant.parse("2026-03-02T04:30:00Z"), "50000", description, category,
				address, lat, lon, 12, "Tower Grove South");
	}

	@Test
	void roundsHouseNumberDownToTheHundredBlock() {
		assertThat(rules.block("4321 Margaretta Ave")).isEqualTo("4300 BLOCK MARGARETTA AVE");
		assertThat(rules.block("4399  MARGARETTA   AVE")).isEqualTo("4300 BLOCK MARGARETTA AVE");
		assertThat(rules.block("4300 MARGARETTA AVE")).isEqualTo("4300 BLOCK MARGARETTA AVE");
		assertThat(rules.block("12 MAIN ST")).isEqualTo("0 BLOCK MAIN ST");
		assertThat(rules.block("4321A MAIN ST")).isEqualTo("4300 BLOCK MAIN ST");
		assertThat(rules.block("4321-25 MAIN ST")).isEqualTo("4300 BLOCK MAIN ST");
		assertThat(rules.block("4321 MAIN ST APT 3B")).isEqualTo("4300 BLOCK MAIN ST");
		assertThat(rules.block("4321 Main St, Unit 12")).isEqualTo("4300 BLOCK MAIN ST");
		assertThat(rules.block("4321 MAIN ST #2")).isEqualTo("4300 BLOCK MAIN ST");
		assertThat(rules.block("4321 STEWART PL")).isEqualTo("4300 BLOCK STEWART PL");
		assertThat(rules.block("4321 UNITY AVE")).isEqualTo("4300 BLOCK UNITY AVE");
	}

	@Test
	void keepsBlocksAndIntersectionsAndDropsBlankAddresses() {
		assertThat(rules.block("4350 BLOCK OF MARGARETTA AVE")).isEqualTo("4300 BLOCK MARGARETTA AVE");
		assertThat(rules.block("43XX MARGARETTA AVE")).isEqualTo("4300 BLOCK MARGARETTA AVE");
		assertThat(rules.block("GRAND BLVD & ARSENAL ST")).isEqualTo("GRAND BLVD & ARSENAL ST");
		assertThat(rules.block(" ")).isNull();
		assertThat(rules.block(null)).isNull();
	}

	@Test
	void movesPointToItsResolutionNineCellCentre() throws Exception {
		double lat = 38.6017, lon = -90.2481;
		double[] centre = rules.cellCentre(lat, lon);
		H3Core h3 = H3Core.newInstance();
		long cell = h3.latLngToCell(lat, lon, 9);
		assertThat(h3.latLngToCell(centre[0], centre[1], 9)).isEqualTo(cell);
		assertThat(centre[0]).isCloseTo(h3.cellToLatLng(cell).lat, within(1e-6));
		assertThat(centre[1]).isCloseTo(h3.cellToLatLng(cell).lng, within(1e-6));
		// two points in one cell share one centre: the public cannot tell them apart
		double[] neighbour = rules.cellCentre(centre[0] + 0.0002, centre[1] + 0.0002);
		assertThat(neighbour).containsExactly(centre);
	}

	@Test
	void givesNoPointForMissingCoordinates() {
		assertThat(rules.cellCentre(Double.NaN, -90.2)).containsExactly(Double.NaN, Double.NaN);
	}

	@Test
	void neverDisclosesSexualOrDomesticOffences() {
		for (OffenseCategory c : new OffenseCategory[] { OffenseCategory.RAPE, OffenseCategory.SEX_OFFENSE,
				OffenseCategory.FAMILY }) {
			assertThat(rules.isPublic(c)).as(c.name()).isFalse();
			assertThat(rules.disclose(row(c, "SOMETHING", "4321 MAIN ST", 38.6, -90.2), ST_LOUIS)).as(c.name()).isEmpty();
		}
		assertThat(rules.isPublic(OffenseCategory.BURGLARY)).isTrue();
	}

	@Test
	void neverDisclosesIncidentsInvolvingJuveniles() {
		assertThat(rules.disclose(row(OffenseCategory.OTHER_ASSAULT, "ASSAULT 4TH DEGREE-JUVENILE VICTIM", "1 MAIN ST",
				38.6, -90.2), ST_LOUIS)).isEmpty();
		assertThat(rules.disclose(row(OffenseCategory.OTHER, "CURFEW VIOLATION", "1 MAIN ST", 38.6, -90.2), ST_LOUIS))
				.isEmpty();
		assertThat(rules.disclose(row(OffenseCategory.OTHER, "ENDANGERING WELFARE OF A CHILD", "1 MAIN ST", 38.6, -90.2),
				ST_LOUIS)).isEmpty();
		assertThat(rules.involvesJuvenile("LARCENY-FROM BUILDING")).isFalse();
		assertThat(rules.involvesJuvenile("MINORITY OWNED")).isFalse();
	}

	@Test
	void neverDisclosesDrugTips() {
		assertThat(rules.isPublic(TipCategory.DRUGS)).isFalse();
		assertThat(rules.isPublic(TipCategory.PROPERTY)).isTrue();
	}

	@Test
	void neverDisclosesOverdosesAtAResidenceOrUnknownPlace() {
		assertThat(rules.isPublicOverdosePlace("Private residence")).isFalse();
		assertThat(rules.isPublicOverdosePlace("Home")).isFalse();
		assertThat(rules.isPublicOverdosePlace("Apartment")).isFalse();
		assertThat(rules.isPublicOverdosePlace(null)).isFalse();
		assertThat(rules.isPublicOverdosePlace("Park")).isTrue();
	}

	@Test
	void disclosesBlockCellCentreAndLocalDateOnly() {
		PublicIncident p = rules.disclose(row(OffenseCategory.BURGLARY, "BURGLARY-RESIDENCE", "4321 MARGARETTA AVE",
				38.6017, -90.2481), ST_LOUIS).orElseThrow();
		// 04:30 UTC on 2 March is 22:30 on 1 March in St. Louis
		assertThat(p.date()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(p.block()).isEqualTo("4300 BLOCK MARGARETTA AVE");
		assertThat(new double[] { p.lat(), p.lon() }).containsExactly(rules.cellCentre(38.6017, -90.2481));
		assertThat(p.lat()).isNotEqualTo(38.6017);
		assertThat(p.neighbourhood()).isEqualTo("Tower Grove South");
	}

	@Test
	void suppressesCountsBelowTheMinimum() {
		assertThat(rules.count(0)).isEqualTo("0");
		assertThat(rules.count(1)).isEqualTo("fewer than 5");
		assertThat(rules.count(4)).isEqualTo("fewer than 5");
		assertThat(rules.count(5)).isEqualTo("5");
		assertThat(rules.countShown(4)).isFalse();
		assertThat(new PublicDisclosure(10).count(9)).isEqualTo("fewer than 10");
		assertThatThrownBy(() -> rules.count(-1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void disclosesAReportAtItsCellCentreAndItsTextOnlyOnceApproved() {
		ResidentReport pending = new ResidentReport(false, false, false, 38.62745, -90.19941, "1234 Main St, Apt 5",
				"Back door kicked in", "https://photos.example.org/door.jpg");
		ResidentReport approved = new ResidentReport(false, false, true, 38.62745, -90.19941, "1234 Main St, Apt 5",
				"Back door kicked in", "https://photos.example.org/door.jpg");

		PublicReport before = rules.disclose(pending).orElseThrow();
		PublicReport after = rules.disclose(approved).orElseThrow();

		assertThat(new double[] { before.lat(), before.lon() }).containsExactly(rules.cellCentre(38.62745, -90.19941));
		assertThat(before.address()).isNull();
		assertThat(before.description()).isNull();
		assertThat(before.mediaUrl()).isNull();
		assertThat(after.address()).isEqualTo("1200 BLOCK MAIN ST");
		assertThat(after.description()).isEqualTo("Back door kicked in");
		assertThat(after.mediaUrl()).isEqualTo("https://photos.example.org/door.jpg");
		assertThat(new double[] { after.lat(), after.lon() }).containsExactly(before.lat(), before.lon());
	}

	@Test
	void neverDisclosesPrivateOrRejectedReportsNorTheirUpdates() {
		assertThat(rules.disclose(new ResidentReport(true, false, true, 38.6, -90.2, "1 MAIN ST", "x", null))).isEmpty();
		assertThat(rules.disclose(new ResidentReport(false, true, false, 38.6, -90.2, null, null, null))).isEmpty();
		assertThat(rules.disclose(new ReportUpdate(true, false, true, "Passed to the beat officer"))).isEmpty();
		assertThat(rules.disclose(new ReportUpdate(false, true, true, "Closed"))).isEmpty();
		assertThat(rules.disclose(new ReportUpdate(false, false, false, "Caller sounded upset"))).isEmpty();
		assertThat(rules.disclose(new ReportUpdate(false, false, true, "Fixed")).orElseThrow().text()).isEqualTo("Fixed");
		assertThat(rules.disclose(new ReportUpdate(false, false, true, null)).orElseThrow().text()).isEmpty();
	}

	@Test
	void aReportWithoutAPointHasNoneInPublic() {
		PublicReport p = rules.disclose(new ResidentReport(false, false, true, null, null, "Grand & Arsenal", null, null))
				.orElseThrow();
		assertThat(p.located()).isFalse();
		assertThat(p.address()).isEqualTo("GRAND & ARSENAL");
	}

	@Test
	void disclosesAreaNoticesOnlyWithoutSmallCounts() {
		AreaNotice ok = new AreaNotice("neighbourhood", "59", "Tower Grove South", "Overdose alert",
				"Carry naloxone.", "Fewer than 5 suspected overdoses were reported in Tower Grove South on 2029-08-10.");
		assertThat(rules.disclose(ok)).contains(new PublicNotice("neighbourhood", "59", "Tower Grove South",
				"Overdose alert", "Carry naloxone.", ok.countText()));
		// a point or a cell is not an area
		assertThat(rules.disclose(new AreaNotice("cell", "89283082803ffff", "x", "t", "b", null))).isEmpty();
		// a text stating a count below k
		assertThat(rules.disclose(new AreaNotice("city", "stl", "St. Louis", "t", "3 overdoses on Cherokee St", null)))
				.isEmpty();
		assertThat(rules.disclose(new AreaNotice("city", "stl", "St. Louis", "2 deaths this week", "b", null))).isEmpty();
		// a count sentence written when k was lower is dropped, the notice stays
		PublicNotice raised = new PublicDisclosure(10).disclose(new AreaNotice("city", "stl", "St. Louis", "t", "b",
				"6 suspected overdoses were reported in St. Louis on 2029-08-10.")).orElseThrow();
		assertThat(raised.countText()).isNull();
	}

	@Test
	void findsStatedCountsBelowTheMinimum() {
		assertThat(rules.smallCounts("3 suspected overdoses and 12 deaths; 4 people helped")).containsExactly(
				"3 suspected overdoses", "4 people");
		assertThat(rules.smallCounts("Fewer than 5 overdoses; 5 cases")).isEmpty();
		assertThat(rules.smallCounts("Call 988 or 911")).isEmpty();
		assertThat(rules.smallCounts(null)).isEmpty();
	}

	static PublicIncident incident(OffenseCategory category, long neighbourhood) {
		return new PublicIncident(LocalDate.of(2026, 3, 10), category, "4300 BLOCK MARGARETTA AVE", 38.6, -90.25,
				neighbourhood, neighbourhood == 0 ? null : "N" + neighbourhood);
	}

	@Test
	void withholdsEveryRowOfAGroupWithFewerThanKInTheWindow() {
		java.util.List<PublicIncident> window = new java.util.ArrayList<>();
		// burglary in neighbourhood 1: 5 rows (shown); in neighbourhood 2: 4 rows (withheld);
		// larceny in neighbourhood 1: 1 row (withheld); robbery with no known neighbourhood: 5 rows (shown)
		for (int i = 0; i < 5; i++) {
			window.add(incident(OffenseCategory.BURGLARY, 1));
			window.add(incident(OffenseCategory.ROBBERY, 0));
		}
		for (int i = 0; i < 4; i++) {
			window.add(incident(OffenseCategory.BURGLARY, 2));
		}
		window.add(incident(OffenseCategory.LARCENY, 1));

		assertThat(rules.smallGroups(window)).containsExactlyInAnyOrder(
				new PublicDisclosure.CountGroup(OffenseCategory.BURGLARY, 2),
				new PublicDisclosure.CountGroup(OffenseCategory.LARCENY, 1));
		assertThat(rules.shownGroups(window)).containsExactlyInAnyOrder(
				new PublicDisclosure.CountGroup(OffenseCategory.BURGLARY, 1),
				new PublicDisclosure.CountGroup(OffenseCategory.ROBBERY, 0));
		java.util.List<PublicIncident> shown = rules.withholdSmallGroups(window);
		assertThat(shown).hasSize(10).allSatisfy(p -> assertThat(p.category() == OffenseCategory.BURGLARY
				&& p.neighbourhoodId() == 1 || p.category() == OffenseCategory.ROBBERY).isTrue());
		assertThat(rules.withholdSmallGroups(java.util.List.of())).isEmpty();
		// k = 1 withholds nothing
		assertThat(new PublicDisclosure(1).withholdSmallGroups(window)).hasSize(15);
	}
}
