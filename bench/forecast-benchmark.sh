#!/bin/sh
# Forecast quality and the self-exciting model's fit time on St. Louis (issue: analytics).
#
# Usage, from the repository root or anywhere:
#   bench/forecast-benchmark.sh [SHARED_DIR] [EXTRA ANALYZE OPTIONS...]
# SHARED_DIR holds data/stl-crime-slmpd (default ../shared, relative to the repository root). Runs the jar
# (built first if missing) as a user would: weekly rolling-origin backtests from 2015-01-01 to 2019-12-31
# for the naive, KDE and self-exciting (SEPP) forecasts on burglary and on all Part I offenses, read
# straight from the harmonized SLMPD file with the stl-slmpd profile, then one SEPP forecast per offense
# set for 2020-01-01, fitted on 2019, whose summary line reports the fit time. Extra options (e.g.
# --cell 100 --tau 14) go to every command. Output and scratch go to target/bench/forecast (BENCH_WORK);
# the last lines are a Markdown table of the mean scores. Takes about 20 minutes on two cores.
set -e
cd "$(dirname "$0")/.."
SHARED=../shared
case "$1" in
  ""|--*) ;;
  *) SHARED=$1; shift ;;
esac
DATA=$(cd "$SHARED/data/stl-crime-slmpd" && pwd)/stl_crime_2008_2020_harmonized.csv.gz
WORK=${BENCH_WORK:-target/bench/forecast}
[ -f target/beacon.jar ] || ./mvnw -q -B -DskipTests package
JAR=$(pwd)/target/beacon.jar
mkdir -p "$WORK"
cd "$WORK" # the jar's embedded database (./data) stays here
echo "load average at start: $(cat /proc/loadavg)"
for set in burglary part1; do
  for method in naive kde sepp; do
    start=$(date +%s)
    java -jar "$JAR" analyze backtest --method "$method" --period week --from 2015-01-01 --to 2019-12-31 \
      --category "$set" --csv "$DATA" --profile stl-slmpd --out "backtest-$set-$method.csv" "$@" \
      2> "backtest-$set-$method.log" | tail -1 > "summary-$set-$method.txt"
    echo "$set $(cat "summary-$set-$method.txt") seconds=$(( $(date +%s) - start ))"
  done
  java -jar "$JAR" analyze forecast --method sepp --from 2019-01-01 --to 2019-12-31 --training-days 365 \
    --category "$set" --csv "$DATA" --profile stl-slmpd --out "forecast-$set-sepp.csv" "$@" \
    2> "forecast-$set-sepp.log" | grep '^method=sepp' > "fit-$set.txt"
  echo "$set fit on 2019: $(cat "fit-$set.txt")"
done
echo "load average at end: $(cat /proc/loadavg)"
echo
echo "| offenses | method | weeks | mean PAI 1 % | mean PEI 1 % | mean hit 1 % | mean PAI 5 % | mean PEI 5 % | mean hit 5 % |"
echo "|---|---|---|---|---|---|---|---|---|"
for set in burglary part1; do
  for method in naive kde sepp; do
    sed -E 's/.*periods=([0-9]+) mean_pai_1=([^ ]+) mean_pei_1=([^ ]+) mean_hit_1=([^ ]+) mean_pai_5=([^ ]+) mean_pei_5=([^ ]+) mean_hit_5=([^ ]+).*/\1 | \2 | \3 | \4 | \5 | \6 | \7/' \
      "summary-$set-$method.txt" | sed "s/^/| $set | $method | /; s/\$/ |/"
  done
done
