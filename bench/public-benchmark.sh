#!/usr/bin/env bash
# The residents' benchmarks, on PostgreSQL:
#  1. POST /open311/v2/requests.json throughput at 16 concurrent clients (wrk, durable commit), side by side in the
#     same run with pgbench doing one single-row INSERT per transaction at 16 clients; the ratio is what counts.
#  2. The public map for one year (2019) over St. Louis with all 2008-2020 SLMPD incidents loaded: the page and its
#     GeoJSON at a fixed 100 requests/s (open loop, bench/OpenLoop.java), latency percentiles.
#
# usage: bench/public-benchmark.sh [shared-dir]        (default ../shared; needs data/stl-crime-slmpd and
#                                                       data/stl-neighborhoods-geojson under it)
# needs: java 17, psql, pgbench, curl, wrk (apt-get install -y wrk), a PostgreSQL at 127.0.0.1:5432 (user postgres).
# settings (environment): BEACON_BENCH_DB (beacon_public_bench), BEACON_BENCH_PORT (18090),
#   BEACON_BENCH_ROUNDS (3 POST/pgbench pairs), BEACON_BENCH_SECONDS (20 per POST or pgbench run),
#   BEACON_BENCH_MAP_SECONDS (60 per map run).
#
# The anonymous rate limits are raised for this server only, on its command line (--beacon.anonymous.* and
# --beacon.public.*): one load generator is one client address, which the default limits would stop after a few
# requests. Production keeps its defaults; nothing is turned off.
set -euo pipefail

cd "$(dirname "$0")/.."
SHARED=${1:-../shared}
DB=${BEACON_BENCH_DB:-beacon_public_bench}
PORT=${BEACON_BENCH_PORT:-18090}
ROUNDS=${BEACON_BENCH_ROUNDS:-3}
SECONDS_EACH=${BEACON_BENCH_SECONDS:-20}
MAP_SECONDS=${BEACON_BENCH_MAP_SECONDS:-60}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
JAR=target/beacon.jar
WORK=$(mktemp -d)
SERVER=

cleanup() {
	if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
	rm -rf "$WORK"
}
trap cleanup EXIT

for tool in java psql pgbench wrk curl; do
	command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done
CRIME="$SHARED/data/stl-crime-slmpd/stl_crime_2008_2020_harmonized.csv.gz"
AREAS="$SHARED/data/stl-neighborhoods-geojson"
[ -f "$CRIME" ] || { echo "no $CRIME (give the shared directory as the first argument)" >&2; exit 2; }
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package

export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB?reWriteBatchedInserts=true"
export SPRING_DATASOURCE_USERNAME=postgres
export SPRING_DATASOURCE_PASSWORD=

if [ -z "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
	"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
fi
loaded=$("${PSQL[@]}" -d "$DB" -c "SELECT COUNT(*) FROM incident" 2>/dev/null || echo 0)
if [ "$loaded" -lt 600000 ]; then
	echo "== loading the St. Louis neighbourhoods and 2008-2020 incidents into $DB"
	java -jar "$JAR" import areas "$AREAS" --kind neighbourhood --id-property NHD_NUM --name-property NHD_NAME
	java -jar "$JAR" import incidents "$CRIME" --profile stl-slmpd
fi

echo "== machine: $(nproc) cores; $(uptime | sed 's/.*load/load/')"
java -jar "$JAR" --no-demo --server.port="$PORT" \
	--spring.datasource.hikari.maximum-pool-size=20 \
	--beacon.anonymous.reads-per-client=1000000000 --beacon.anonymous.writes-per-client=1000000000 \
	--beacon.anonymous.writes-per-node=1000000000 --beacon.public.reads-per-minute=1000000000 \
	--beacon.alerts.scheduling.enabled=false --beacon.overdose.scheduling.enabled=false \
	> "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
	curl -fs -o /dev/null "http://127.0.0.1:$PORT/open311/discovery.json" && break
	kill -0 "$SERVER" 2>/dev/null || { tail -30 "$WORK/server.log"; exit 1; }
	sleep 1
done

# an Open311 key for the load generator: only its SHA-256 is stored, as ApiKeys does
KEY="bench-$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
"${PSQL[@]}" -d "$DB" -c "INSERT INTO open311_api_key (agency_id, label, key_hash, created_by, created_at)
	VALUES ((SELECT id FROM agency WHERE code = 'stl'), 'benchmark', '$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)',
	'benchmark', now())"
export BEACON_BENCH_API_KEY="$KEY"

"${PSQL[@]}" -d "$DB" -c "CREATE TABLE IF NOT EXISTS bench_single_insert (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL)"
printf '%s\n' '\set n random(1, 1000000000)' \
	"INSERT INTO bench_single_insert (body, created_at) VALUES ('report ' || :n, now());" > "$WORK/insert.sql"
# the database work of one report as Beacon does it (three inserts in one transaction), driven by pgbench: the
# ceiling any application that stores a report this way could reach on this machine
AGENCY=$("${PSQL[@]}" -d "$DB" -c "SELECT id FROM agency WHERE code = 'stl'")
SERVICE=$("${PSQL[@]}" -d "$DB" -c "SELECT id FROM report_service WHERE agency_id = $AGENCY AND code = 'other'")
KEY_ID=$("${PSQL[@]}" -d "$DB" -c "SELECT MAX(id) FROM open311_api_key")
printf '%s\n' '\set n random(1, 900000000000000)' 'BEGIN;' \
	"INSERT INTO service_request (agency_id, public_id, token, service_id, description, lat, lon, state, moderation, channel, api_key_id, requested_at, updated_at, expected_at) VALUES ($AGENCY, 'B' || :n, 'B' || :n, $SERVICE, 'Broken bench by the bus stop, report ' || :n, 38.6, -90.2, 'FOR_TRIAGE', 'pending', 'open311', $KEY_ID, now(), now(), now() + interval '168 hours') RETURNING id \gset" \
	"INSERT INTO service_request_contact (request_id, email, first_name, last_name) VALUES (:id, 'resident' || :n || '@example.org', 'Ada', 'Lovelace');" \
	"INSERT INTO service_request_update (agency_id, request_id, kind, public_update, state, created_at) VALUES ($AGENCY, :id, 'received', FALSE, 'FOR_TRIAGE', now());" \
	'COMMIT;' > "$WORK/report.sql"

echo "== POST requests.json (wrk -t2 -c16 -d${SECONDS_EACH}s) against pgbench single-row INSERT (-n -c 16 -j 2 -T $SECONDS_EACH)"
echo "   synchronous_commit=$("${PSQL[@]}" -d "$DB" -c 'SHOW synchronous_commit') fsync=$("${PSQL[@]}" -d "$DB" -c 'SHOW fsync')"
wrk -t2 -c16 -d60s -s bench/open311-post.lua "http://127.0.0.1:$PORT" > /dev/null # JIT warm-up (a minute on a busy machine), not counted
for round in $(seq 1 "$ROUNDS"); do
	post=$(wrk -t2 -c16 -d"${SECONDS_EACH}s" -s bench/open311-post.lua "http://127.0.0.1:$PORT")
	rps=$(echo "$post" | awk '/Requests\/sec/ {print $2}')
	refused=$(echo "$post" | awk '/non-200 responses/ {print $3}')
	tps=$(pgbench -h 127.0.0.1 -U postgres -n -c 16 -j 2 -T "$SECONDS_EACH" -f "$WORK/insert.sql" "$DB" 2>/dev/null \
		| awk '/^tps/ {print $3}')
	same=$(pgbench -h 127.0.0.1 -U postgres -n -c 16 -j 2 -T "$SECONDS_EACH" -f "$WORK/report.sql" "$DB" 2>/dev/null \
		| awk '/^tps/ {print $3}')
	awk -v r="$round" -v a="$rps" -v b="$tps" -v c="$same" -v f="$refused" -v l="$(uptime | sed 's/.*average: //')" \
		'BEGIN { printf "   round %d: Beacon %.0f requests/s (%s not 200); pgbench single INSERT %.0f tps; ratio %.2f | pgbench doing a report'"'"'s three inserts %.0f tps (%.2f of single); load %s\n", r, a, f, b, a / b, c, c / b, l }'
done

echo "== public map, one year (2019), 100 requests/s for ${MAP_SECONDS}s after 15s of warm-up, Accept-Encoding: gzip"
for path in "/public/map?from=2019-01-01&to=2019-12-31" "/public/incidents.geojson?from=2019-01-01&to=2019-12-31"; do
	printf '   %s: ' "$path"
	java bench/OpenLoop.java --rate 100 --duration "$MAP_SECONDS" --warmup 15 --header "Accept-Encoding: gzip" \
		"http://127.0.0.1:$PORT$path"
done
echo "== done; $(uptime | sed 's/.*load/load/')"
