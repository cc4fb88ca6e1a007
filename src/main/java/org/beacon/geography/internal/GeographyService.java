package org.beacon.geography.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.beacon.geography.Area;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaImportResult;
import org.beacon.geography.AreaKind;
import org.beacon.geography.AreaLocator;
import org.beacon.geography.Geography;
import org.beacon.geography.MetricProjection;
import org.beacon.geography.PlaneProjection;
import org.beacon.shared.AgencyId;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/** The geography module's API, put together from its parts in this package. */
@Service
class GeographyService implements Geography {

	private final AreaImporter importer;
	private final AreaRepository areas;
	private final AreaLocators locators;
	private final AgencyProjections projections;
	private final Map<String, PlaneProjection> planes = new ConcurrentHashMap<>();

	GeographyService(AreaImporter importer, AreaRepository areas, AreaLocators locators, AgencyProjections projections) {
		this.importer = importer;
		this.areas = areas;
		this.locators = locators;
		this.projections = projections;
	}

	@Override
	public AreaImportResult importAreas(AgencyId agency, Path fileOrFolder, AreaImportOptions options) {
		if (!Files.exists(fileOrFolder)) {
			throw new IllegalArgumentException("no such file or folder: " + fileOrFolder);
		}
		List<AreaImporter.Source> sources = Files.isDirectory(fileOrFolder) ? folder(fileOrFolder)
				: List.of(file(fileOrFolder, fileOrFolder.getFileName().toString()));
		if (sources.isEmpty()) {
			throw new IllegalArgumentException("no .geojson or .json files in " + fileOrFolder);
		}
		return importer.importSources(agency, fileOrFolder.getFileName().toString(), sources, options);
	}

	@Override
	public AreaImportResult importAreas(AgencyId agency, InputStream geojson, String sourceName,
			AreaImportOptions options) {
		return importer.importSources(agency, sourceName, List.of(new AreaImporter.Source(sourceName, () -> geojson)),
				options);
	}

	@Override
	public List<Area> areas(AgencyId agency, AreaKind kind) {
		return areas.list(agency, kind);
	}

	@Override
	public String areasAsGeoJson(AgencyId agency, AreaKind kind) {
		return AreaGeoJsonWriter.featureCollection(areas.stored(agency, kind));
	}

	@Override
	public Map<Long, Geometry> areaGeometries(AgencyId agency, AreaKind kind) {
		return AreaGeoJsonWriter.geometries(areas.stored(agency, kind));
	}

	@Override
	public AreaLocator locator(AgencyId agency) {
		return locators.locator(agency);
	}

	@Override
	public MetricProjection projection(AgencyId agency) {
		return projections.projection(agency);
	}

	@Override
	public PlaneProjection projectionFrom(String definition) {
		if (definition == null || definition.isBlank()) {
			throw new IllegalArgumentException("projection: a definition is required (EPSG:nnnn or a proj4 string)");
		}
		return planes.computeIfAbsent(definition.trim(), Proj4Plane::of);
	}

	@Override
	public long h3Cell(double lat, double lon, int resolution) {
		return H3Cells.cell(lat, lon, resolution);
	}

	/** The folder's {@code .geojson} and {@code .json} files (not its subfolders), by name, so errors come in order. */
	private static List<AreaImporter.Source> folder(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).filter(GeographyService::isGeoJson).sorted()
					.map(file -> file(file, folder.getFileName() + "/" + file.getFileName())).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list " + folder, e);
		}
	}

	private static boolean isGeoJson(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".geojson") || name.endsWith(".json");
	}

	private static AreaImporter.Source file(Path file, String name) {
		return new AreaImporter.Source(name, () -> Files.newInputStream(file));
	}
}
