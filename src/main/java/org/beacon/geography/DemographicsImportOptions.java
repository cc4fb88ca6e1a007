package org.beacon.geography;

/**
 * How to read a demographics CSV: which kind of area its rows are, and which columns hold the area's code
 * (or, failing that, its name) and its population. A null column name means "find it": {@code code}, then
 * {@code name}, {@code neighbourhood} or {@code neighborhood}; {@code population}.
 */
public record DemographicsImportOptions(AreaKind kind, String codeColumn, String nameColumn,
		String populationColumn) {

	public DemographicsImportOptions {
		if (kind == null) {
			throw new IllegalArgumentException("kind is required");
		}
	}

	/** Neighbourhoods, columns found by name. */
	public static DemographicsImportOptions neighbourhoods() {
		return new DemographicsImportOptions(AreaKind.NEIGHBOURHOOD, null, null, null);
	}
}
