#!/usr/bin/env bash
# Overdose spike detection benchmark (run once; the machine is shared, so do not loop it).
#
#  1. EARS C1/C2/C3 for every H3 cell (resolution $RES, default 10) with an event in 1,000,000 synthetic
#     incidents over 730 days and 20 km x 20 km, side by side with the R peer `ears.R --by-cell` on the
#     same cells (the bench writes each event's cell as x = cell ordinal + 0.5, y = 0.5, so that
#     `--by-cell 1` groups exactly the H3 cells), SD floor 1 on both sides. Prints both and the ratio.
#  2. Space-time permutation scan, 999 replications on 2 threads, H3 res 8 cell centres as locations,
#     about 10,000 overdose events (type OD of 200,000 synthetic incidents), 2-year period:
#       a. prospective with SaTScan's defaults: 50 % of the cases in space, 50 % of the period (365 days)
#          in time; then the first 20 replications again through the plain and the bounded scanner on one
#          thread (the peer in the same run: same seeds, CPU per replication, maxima must not differ)
#       b. retrospective with the same 50 %/50 % limits: the plain scan (the bounds are for prospective
#          windows), RETRO_REPLICATIONS replications (default 1: about a minute and a half each)
#       c. prospective surveillance on the last day, 7-day maximum window
#       d. prospective, 365-day study period ending on the injected spike day (2023-08-24), 7-day window
#
# Needs: JDK 17, R with data.table and surveillance, /usr/bin/python3 with numpy (see ../shared/peers/README.md).
# Environment: SCRATCH (default target/overdose-bench), PEERS (default ../shared/peers), RES,
# RETRO_REPLICATIONS, PARTS (default "ears scan"; "scan" alone needs neither R nor the 1,000,000-row file).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-target/overdose-bench}
if [ -z "${PEERS:-}" ]; then
  # ../shared from the main checkout, ../../shared from a worktree one level deeper
  for d in ../shared/peers ../../shared/peers; do [ -f "$d/ears.R" ] && PEERS=$d && break; done
fi
PEERS=${PEERS:?set PEERS to the folder with ears.R and gen_synth.py}
PY=${PY:-/usr/bin/python3}
RES=${RES:-10}
mkdir -p "$SCRATCH"

./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$SCRATCH/cp.txt" -Dmdep.includeScope=test > /dev/null
CP="target/test-classes:target/classes:$(cat "$SCRATCH/cp.txt")"
bench() { java -Xmx4g -cp "$CP" org.beacon.overdose.bench.OverdoseBench "$@"; }

[ -f "$SCRATCH/synth_2e5.csv" ] || "$PY" "$PEERS/gen_synth.py" 200000 "$SCRATCH/synth_2e5.csv"

case " ${PARTS:-ears scan} " in *" ears "*)
[ -f "$SCRATCH/synth_1e6.csv" ] || "$PY" "$PEERS/gen_synth.py" 1000000 "$SCRATCH/synth_1e6.csv"

echo "== EARS per H3 cell (res $RES), minSigma 1 =="
bench ears --input "$SCRATCH/synth_1e6.csv" --res "$RES" --min-sigma 1 --r-input "$SCRATCH/ears_cells_for_r.csv" > /dev/null
JAVA_OUT=$(bench ears --input "$SCRATCH/synth_1e6.csv" --res "$RES" --min-sigma 1)
echo "$JAVA_OUT"
R_OUT=$(Rscript "$PEERS/ears.R" --input "$SCRATCH/ears_cells_for_r.csv" --by-cell 1 --min-sigma 1)
echo "$R_OUT" | sed 's/^/R: /'
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | head -1 | cut -d= -f2; }
J_EARS=$(field "$JAVA_OUT" ears_all_cells)
J_WARM=$(field "$JAVA_OUT" ears_warm_median)
J_AGG=$(field "$JAVA_OUT" aggregate)
R_EARS=$(field "$R_OUT" ears_all_cells)
R_AGG=$(field "$R_OUT" aggregate)
awk -v je="$J_EARS" -v jw="$J_WARM" -v ja="$J_AGG" -v re="$R_EARS" -v ra="$R_AGG" 'BEGIN {
  printf "ratio R/Java, EARS all cells: %.1fx (first run), %.1fx (warm median)\n", re / je, re / jw
  printf "ratio R/Java, aggregate + EARS: %.1fx\n", (ra + re) / (ja + je) }'
J_ALARMS=$(echo "$JAVA_OUT" | grep '^java: alarms' | sed 's/^java: alarms: //; s/ (.*//')
R_ALARMS=$(echo "$R_OUT" | grep '^alarms' | sed 's/^alarms: //; s/ (.*//')
if [ "$J_ALARMS" = "$R_ALARMS" ]; then echo "alarm counts agree: $J_ALARMS"; else echo "ALARM COUNTS DIFFER: java [$J_ALARMS] R [$R_ALARMS]"; fi
;; esac

case " ${PARTS:-ears scan} " in *" scan "*)
echo "== Space-time permutation scan, 2 threads =="
uptime
bench scan --input "$SCRATCH/synth_2e5.csv" --res 8 --mode prospective --replications 999 --threads 2 --compare 20
uptime
bench scan --input "$SCRATCH/synth_2e5.csv" --res 8 --mode retrospective --replications "${RETRO_REPLICATIONS:-1}" \
    --threads 2
uptime
bench scan --input "$SCRATCH/synth_2e5.csv" --res 8 --mode prospective --max-window-days 7 --replications 999 --threads 2
bench scan --input "$SCRATCH/synth_2e5.csv" --res 8 --mode prospective --first-day 236 --last-day 600 \
    --max-window-days 7 --replications 999 --threads 2
;; esac
echo
uptime
