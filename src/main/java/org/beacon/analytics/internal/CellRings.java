package org.beacon.analytics.internal;

import org.beacon.geography.MetricProjection;

/** Cell centres and squares of a {@link Grid} back in degrees, for tables and maps. */
public final class CellRings {

	private CellRings() {
	}

	/** {@code [lat, lon]} of the centre of cell {@code (ix, iy)}. */
	public static double[] centre(Grid grid, int ix, int iy, MetricProjection projection) {
		double[] latLon = new double[2];
		projection.toDegrees(grid.centreX(ix), grid.centreY(iy), latLon);
		return latLon;
	}

	/** The cell's square as five {@code lon, lat} corners, counter-clockwise from the south-west, closed. */
	public static double[] ring(Grid grid, int ix, int iy, MetricProjection projection) {
		double x0 = grid.x0() + ix * grid.cell();
		double y0 = grid.y0() + iy * grid.cell();
		double[][] corners = { { x0, y0 }, { x0 + grid.cell(), y0 }, { x0 + grid.cell(), y0 + grid.cell() },
				{ x0, y0 + grid.cell() }, { x0, y0 } };
		double[] ring = new double[10];
		double[] latLon = new double[2];
		for (int k = 0; k < corners.length; k++) {
			projection.toDegrees(corners[k][0], corners[k][1], latLon);
			ring[2 * k] = latLon[1];
			ring[2 * k + 1] = latLon[0];
		}
		return ring;
	}
}
