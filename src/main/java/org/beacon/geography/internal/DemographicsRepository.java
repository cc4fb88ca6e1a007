package org.beacon.geography.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.geography.Area;
import org.beacon.geography.AreaDemographics;
import org.beacon.geography.AreaKind;
import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code area_demographic} table: one row per area and figure. */
@Repository
class DemographicsRepository {

	private static final String POPULATION = "population";

	private final JdbcClient jdbc;

	DemographicsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces every figure of the row's area with the row's. */
	void replace(AgencyId agency, DemographicsCsv.Row row, String source) {
		jdbc.sql("DELETE FROM area_demographic WHERE area_id = :area").param("area", row.area().id()).update();
		for (Map.Entry<String, Double> figure : row.figures().entrySet()) {
			jdbc.sql("""
					INSERT INTO area_demographic (area_id, agency_id, figure, amount, source)
					VALUES (:area, :agency, :figure, :amount, :source)
					""").param("area", row.area().id()).param("agency", agency.value()).param("figure", figure.getKey())
					.param("amount", figure.getValue()).param("source", source).update();
		}
	}

	/** Areas of the kind with a population, in the areas' order, with their other figures. */
	List<AreaDemographics> list(AgencyId agency, AreaKind kind) {
		record Figure(Area area, String figure, double amount) {
		}
		List<Figure> figures = jdbc.sql("""
				SELECT a.id, a.code, a.name, d.figure, d.amount
				FROM area a JOIN area_demographic d ON d.area_id = a.id
				WHERE a.agency_id = :agency AND a.kind = :kind
				ORDER BY LENGTH(a.code), a.code, d.imported_at, d.figure
				""").param("agency", agency.value()).param("kind", kind.name())
				.query((rs, n) -> new Figure(new Area(rs.getLong("id"), agency, kind, rs.getString("code"),
						rs.getString("name")), rs.getString("figure"), rs.getDouble("amount")))
				.list();
		Map<Long, Area> areas = new LinkedHashMap<>();
		Map<Long, Map<String, Double>> byArea = new LinkedHashMap<>();
		for (Figure f : figures) {
			areas.putIfAbsent(f.area().id(), f.area());
			byArea.computeIfAbsent(f.area().id(), id -> new LinkedHashMap<>()).put(f.figure(), f.amount());
		}
		List<AreaDemographics> list = new ArrayList<>();
		for (Map.Entry<Long, Map<String, Double>> e : byArea.entrySet()) {
			Map<String, Double> all = e.getValue();
			Double population = all.remove(POPULATION);
			if (population != null) {
				list.add(new AreaDemographics(areas.get(e.getKey()), Math.round(population), Map.copyOf(all)));
			}
		}
		return list;
	}
}
