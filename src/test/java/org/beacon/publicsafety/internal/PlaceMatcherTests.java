package org.beacon.publicsafety.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.beacon.incidents.OffenseCategory;
import org.beacon.publicsafety.AlertPlace;
import org.beacon.disclosure.PublicIncident;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;

class PlaceMatcherTests {

	static Subscription place(AlertPlace kind, Long neighbourhood, Double lat, Double lon, Double radius, String polygon) {
		return new Subscription(1, AgencyId.of(1), "a@example.org", null, null, kind, neighbourhood, "N", lat, lon, radius,
				polygon, Set.of(), Subscription.Frequency.DAILY, false, "ACTIVE", Instant.EPOCH);
	}

	static PublicIncident at(double lat, double lon, long neighbourhood) {
		return new PublicIncident(LocalDate.of(2026, 3, 1), OffenseCategory.BURGLARY, "1 BLOCK X", lat, lon, neighbourhood,
				"N");
	}

	@Test
	void measuresGreatCircleDistance() {
		// one degree of latitude is 2πR/360 = 2π·6371008.8/360 ≈ 111195.08 m
		assertThat(PlaceMatcher.metres(38, -90, 39, -90)).isCloseTo(111_195.08, within(0.01));
		assertThat(PlaceMatcher.metres(38.6, -90.2, 38.6, -90.2)).isZero();
	}

	@Test
	void radiusIncludesPointsWithinAndExcludesBeyond() {
		var matcher = PlaceMatcher.of(place(AlertPlace.RADIUS, null, 38.6, -90.2, 500.0, null));
		// 0.004° of latitude ≈ 445 m, 0.005° ≈ 556 m
		assertThat(matcher.test(at(38.604, -90.2, 0))).isTrue();
		assertThat(matcher.test(at(38.605, -90.2, 0))).isFalse();
		assertThat(matcher.test(at(Double.NaN, Double.NaN, 0))).isFalse();
	}

	@Test
	void neighbourhoodMatchesByAreaId() {
		var matcher = PlaceMatcher.of(place(AlertPlace.NEIGHBOURHOOD, 7L, null, null, null, null));
		assertThat(matcher.test(at(38.6, -90.2, 7))).isTrue();
		assertThat(matcher.test(at(38.6, -90.2, 8))).isFalse();
	}

	@Test
	void polygonCoversPointsInsideAndOnItsEdge() {
		String square = "{\"type\":\"Polygon\",\"coordinates\":[[[-90.3,38.5],[-90.1,38.5],[-90.1,38.7],[-90.3,38.7],[-90.3,38.5]]]}";
		var matcher = PlaceMatcher.of(place(AlertPlace.POLYGON, null, null, null, null, square));
		assertThat(matcher.test(at(38.6, -90.2, 0))).isTrue();
		assertThat(matcher.test(at(38.5, -90.2, 0))).isTrue();
		assertThat(matcher.test(at(38.8, -90.2, 0))).isFalse();
	}

	@Test
	void rejectsNonPolygonalOrBrokenAreas() {
		assertThatThrownBy(() -> PlaceMatcher.polygon("{\"type\":\"Point\",\"coordinates\":[-90.2,38.6]}"))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PlaceMatcher.polygon("not json")).isInstanceOf(IllegalArgumentException.class);
	}
}
