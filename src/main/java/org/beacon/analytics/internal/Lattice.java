package org.beacon.analytics.internal;

/**
 * The binning lattice behind {@link KernelDensity}: nodes every {@code δ = cell/s} metres through the
 * centres of a grid's cells, padded by the kernel's reach plus one node, so every event that can reach a
 * cell centre is binned. Output centre {@code (ix, iy)} is node {@code (m + s·ix, m + s·iy)}.
 */
final class Lattice {

	private final Grid grid;

	private final int s;

	private final double delta;

	/** Kernel reach in nodes. */
	private final int reach;

	/** Padding in nodes: the reach plus one, for the bilinear neighbour. */
	private final int margin;

	private final int width;

	private final int height;

	/** Position of node (0, 0). */
	private final double ox;

	private final double oy;

	Lattice(Grid grid, int s, double reachMetres) {
		this.grid = grid;
		this.s = s;
		this.delta = grid.cell() / s;
		this.reach = (int) Math.ceil(reachMetres / delta);
		this.margin = reach + 1;
		long w = (long) (grid.nx() - 1) * s + 1 + 2L * margin;
		long h = (long) (grid.ny() - 1) * s + 1 + 2L * margin;
		if (w * h > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("kernel lattice of " + w + "×" + h + " nodes is too large; use a coarser "
					+ "grid or a larger bandwidth");
		}
		this.width = (int) w;
		this.height = (int) h;
		this.ox = grid.centreX(0) - margin * delta;
		this.oy = grid.centreY(0) - margin * delta;
	}

	/** Shares each event's weight between the four nodes around it (bilinear weights). */
	double[] linearBinning(double[] x, double[] y, double[] weight) {
		double[] binned = new double[width * height];
		double inv = 1 / delta;
		for (int i = 0; i < x.length; i++) {
			double w = weight == null ? 1 : weight[i];
			double u = (x[i] - ox) * inv;
			double v = (y[i] - oy) * inv;
			double fu = Math.floor(u);
			double fv = Math.floor(v);
			if (!(fu >= 0 && fv >= 0 && fu < width - 1 && fv < height - 1)) {
				continue; // too far outside to reach any cell centre
			}
			double tu = u - fu;
			double tv = v - fv;
			int k = (int) fv * width + (int) fu;
			binned[k] += w * (1 - tu) * (1 - tv);
			binned[k + 1] += w * tu * (1 - tv);
			binned[k + width] += w * (1 - tu) * tv;
			binned[k + width + 1] += w * tu * tv;
		}
		return binned;
	}

	/** Gaussian K(dx, dy) = g(dx)·g(dy)/(2πh²): a pass along rows, then one along columns, 2R+1 taps each. */
	double[] separableGaussian(double[] binned, double h) {
		double[] taps = new double[2 * reach + 1];
		for (int k = -reach; k <= reach; k++) {
			double d = k * delta;
			taps[k + reach] = Math.exp(-0.5 * d * d / (h * h));
		}
		int nx = grid.nx();
		int ny = grid.ny();
		double[] rows = new double[height * nx];
		for (int b = 0; b < height; b++) {
			int src = b * width + margin;
			int dst = b * nx;
			for (int k = -reach; k <= reach; k++) {
				double g = taps[k + reach];
				int from = src + k;
				for (int ix = 0; ix < nx; ix++) {
					rows[dst + ix] += g * binned[from + s * ix];
				}
			}
		}
		double norm = 1 / (2 * Math.PI * h * h);
		double[] density = new double[ny * nx];
		for (int iy = 0; iy < ny; iy++) {
			int dst = iy * nx;
			for (int k = -reach; k <= reach; k++) {
				double g = taps[k + reach] * norm;
				int from = (margin + s * iy + k) * nx;
				for (int ix = 0; ix < nx; ix++) {
					density[dst + ix] += g * rows[from + ix];
				}
			}
		}
		return density;
	}

	/** Direct convolution with the kernel sampled on the disc of node offsets it reaches. */
	double[] discStencil(double[] binned, Kernel kernel, double h) {
		int nx = grid.nx();
		int ny = grid.ny();
		double[] density = new double[ny * nx];
		for (int dy = -reach; dy <= reach; dy++) {
			for (int dx = -reach; dx <= reach; dx++) {
				double kv = kernel.value(delta * delta * ((double) dx * dx + (double) dy * dy), h);
				if (kv == 0) {
					continue;
				}
				for (int iy = 0; iy < ny; iy++) {
					int from = (margin + s * iy + dy) * width + margin + dx;
					int dst = iy * nx;
					for (int ix = 0; ix < nx; ix++) {
						density[dst + ix] += kv * binned[from + s * ix];
					}
				}
			}
		}
		return density;
	}
}
