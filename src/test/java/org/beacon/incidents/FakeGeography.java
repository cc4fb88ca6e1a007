package org.beacon.incidents;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.springframework.beans.factory.ObjectProvider;

/**
 * Fixed areas in front of the geography module for incident tests, so expected counts need no area import:
 * St. Louis neighbourhood codes 1..88 are areas with id {@code 100 + code}, and one small box
 * ({@link #BOX_ID}) around the "Double Apple Café" record at 3131 Olive St locates points; every other point
 * lies in no area, so it falls back to its coded neighbourhood. Projections and H3 cells are the real
 * module's.
 */
public class FakeGeography implements Geography {

	/** The area the box stands for; its code is not a St. Louis neighbourhood number. */
	public static final long BOX_ID = 9001;
	private static final double BOX_LAT = 38.635829;
	private static final double BOX_LON = -90.22483;
	private static final double HALF_SIDE = 0.0005;

	private final ObjectProvider<Geography> all;

	public FakeGeography(ObjectProvider<Geography> all) {
		this.all = all;
	}

	/** The id a St. Louis neighbourhood code gets here. */
	public static long neighbourhood(int code) {
		return 100 + code;
	}

	@Override
	public List<Area> areas(AgencyId agency, AreaKind kind) {
		List<Area> areas = new ArrayList<>();
		if (kind == AreaKind.NEIGHBOURHOOD) {
			for (int code = 1; code <= 88; code++) {
				areas.add(new Area(neighbourhood(code), agency, kind, Integer.toString(code), "Neighbourhood " + code));
			}
			areas.add(new Area(BOX_ID, agency, kind, "box", "Test box"));
		}
		return areas;
	}

	@Override
	public AreaLocator locator(AgencyId agency) {
		return new AreaLocator() {

			@Override
			public long locate(AreaKind kind, double lat, double lon) {
				boolean inBox = Math.abs(lat - BOX_LAT) < HALF_SIDE && Math.abs(lon - BOX_LON) < HALF_SIDE;
				return kind == AreaKind.NEIGHBOURHOOD && inBox ? BOX_ID : 0;
			}

			@Override
			public long byCode(AreaKind kind, String code) {
				if (kind != AreaKind.NEIGHBOURHOOD) {
					return 0;
				}
				try {
					int number = Integer.parseInt(code);
					return number >= 1 && number <= 88 ? neighbourhood(number) : 0;
				}
				catch (NumberFormatException e) {
					return 0;
				}
			}
		};
	}

	@Override
	public PlaneProjection projectionFrom(String definition) {
		return real().projectionFrom(definition);
	}

	@Override
	public long h3Cell(double lat, double lon, int resolution) {
		return real().h3Cell(lat, lon, resolution);
	}

	@Override
	public AreaImportResult importAreas(AgencyId agency, Path fileOrFolder, AreaImportOptions options) {
		throw new UnsupportedOperationException("not needed by incident tests");
	}

	@Override
	public AreaImportResult importAreas(AgencyId agency, InputStream geojson, String sourceName,
			AreaImportOptions options) {
		throw new UnsupportedOperationException("not needed by incident tests");
	}

	@Override
	public String areasAsGeoJson(AgencyId agency, AreaKind kind) {
		throw new UnsupportedOperationException("not needed by incident tests");
	}

	@Override
	public Map<Long, Geometry> areaGeometries(AgencyId agency, AreaKind kind) {
		throw new UnsupportedOperationException("not needed by incident tests");
	}

	@Override
	public MetricProjection projection(AgencyId agency) {
		return real().projection(agency);
	}

	private Geography real() {
		return all.stream().filter(g -> !(g instanceof FakeGeography)).findFirst()
				.orElseThrow(() -> new IllegalStateException("no geography module"));
	}
}
