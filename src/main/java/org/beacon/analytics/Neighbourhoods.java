package org.beacon.analytics;

import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * What is known of the neighbourhoods a frame's incidents carry, keyed as the frame keys them
 * ({@link IncidentFrame#neighbourhood()}: area ids for stored incidents, the file's neighbourhood numbers
 * for a CSV): their codes and names, and their residents where demographics are loaded.
 *
 * @param codes area code per key; a key without one is shown as the key itself
 * @param names area name per key
 * @param population residents per key; empty when no demographics are loaded
 * @param shapes boundary per key in WGS 84 (x longitude, y latitude); empty when not known
 */
public record Neighbourhoods(Map<Long, String> codes, Map<Long, String> names, Map<Long, Long> population,
		Map<Long, Geometry> shapes) {

	public Neighbourhoods {
		codes = Map.copyOf(codes);
		names = Map.copyOf(names);
		population = Map.copyOf(population);
		shapes = Map.copyOf(shapes);
	}

	/** Neighbourhoods whose boundaries are not known. */
	public Neighbourhoods(Map<Long, String> codes, Map<Long, String> names, Map<Long, Long> population) {
		this(codes, names, population, Map.of());
	}

	/** Nothing known: keys only, no population. */
	public static Neighbourhoods none() {
		return new Neighbourhoods(Map.of(), Map.of(), Map.of());
	}

	/** Whether demographics give any neighbourhood a population. */
	public boolean hasPopulation() {
		return !population.isEmpty();
	}

	/** All residents of the neighbourhoods with a population. */
	public long totalPopulation() {
		return population.values().stream().mapToLong(Long::longValue).sum();
	}

	String code(long key) {
		return codes.getOrDefault(key, key == 0 ? "" : Long.toString(key));
	}

	String name(long key) {
		return names.getOrDefault(key, key == 0 ? "unknown" : "");
	}
}
