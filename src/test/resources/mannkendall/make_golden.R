#!/usr/bin/env Rscript
# Golden file for MannKendallTests: the Mann-Kendall Z and two-sided p from base R.
#
# Usage (from the repository root):  Rscript src/test/resources/mannkendall/make_golden.R
#
# R's cor.test(x, seq_along(x), method = "kendall", exact = FALSE, continuity = TRUE) is the
# Mann-Kendall test: the time index has no ties, so its variance reduces to
# [n(n-1)(2n+5) - sum t(t-1)(2t+5)]/18 and the continuity correction gives Z = (S - sign(S))/sqrt(Var).
# S is recovered as tau_b * sqrt((n0 - n1) * n0), n0 = n(n-1)/2, n1 = sum t(t-1)/2.
# Writes series.csv: id, n, values (';'-separated, 17 significant digits), s, z, p.
options(digits = 17)
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
set.seed(1945)
series <- list()
for (k in 1:40) {
  n <- sample(c(4:12, 15, 20, 30, 52, 60), 1)
  trend <- sample(c(-0.15, 0, 0, 0.1, 0.3), 1)
  x <- trend * seq_len(n) + rnorm(n)
  if (k %% 3 == 0) x <- round(x)             # ties
  if (k %% 5 == 0) x <- rpois(n, 2 + trend * seq_len(n) / 2 + 2)  # count-like ties
  series[[k]] <- x
}
series[[41]] <- c(1, 2, 3, 4, 5)             # hand case: S = 10
series[[42]] <- c(1, 2, 2, 3)                # hand case with a tie: S = 5
rows <- lapply(seq_along(series), function(k) {
  x <- series[[k]]; n <- length(x)
  ct <- suppressWarnings(cor.test(x, seq_len(n), method = "kendall", exact = FALSE, continuity = TRUE))
  tt <- table(x); n0 <- n * (n - 1) / 2; n1 <- sum(tt * (tt - 1) / 2)
  s <- round(unname(ct$estimate) * sqrt((n0 - n1) * n0))
  data.frame(id = k, n = n, values = paste(format(x, digits = 17, trim = TRUE), collapse = ";"),
             s = s, z = unname(ct$statistic), p = ct$p.value)
})
write.csv(do.call(rbind, rows), file.path(here, "series.csv"), row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
