#!/usr/bin/env bash
# Incident import benchmark (run once; the machine is shared, so do not loop it).
#
# Imports the St. Louis harmonized file (688,776 rows, 28 MB gzip) through `beacon.jar import incidents
# --profile stl-slmpd` with a 512 MB heap into a fresh PostgreSQL database, after the 88 neighbourhoods, and
# compares it with `psql \copy` of the same CSV (gunzipped beforehand, not timed) into a bare table of its 23
# columns as text: no parsing, no keys, no indexes, no reversals, no neighbourhoods. That copy is the floor;
# it runs once before and once after Beacon's PostgreSQL imports, and the ratios use the mean of the two.
#
# Beacon is timed two ways in the same run, and both ratios are printed:
#   - the import's own time, which the importer logs: from opening the file to the last commit (parse,
#     validate, classify, project, assign areas and cells, insert, pair reversals);
#   - the wall clock of the whole command, JVM and Spring start included, once as `java -jar beacon.jar` and
#     once as the start-up-tuned command line of docs/methods/incident-import.md (extracted jar, a class
#     data sharing archive made by one training run beforehand, client compiler only), each into its own
#     fresh database.
# For scale it also times psql \copy (binary) of the imported rows into empty copies of the incident table:
# without indexes, with the primary key, with the natural key too, and with all its indexes: the least any
# loader of those rows pays in PostgreSQL, index by index. It also counts the CPU seconds the fresh import
# takes, in the JVM and in the PostgreSQL backends serving it, beside the CPU seconds two cores give in twice the
# bare copy's time. Then the same import into a fresh embedded H2 file database.
#
# Builds nothing: run `./mvnw -q -DskipTests package` first. Needs psql and a PostgreSQL server where the
# user may create databases.
# Environment: DATA (default ../shared/data, or ../../shared/data from a worktree), PGHOST (127.0.0.1),
# PGPORT (5432), PGUSER (postgres), PGPASSWORD, BENCH_DB (beacon_bench), SCRATCH (target/import-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/beacon.jar
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -q -DskipTests package first" >&2; exit 1; }
if [ -z "${DATA:-}" ]; then
  for d in ../shared/data ../../shared/data; do [ -d "$d/stl-crime-slmpd" ] && DATA=$d && break; done
fi
DATA=${DATA:?set DATA to the folder with stl-crime-slmpd and stl-neighborhoods-geojson}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-beacon_bench}
SCRATCH=${SCRATCH:-target/import-bench}
CSV_GZ="$DATA/stl-crime-slmpd/stl_crime_2008_2020_harmonized.csv.gz"
AREAS="$DATA/stl-neighborhoods-geojson"
SAMPLE=src/test/resources/incidents/stl-harmonized-sample.csv
mkdir -p "$SCRATCH"
SCRATCH=$(cd "$SCRATCH" && pwd)

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
# the import's own time from the importer's log line "... in 4.21 s (...)" (commands log to standard error)
own_time() { grep -ho 'reversed=[0-9]* in [0-9.]* s' "$@" | tail -1 | awk '{print $3}'; }
beacon() { java -Xmx512m -jar "$JAR" "$@"; }
# the tuned command line: extracted jar, class data sharing archive, client compiler only
beacon_cli() { java -Xmx512m -XX:SharedArchiveFile="$SCRATCH/cli/beacon.jsa" -XX:TieredStopAtLevel=1 -jar "$SCRATCH/cli/beacon.jar" "$@"; }
fresh_db() {
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1"
  export SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-}
}
# the floor: psql \copy of the gunzipped CSV into a bare table of its columns as text; sets COPY_TIME
bare_copy() {
  echo "== PostgreSQL: psql \\copy of the gunzipped CSV into a bare table =="
  local columns start
  columns=$(head -1 "$SCRATCH/harmonized.csv" | tr -d '\r' | sed 's/,/ text, /g; s/$/ text/')
  psql -q -d "$DB" -c "DROP TABLE IF EXISTS bare_crime" -c "CREATE TABLE bare_crime ($columns)"
  start=$(now)
  psql -q -d "$DB" -c "\\copy bare_crime FROM '$SCRATCH/harmonized.csv' WITH (FORMAT csv, HEADER true)"
  COPY_TIME=$(seconds "$start" "$(now)")
  psql -q -d "$DB" -c "DROP TABLE bare_crime"
}
# CPU seconds (user + system) of a command, written to $1: cpu_of FILE COMMAND...
cpu_of() { local out=$1; shift; /usr/bin/time -f '%U %S' -o "$out" "$@"; }
cpu_seconds() { awk '{ printf "%.2f", $1 + $2 }' "$1"; }
# CPU seconds of the PostgreSQL backends serving database $1 while process $2 runs (the server must be on this
# machine: read from /proc, sampled every 0.2 s, so a backend's last fifth of a second may be missed)
backend_cpu() {
  local db=$1 pid=$2 tck; tck=$(getconf CLK_TCK)
  declare -A ticks=()
  while kill -0 "$pid" 2>/dev/null; do
    for b in $(psql -qAt -d postgres -c "SELECT pid FROM pg_stat_activity WHERE datname = '$db'" 2>/dev/null); do
      local t; t=$(awk '{ print $14 + $15 }' "/proc/$b/stat" 2>/dev/null) && ticks[$b]=$t
    done
    sleep 0.2
  done
  local sum=0; for b in "${!ticks[@]}"; do sum=$((sum + ticks[$b])); done
  awk -v s="$sum" -v t="$tck" 'BEGIN { printf "%.2f", s / t }'
}
areas() {
  beacon import areas "$AREAS" --kind neighbourhood --id-property NHD_NUM --name-property NHD_NAME > "$SCRATCH/areas.log"
}

echo "== load: $(uptime)"

echo "== tuned command line: extract the jar and train its class data sharing archive (not timed) =="
rm -rf "$SCRATCH/cli"
java -Djarmode=tools -jar "$JAR" extract --destination "$SCRATCH/cli" > /dev/null
fresh_db "${DB}_training"
java -XX:ArchiveClassesAtExit="$SCRATCH/cli/beacon.jsa" -jar "$SCRATCH/cli/beacon.jar" \
  import incidents "$SAMPLE" --profile stl-slmpd > "$SCRATCH/training.log" 2>&1
psql -q -d postgres -c "DROP DATABASE ${DB}_training"

echo "== PostgreSQL: beacon import incidents into a fresh database $DB =="
fresh_db "$DB"
areas
gunzip -c "$CSV_GZ" > "$SCRATCH/harmonized.csv"
bare_copy
COPY_BEFORE=$COPY_TIME
start=$(now)
cpu_of "$SCRATCH/startup.cpu" java -Xmx512m -jar "$JAR" import incidents --help > /dev/null
STARTUP=$(seconds "$start" "$(now)")
start=$(now)
cpu_of "$SCRATCH/pg.cpu" java -Xmx512m -Xlog:gc:file="$SCRATCH/pg-gc.log" -jar "$JAR" import incidents "$CSV_GZ" \
  --profile stl-slmpd 2> "$SCRATCH/pg-progress.log" > "$SCRATCH/pg.log" &
IMPORT_PID=$!
PG_BACKEND_CPU=n/a
case "$PGHOST" in 127.*|localhost) PG_BACKEND_CPU=$(backend_cpu "$DB" "$IMPORT_PID") ;; esac
wait "$IMPORT_PID"
PG_WALL=$(seconds "$start" "$(now)")
tail -1 "$SCRATCH/pg.log"
JVM_CPU=$(cpu_seconds "$SCRATCH/pg.cpu")
STARTUP_CPU=$(cpu_seconds "$SCRATCH/startup.cpu")
PG_OWN=$(own_time "$SCRATCH/pg-progress.log" "$SCRATCH/pg.log")
HEAP=$(grep -o 'Pause Young[^>]*>[0-9]*M([0-9]*M)' "$SCRATCH/pg-gc.log" | sed 's/.*->\([0-9]*\)M(\([0-9]*\)M)/\1 \2/' \
  | awk '$1 > live { live = $1 } $2 > committed { committed = $2 } END { printf "%d MB live after GC, %d MB committed", live, committed }')
psql -q -d "$DB" -At -c "SELECT 'stored: ' || COUNT(*) || ' incidents, ' || SUM(CASE WHEN reversed THEN 1 ELSE 0 END)
  || ' reversed, ' || SUM(CASE WHEN unfounded THEN 1 ELSE 0 END) || ' unfounded, '
  || SUM(CASE WHEN neighbourhood_id IS NULL THEN 1 ELSE 0 END) || ' without neighbourhood' FROM incident"

echo "== PostgreSQL: re-import of the same file (all unchanged) =="
start=$(now)
beacon import incidents "$CSV_GZ" --profile stl-slmpd 2> "$SCRATCH/pg-reimport.err" > "$SCRATCH/pg-reimport.log"
tail -1 "$SCRATCH/pg-reimport.log"
PG_REIMPORT=$(seconds "$start" "$(now)")
PG_REIMPORT_OWN=$(own_time "$SCRATCH/pg-reimport.err" "$SCRATCH/pg-reimport.log")

echo "== PostgreSQL: the tuned command line into a fresh database ${DB}_cli =="
fresh_db "${DB}_cli"
areas
start=$(now)
beacon_cli import incidents --help > /dev/null
STARTUP_CLI=$(seconds "$start" "$(now)")
start=$(now)
beacon_cli import incidents "$CSV_GZ" --profile stl-slmpd 2> "$SCRATCH/pg-cli.err" | tee "$SCRATCH/pg-cli.log" | tail -1
CLI_WALL=$(seconds "$start" "$(now)")
CLI_OWN=$(own_time "$SCRATCH/pg-cli.err" "$SCRATCH/pg-cli.log")
psql -q -d postgres -c "DROP DATABASE ${DB}_cli"

bare_copy
COPY_AFTER=$COPY_TIME
COPY_TIME=$(awk -v a="$COPY_BEFORE" -v b="$COPY_AFTER" 'BEGIN { printf "%.2f", (a + b) / 2 }')
rm -f "$SCRATCH/harmonized.csv"

echo "== PostgreSQL: psql \\copy of the imported rows (binary) into empty copies of the incident table =="
# what each index costs a loader of these rows: no index, the primary key, + the natural key, all of them
psql -q -d "$DB" -c "\\copy (SELECT * FROM incident) TO '$SCRATCH/incident.bin' WITH (FORMAT binary)"
copy_into() { # name, DDL after CREATE TABLE; prints seconds
  psql -q -d "$DB" -c "DROP TABLE IF EXISTS incident_copy" -c "CREATE TABLE incident_copy (LIKE incident INCLUDING DEFAULTS)" \
    ${2:+-c "$2"}
  local t0; t0=$(now)
  psql -q -d "$DB" -c "\\copy incident_copy FROM '$SCRATCH/incident.bin' WITH (FORMAT binary)"
  seconds "$t0" "$(now)"
}
NOINDEX_TIME=$(copy_into none)
PKEY_TIME=$(copy_into pkey "ALTER TABLE incident_copy ADD PRIMARY KEY (id)")
NATURAL_TIME=$(copy_into natural "ALTER TABLE incident_copy ADD PRIMARY KEY (id);
  ALTER TABLE incident_copy ADD UNIQUE (source_id, source, agency_id)")
psql -q -d "$DB" -c "DROP TABLE IF EXISTS incident_copy" -c "CREATE TABLE incident_copy (LIKE incident INCLUDING ALL)"
start=$(now)
psql -q -d "$DB" -c "\\copy incident_copy FROM '$SCRATCH/incident.bin' WITH (FORMAT binary)"
FLOOR_TIME=$(seconds "$start" "$(now)")
psql -q -d "$DB" -c "DROP TABLE incident_copy"
rm -f "$SCRATCH/incident.bin"

echo "== H2: beacon import incidents into a fresh embedded file database =="
rm -rf "$SCRATCH/h2"
export SPRING_DATASOURCE_URL="jdbc:h2:file:$SCRATCH/h2/beacon;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
export SPRING_DATASOURCE_USERNAME=sa SPRING_DATASOURCE_PASSWORD=
areas
start=$(now)
beacon import incidents "$CSV_GZ" --profile stl-slmpd 2> "$SCRATCH/h2.err" | tee "$SCRATCH/h2.log" | tail -1
H2_WALL=$(seconds "$start" "$(now)")
H2_OWN=$(own_time "$SCRATCH/h2.err" "$SCRATCH/h2.log")

echo
echo "rows: 688,776; heap -Xmx512m ($HEAP); load after the run: $(uptime | sed 's/.*load average: //')"
row() { printf '%-66s %8s %s\n' "$1" "$2" "$3"; }
row "JVM and Spring start alone (import incidents --help)" "$STARTUP" s
row "  the same, tuned command line" "$STARTUP_CLI" s
row "beacon import incidents, PostgreSQL, fresh: the import's own time" "$PG_OWN" s
row "  wall clock, java -jar beacon.jar" "$PG_WALL" s
row "  wall clock, tuned command line (own time $CLI_OWN s)" "$CLI_WALL" s
row "beacon import incidents, PostgreSQL, re-import: own time" "$PG_REIMPORT_OWN" s
row "  wall clock" "$PG_REIMPORT" s
row "psql \\copy into a bare 23-column text table (the floor; mean)" "$COPY_TIME" "s (before Beacon $COPY_BEFORE s, after $COPY_AFTER s)"
row "psql \\copy of the result (binary) into an unindexed incident table" "$NOINDEX_TIME" s
row "  with its primary key" "$PKEY_TIME" s
row "  with its primary key and natural key" "$NATURAL_TIME" s
row "  with all its indexes (as Beacon loads it)" "$FLOOR_TIME" s
row "ratio import's own time / bare copy" "$(ratio "$PG_OWN" "$COPY_TIME")" x
row "ratio wall clock with JVM start / bare copy, java -jar" "$(ratio "$PG_WALL" "$COPY_TIME")" x
row "ratio wall clock with JVM start / bare copy, tuned command line" "$(ratio "$CLI_WALL" "$COPY_TIME")" x
row "CPU of the fresh import: the JVM, start-up included" "$JVM_CPU" "s (start-up alone $STARTUP_CPU s)"
row "  PostgreSQL backends serving it" "$PG_BACKEND_CPU" s
row "CPU two cores give in twice the bare copy (the goal's wall time)" "$(awk -v c="$COPY_TIME" 'BEGIN { printf "%.2f", 4 * c }')" s
row "beacon import incidents, H2 file, fresh: own time" "$H2_OWN" s
row "  wall clock" "$H2_WALL" s
