#!/usr/bin/env Rscript
# Golden files for GetisOrdTests: Gi* z-scores from R spdep on fixed cell counts.
#
# Usage (from the repository root):
#   Rscript src/test/resources/gistar/make_golden.R ../shared/data/stl-crime-slmpd/stl_crime_2008_2020_harmonized.csv.gz
#
# Writes, next to this script:
#   synthetic.csv  a 23 x 17 grid of seeded Poisson counts with two bumps (no data file needed)
#   stl2019.csv    St. Louis 2019 incidents (Count = 1, with coordinates) projected to UTM 15N
#                  (EPSG:32615) and binned at 500 m, origin floor(min/500)*500
# Columns: cell_id,ix,iy,count, then per neighbourhood <nb>_z,<nb>_p,<nb>_pfdr,<nb>_bin (stl2019.csv: only
# <nb>_z and <nb>_bin, to keep the file small) where
#   queen / rook     spdep::cell2nb on the full rectangle
#   d250 / d500      spdep::dnearneigh(centres, 0, d) (d500 at 100 m cells puts (3,4) and (5,0) exactly on the band)
#   d500nz           d500 on the cells with count > 0 only (NA elsewhere), as gi_star.R --keep-empty no
# Weights: include.self + style "B" so localG returns Gi*; p = 2*pnorm(-|z|); pfdr = p.adjust(p, "BH");
# bin = ArcGIS Gi_Bin on pfdr (3/2/1 at 0.01/0.05/0.10, signed by z).
suppressPackageStartupMessages({ library(spdep); library(sf) })
options(digits = 17)
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
args <- commandArgs(trailingOnly = TRUE)

gi <- function(counts, nb) {
  z <- as.numeric(localG(counts, nb2listw(include.self(nb), style = "B", zero.policy = TRUE), zero.policy = TRUE))
  p <- 2 * pnorm(abs(z), lower.tail = FALSE)
  pf <- p.adjust(p, "BH")
  bin <- ifelse(pf <= 0.01, 3L, ifelse(pf <= 0.05, 2L, ifelse(pf <= 0.10, 1L, 0L))) * sign(z)
  list(z = z, p = p, pfdr = pf, bin = as.integer(bin))
}

golden <- function(counts, nx, ny, cell, file, fields = c("z", "p", "pfdr", "bin")) {
  g <- data.frame(cell_id = seq_len(nx * ny) - 1L)
  g$ix <- g$cell_id %% nx; g$iy <- g$cell_id %/% nx
  g$count <- counts
  xy <- cbind((g$ix + 0.5) * cell, (g$iy + 0.5) * cell)
  nbs <- list(queen = cell2nb(nrow = ny, ncol = nx, type = "queen"),
              rook = cell2nb(nrow = ny, ncol = nx, type = "rook"),
              d250 = dnearneigh(xy, 0, 2.5 * cell),
              d500 = dnearneigh(xy, 0, 5 * cell))
  for (nm in names(nbs)) {
    r <- gi(counts, nbs[[nm]])
    for (f in fields) g[[paste0(nm, "_", f)]] <- r[[f]]
  }
  keep <- counts > 0
  r <- gi(counts[keep], dnearneigh(xy[keep, ], 0, 5 * cell))
  for (f in fields) { v <- rep(NA, nx * ny); v[keep] <- r[[f]]; g[[paste0("d500nz_", f)]] <- v }
  write.csv(g, file.path(here, file), row.names = FALSE, na = "NA")
  cat(file, ": ", nx, "x", ny, " cells, ", sum(counts), " events\n", sep = "")
}

# 1. synthetic: Poisson(0.8) background, a strong bump near (6, 5) and a weaker one near (17, 12)
set.seed(20240611)
nx <- 23; ny <- 17
ix <- rep(0:(nx - 1), ny); iy <- rep(0:(ny - 1), each = nx)
lambda <- 0.8 + 9 * exp(-((ix - 6)^2 + (iy - 5)^2) / 6) + 4 * exp(-((ix - 17)^2 + (iy - 12)^2) / 3)
golden(rpois(nx * ny, lambda), nx, ny, 100, "synthetic.csv")

# 2. St. Louis 2019 at 500 m
if (length(args) >= 1) {
  d <- read.csv(gzfile(args[1]), colClasses = "character")
  d <- d[substr(d$DateOccur, 7, 10) == "2019" & d$Count == "1" & d$Latitude != "", ]
  p <- st_transform(st_as_sf(data.frame(lon = as.numeric(d$Longitude), lat = as.numeric(d$Latitude)),
                             coords = c("lon", "lat"), crs = 4326), 32615)
  cc <- st_coordinates(p)
  cell <- 500
  x0 <- floor(min(cc[, 1]) / cell) * cell; y0 <- floor(min(cc[, 2]) / cell) * cell
  gx <- floor((cc[, 1] - x0) / cell); gy <- floor((cc[, 2] - y0) / cell)
  nx <- max(gx) + 1; ny <- max(gy) + 1
  golden(tabulate(gy * nx + gx + 1, nbins = nx * ny), nx, ny, cell, "stl2019.csv", fields = c("z", "bin"))
}
cat("spdep", as.character(packageVersion("spdep")), "sf", as.character(packageVersion("sf")), R.version.string, "\n")
