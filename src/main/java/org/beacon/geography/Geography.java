package org.beacon.geography;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.beacon.shared.AgencyId;
import org.locationtech.jts.geom.Geometry;

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

	/** The areas of a kind as JTS geometries in WGS 84 (x = longitude, y = latitude), by area id, in code order. */
	Map<Long, Geometry> areaGeometries(AgencyId agency, AreaKind kind);

	/** A locator over the agency's current areas; rebuilt after each import. */
	AreaLocator locator(AgencyId agency);

	/** The agency's projection to metres (its configured one, or a local one chosen for {@code auto}). */
	MetricProjection projection(AgencyId agency);

	/**
	 * A projection named by {@code definition}: {@code EPSG:nnnn}, {@code ESRI:nnnnnn} or a proj4 string such as
	 * Missouri East state plane in US survey feet, {@code +proj=tmerc +lat_0=35.83333333333334 +lon_0=-90.5
	 * +k=0.9999333333333333 +x_0=250000 +y_0=0 +ellps=GRS80 +units=us-ft}. Coordinates stay in its own units.
	 *
	 * @throws IllegalArgumentException when the definition is unknown or cannot be parsed
	 */
	PlaneProjection projectionFrom(String definition);

	/** H3 cell of a point at the given resolution. */
	long h3Cell(double lat, double lon, int resolution);
}
