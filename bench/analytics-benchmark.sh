#!/bin/sh
# Analytics core vs its peers on the same input (Gi* vs R spdep, KDE vs scikit-learn, Knox vs knox.py).
#
# Usage, from the repository root or anywhere:
#   bench/analytics-benchmark.sh [SHARED_DIR] [--only gistar,kde,knox]
# SHARED_DIR holds data/ and peers/ (default ../shared, relative to the repository root). Scratch files
# (exported inputs, 1M synthetic events, peer outputs) go to target/bench. Needs the peers installed
# (see peers/README.md: R with spdep, Debian python3 with scikit-learn and scipy). Takes about 10 minutes;
# the Java JVM runs with a 1 GB heap, which the Knox goal requires it to fit. The self-exciting model's
# fit time is measured by bench/forecast-benchmark.sh.
set -e
cd "$(dirname "$0")/.."
SHARED=../shared
case "$1" in
  ""|--*) ;;
  *) SHARED=$1; shift ;;
esac
WORK=${BENCH_WORK:-target/bench}
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p "$WORK"
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.beacon.analytics.bench.AnalyticsBench \
  --stl "$SHARED/data/stl-crime-slmpd/stl_crime_2008_2020_harmonized.csv.gz" \
  --peers "$SHARED/peers" --work "$WORK" "$@"
