#!/usr/bin/env bash
# Incident import benchmark (run once; the machine is shared, so do not loop it).
#
# Imports the St. Louis harmonized file (688,776 rows, 28 MB gzip) through `beacon.jar import incidents
# --profile stl-slmpd` with a 512 MB heap into a fresh PostgreSQL database, after the 88 neighbourhoods, and
# compares the wall time with `psql \copy` of the same CSV (gunzipped beforehand, not timed) into a bare
# table of its 23 columns as text: no parsing, no keys, no indexes, no reversals, no neighbourhoods. For
# scale it also times psql \copy of the imported rows into an empty copy of the incident table with its
# indexes: the least any loader of those rows pays in PostgreSQL.
# Then the same import into a fresh embedded H2 file database. Prints both times and the ratio.
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
mkdir -p "$SCRATCH"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
beacon() { java -Xmx512m -jar "$JAR" "$@"; }
areas() {
  beacon import areas "$AREAS" --kind neighbourhood --id-property NHD_NUM --name-property NHD_NAME > "$SCRATCH/areas.log"
}

echo "== PostgreSQL: beacon import incidents into a fresh database $DB =="
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
export SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-}
areas
start=$(now)
beacon import incidents --help > /dev/null
STARTUP=$(seconds "$start" "$(now)")
start=$(now)
beacon import incidents "$CSV_GZ" --profile stl-slmpd 2> "$SCRATCH/pg-progress.log" | tee "$SCRATCH/pg.log"
PG_IMPORT=$(seconds "$start" "$(now)")
psql -q -d "$DB" -At -c "SELECT 'stored: ' || COUNT(*) || ' incidents, ' || SUM(CASE WHEN reversed THEN 1 ELSE 0 END)
  || ' reversed, ' || SUM(CASE WHEN unfounded THEN 1 ELSE 0 END) || ' unfounded, '
  || SUM(CASE WHEN neighbourhood_id IS NULL THEN 1 ELSE 0 END) || ' without neighbourhood' FROM incident"

echo "== PostgreSQL: re-import of the same file (all unchanged) =="
start=$(now)
beacon import incidents "$CSV_GZ" --profile stl-slmpd 2> /dev/null | tail -1
PG_REIMPORT=$(seconds "$start" "$(now)")

echo "== PostgreSQL: psql \\copy of the gunzipped CSV into a bare table =="
gunzip -c "$CSV_GZ" > "$SCRATCH/harmonized.csv"
COLUMNS_SQL=$(head -1 "$SCRATCH/harmonized.csv" | tr -d '\r' | sed 's/,/ text, /g; s/$/ text/')
psql -q -d "$DB" -c "DROP TABLE IF EXISTS bare_crime" -c "CREATE TABLE bare_crime ($COLUMNS_SQL)"
start=$(now)
psql -q -d "$DB" -c "\\copy bare_crime FROM '$SCRATCH/harmonized.csv' WITH (FORMAT csv, HEADER true)"
COPY_TIME=$(seconds "$start" "$(now)")
rm -f "$SCRATCH/harmonized.csv"

echo "== PostgreSQL: psql \\copy of the imported rows into an empty copy of the incident table, indexes and all =="
psql -q -d "$DB" -c "\\copy (SELECT * FROM incident) TO '$SCRATCH/incident.csv' WITH (FORMAT csv)"
psql -q -d "$DB" -c "DROP TABLE IF EXISTS incident_copy" -c "CREATE TABLE incident_copy (LIKE incident INCLUDING ALL)"
start=$(now)
psql -q -d "$DB" -c "\\copy incident_copy FROM '$SCRATCH/incident.csv' WITH (FORMAT csv)"
FLOOR_TIME=$(seconds "$start" "$(now)")
psql -q -d "$DB" -c "DROP TABLE incident_copy"
rm -f "$SCRATCH/incident.csv"

echo "== H2: beacon import incidents into a fresh embedded file database =="
rm -rf "$SCRATCH/h2"
export SPRING_DATASOURCE_URL="jdbc:h2:file:./$SCRATCH/h2/beacon;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
export SPRING_DATASOURCE_USERNAME=sa SPRING_DATASOURCE_PASSWORD=
areas
start=$(now)
beacon import incidents "$CSV_GZ" --profile stl-slmpd 2> /dev/null | tee "$SCRATCH/h2.log"
H2_IMPORT=$(seconds "$start" "$(now)")

echo
echo "rows: 688,776; heap -Xmx512m; times are wall clock including JVM start"
printf '%-52s %8s s\n' "JVM and Spring start (import incidents --help)" "$STARTUP"
printf '%-52s %8s s\n' "beacon import incidents, PostgreSQL (fresh)" "$PG_IMPORT"
printf '%-52s %8s s\n' "beacon import incidents, PostgreSQL (re-import)" "$PG_REIMPORT"
printf '%-52s %8s s\n' "psql \\copy into a bare 23-column text table" "$COPY_TIME"
printf '%-52s %8s s\n' "psql \\copy of the result into the indexed incident table" "$FLOOR_TIME"
printf '%-52s %8s x\n' "ratio import / \\copy" "$(awk -v a="$PG_IMPORT" -v b="$COPY_TIME" 'BEGIN { printf "%.1f", a / b }')"
printf '%-52s %8s s\n' "beacon import incidents, H2 file (fresh)" "$H2_IMPORT"
