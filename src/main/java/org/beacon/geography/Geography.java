package org.beacon.geography;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.beacon.shared.AgencyId;

/** The geography module's API: import, list and locate areas; project; index cells. */
public interface Geography {

	/** H3 resolution stored on every located record; coarser ones are its parents. */
	int STORED_H3_RESOLUTION = 9;

	/** Imports one FeatureCollection file, or every {@code .geojson}/{@code .json} file of a folder. */
	AreaImportResult importAreas(AgencyId agency, Path fileOrFolder, AreaImportOptions options);

	/** Imports one FeatureCollection from a stream; {@code sourceName} appears in error messages. */
	AreaImportResult importAreas(AgencyId agency, InputStream geojson, String sourceName, AreaImportOptions options);

	List<Area> areas(AgencyId agency, AreaKind kind);

	/** The areas of a kind as a GeoJSON FeatureCollection, properties {@code id}, {@code code}, {@code name}. */
	String areasAsGeoJson(AgencyId agency, AreaKind kind);

	/** A locator over the agency's current areas; rebuilt after each import. */
	AreaLocator locator(AgencyId agency);

	/** The agency's projection to metres (its configured one, or a local one chosen for {@code auto}). */
	MetricProjection projection(AgencyId agency);

	/** H3 cell of a point at the given resolution. */
	long h3Cell(double lat, double lon, int resolution);
}
