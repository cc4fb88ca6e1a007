#!/usr/bin/python3
"""Golden files for KernelDensityTests: exact kernel sums from scikit-learn (and numpy for the quartic).

Usage (from the repository root; Debian's python3 with python3-sklearn):
  /usr/bin/python3 src/test/resources/kde/make_golden.py

Writes next to this script:
  points.csv   1,200 seeded points in a 3 km square: three Gaussian clusters (sd 150, 300, 500 m) and a
               uniform floor (30 %), coordinates rounded to 0.01 m
  density.csv  ix,iy,xc,yc and the density in events per km^2 at every centre of the 100 m grid over the
               points (origin floor(min/100)*100), for:
                 gaussian300      sklearn KernelDensity(kernel="gaussian", bandwidth=300, rtol=0, atol=0)
                 gaussian150      the same with bandwidth 150 (cell/h = 2/3, a coarse grid)
                 epanechnikov400  sklearn kernel="epanechnikov", bandwidth=400: 2/(pi h^2)(1 - d^2/h^2)
                 quartic400       numpy brute force 3/(pi h^2)(1 - d^2/h^2)^2, d < h (sklearn has no quartic)
               per_km2 = N * exp(score_samples) * 1e6
"""
import math
import os

import numpy as np
import sklearn
from sklearn.neighbors import KernelDensity

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)
n = 1200
n_uni = int(0.3 * n)
centres = np.array([[800.0, 900.0], [2000.0, 1800.0], [1500.0, 2600.0]])
sds = np.array([150.0, 300.0, 500.0])
comp = rng.choice(3, size=n - n_uni, p=[0.45, 0.35, 0.2])
xy = np.vstack([centres[comp] + rng.normal(size=(n - n_uni, 2)) * sds[comp, None],
                rng.uniform(0, 3000, size=(n_uni, 2))])
xy = np.clip(xy, 0.0, 2999.99).round(2)
np.savetxt(os.path.join(here, "points.csv"), xy, fmt="%.2f", delimiter=",", header="x,y", comments="")

cell = 100.0
x0 = math.floor(xy[:, 0].min() / cell) * cell
y0 = math.floor(xy[:, 1].min() / cell) * cell
nx = int(math.floor((xy[:, 0].max() - x0) / cell)) + 1
ny = int(math.floor((xy[:, 1].max() - y0) / cell)) + 1
ix, iy = np.tile(np.arange(nx), ny), np.repeat(np.arange(ny), nx)
c = np.column_stack([x0 + (ix + 0.5) * cell, y0 + (iy + 0.5) * cell])
cols = {"ix": ix, "iy": iy, "xc": c[:, 0], "yc": c[:, 1]}
for kernel, h in (("gaussian", 300.0), ("gaussian", 150.0), ("epanechnikov", 400.0)):
    kd = KernelDensity(kernel=kernel, bandwidth=h, rtol=0.0, atol=0.0).fit(xy)
    cols[f"{kernel}{int(h)}"] = np.exp(kd.score_samples(c)) * n * 1e6
d2 = (c[:, None, 0] - xy[None, :, 0]) ** 2 + (c[:, None, 1] - xy[None, :, 1]) ** 2
u = 1.0 - d2 / 400.0 ** 2
cols["quartic400"] = np.where(u > 0, 3.0 / (math.pi * 400.0 ** 2) * u * u, 0.0).sum(1) * 1e6
with open(os.path.join(here, "density.csv"), "w") as f:
    f.write(",".join(cols) + "\n")
    for r in range(nx * ny):
        f.write(",".join(str(int(v[r])) if k in ("ix", "iy") else repr(float(v[r])) for k, v in cols.items()) + "\n")
print(f"{n} points, grid {nx}x{ny} at {cell:g} m from ({x0:g}, {y0:g}); scikit-learn {sklearn.__version__}, "
      f"numpy {np.__version__}")
