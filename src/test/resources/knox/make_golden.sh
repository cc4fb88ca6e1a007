#!/bin/sh
# Golden files for KnoxTests: observed Knox tables from the peer knox.py (numpy + scipy cKDTree).
#
# Usage (from the repository root):  sh src/test/resources/knox/make_golden.sh ../shared/peers
#
# 1. gen_synth.py makes 12,000 synthetic clustered, self-exciting events (seed 7); the BURG ones (about
#    3,000) are kept as events.csv: t = whole days (floor), x, y in metres.
# 2. knox.py counts pairs in NRC-labelled bands, spatial [0,1) [1,101) [101,201) [201,301) [301,inf) m and
#    temporal [0,8) [8,15) [15,22) [22,inf) days, Manhattan and Euclidean, 99 permutations, seed 1.
# 3. The tables are rewritten with numeric band indices (s, t) as manhattan.csv and euclidean.csv.
set -e
PEERS=${1:-../shared/peers}
HERE=$(dirname "$0")
TMP=$(mktemp -d)
/usr/bin/python3 "$PEERS/gen_synth.py" 12000 "$TMP/synth.csv" --seed 7
/usr/bin/python3 - "$TMP/synth.csv" "$HERE/events.csv" <<'PY'
import sys, math
import pandas as pd
d = pd.read_csv(sys.argv[1])
d = d[d["type"] == "BURG"]
out = pd.DataFrame({"t": [int(math.floor(v)) for v in d["t"]], "x": d["x"], "y": d["y"], "type": d["type"]})
out.to_csv(sys.argv[2], index=False)
print(len(out), "events")
PY
for metric in manhattan euclidean; do
  /usr/bin/python3 "$PEERS/knox.py" --input "$HERE/events.csv" --metric $metric --nrep 99 --seed 1 \
      --sds 0,1,101,201,301 --tds 0,8,15,22 --out "$TMP/$metric.csv"
  /usr/bin/python3 - "$TMP/$metric.csv" "$HERE/$metric.csv" <<'PY'
import sys
import pandas as pd
d = pd.read_csv(sys.argv[1])
s = {v: i for i, v in enumerate(dict.fromkeys(d["space_band_m"]))}
t = {v: i for i, v in enumerate(dict.fromkeys(d["time_band_days"]))}
out = pd.DataFrame({"s": d["space_band_m"].map(s), "t": d["time_band_days"].map(t), "observed": d["observed"],
                    "expected": d["expected"], "knox_ratio": d["knox_ratio"], "p_value": d["p_value"]})
out.to_csv(sys.argv[2], index=False)
PY
done
rm -r "$TMP"
/usr/bin/python3 -c "import numpy, scipy, pandas; print('numpy', numpy.__version__, 'scipy', scipy.__version__, 'pandas', pandas.__version__)"
