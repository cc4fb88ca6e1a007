#!/usr/bin/env Rscript
# Golden files for EARS C1/C2: R surveillance::earsC against Beacon's Ears (EarsGoldenTests).
#
#   Rscript generate.R SYNTH.csv   # rebuild series.csv from gen_synth.py output, then earsc_golden.csv
#   Rscript generate.R             # only rebuild earsc_golden.csv from the committed series.csv
#
# SYNTH.csv is made with: /usr/bin/python3 ../shared/peers/gen_synth.py 100000 SYNTH.csv (seed 42)
# series.csv:      series,day,count   (day 0-based, every day present)
# earsc_golden.csv: series,min_sigma,day,count,mean7_lag0,sd7_lag0,c1_ub,c1_alarm,mean7_lag2,sd7_lag2,c2_ub,c2_alarm
#   c*_ub / c*_alarm: upperbound() and alarms() of earsC(method = "C1"/"C2", baseline = 7,
#   minSigma = min_sigma, alpha = ALPHA); NA before the first day earsC evaluates.
#   mean7_*/sd7_*: base R mean() and sd() of the same 7 baseline days (lag 0 = days t-7..t-1,
#   lag 2 = days t-9..t-3).
suppressPackageStartupMessages({
  library(data.table)
  library(surveillance)
})

# earsC alarms when y > mean + qnorm(1 - alpha) * max(sd, minSigma). CDC alarms when C1 > 3, strictly.
# alpha = 1 - pnorm(3) gives qnorm(1 - alpha) = 3 - 3.1e-15 in double precision, which alarms on an
# exact tie (e.g. seven zero days, minSigma 1, three cases: C1 = 3). This alpha gives 3 + 2.3e-14,
# the nearest representable threshold above 3, so ties do not alarm, as in the CDC definition.
ALPHA <- pnorm(3 + 2e-14, lower.tail = FALSE)
stopifnot(qnorm(1 - ALPHA) > 3, qnorm(1 - ALPHA) - 3 < 1e-13)

args <- commandArgs(trailingOnly = TRUE)
if (length(args) >= 1) {
  ev <- fread(args[1], select = c("date", "x", "y", "type"))
  ev[, date := as.IDate(date)]
  days <- seq(min(ev$date), max(ev$date), by = 1)
  daily <- function(e) {
    d <- e[, .(count = .N), by = date][data.table(date = days), on = "date"]
    d[is.na(count), count := 0L]
    setorder(d, date)
    d$count
  }
  od <- ev[type == "OD"]
  od[, cell := paste(floor(x / 500), floor(y / 500))]
  busiest <- od[, .N, by = cell][order(-N, cell)]$cell[1]
  ev[, cell := paste(floor(x / 500), floor(y / 500))]
  # a sparse all-type cell: the one ranked 800th by events (about 1 event every 3 days)
  sparse <- ev[, .N, by = cell][order(-N, cell)]$cell[800]
  set.seed(20240601)
  edge <- c(rep(0, 7), 3,            # C1 = 3 exactly with minSigma 1: no alarm (strict >)
            rep(0, 7), 4,            # C1 = 4 with minSigma 1; +Inf with minSigma 0
            rep(5, 7), 5,            # zero SD, count equal to the mean: statistic 0
            rep(5, 7), 6, 4,         # zero SD: +Inf then -Inf
            1:12,                    # a ramp
            rep(c(1000, 1003), 5), 1100)  # large counts: mean 1001.x, SD 1.6
  series <- list(
    od_citywide = daily(od),
    od_busiest_500m_cell = daily(od[cell == busiest]),
    all_sparse_500m_cell = daily(ev[cell == sparse]),
    poisson_0_3 = rpois(200, 0.3),
    poisson_4 = rpois(200, 4),
    poisson_60 = rpois(200, 60),
    edge_cases = edge)
  s <- rbindlist(lapply(names(series), function(n) data.table(series = n, day = seq_along(series[[n]]) - 1L,
                                                              count = as.integer(series[[n]]))))
  fwrite(s, "series.csv")
}

s <- fread("series.csv")
roll <- function(y, lag) {
  n <- length(y); m <- rep(NA_real_, n); v <- rep(NA_real_, n)
  if (n >= 8 + lag) for (t in (8 + lag):n) {
    w <- y[(t - lag - 7):(t - lag - 1)]; m[t] <- mean(w); v[t] <- sd(w)
  }
  list(mean = m, sd = v)
}
out <- list()
for (name in unique(s$series)) {
  y <- s[series == name]$count
  for (ms in c(0, 1)) {
    st <- sts(observed = matrix(y, ncol = 1), start = c(2000, 1), frequency = 365)
    row <- data.table(series = name, min_sigma = ms, day = seq_along(y) - 1L, count = y)
    for (lag in c(0, 2)) {
      r <- roll(as.numeric(y), lag)
      row[, paste0(c("mean7_lag", "sd7_lag"), lag) := list(r$mean, r$sd)]
      m <- if (lag == 0) "C1" else "C2"
      e <- earsC(st, control = list(method = m, baseline = 7, minSigma = ms, alpha = ALPHA))
      first <- 8 + lag
      ub <- rep(NA_real_, length(y)); al <- rep(NA, length(y))
      ub[first:length(y)] <- as.numeric(upperbound(e)); al[first:length(y)] <- as.logical(alarms(e))
      row[, paste0(tolower(m), c("_ub", "_alarm")) := list(ub, al)]
    }
    out[[length(out) + 1]] <- row
  }
}
g <- rbindlist(out)
setcolorder(g, c("series", "min_sigma", "day", "count", "mean7_lag0", "sd7_lag0", "c1_ub", "c1_alarm",
                 "mean7_lag2", "sd7_lag2", "c2_ub", "c2_alarm"))
fwrite(g, "earsc_golden.csv", na = "NA", quote = FALSE)  # doubles to 15 significant digits
cat(sprintf("wrote %d rows (%d series x 2 floors); alarms C1 %d C2 %d; R %s, surveillance %s, data.table %s\n",
            nrow(g), uniqueN(g$series), sum(g$c1_alarm, na.rm = TRUE), sum(g$c2_alarm, na.rm = TRUE),
            getRversion(), packageVersion("surveillance"), packageVersion("data.table")))
