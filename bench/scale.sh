#!/usr/bin/env bash
# The home page and search on a large organisation: 10,000+ members, 200,000+ items, PostgreSQL.
#
#   bash bench/scale.sh           (or `make bench-scale`)
#
# One command from an empty machine to the figures: creates the database SCALE_DATABASE
# (default guildhall_scale) if needed, migrates it, loads the demo into it and grows it with
# bench/make_scale_org.py (about 7 minutes, once: later runs reuse it), starts `guildhall serve`
# on PORT (default 8001) for the run, signs in as a member of several communities (one private)
# and measures the home page, the search page and the search API with a common word, a word of
# middling frequency and a rare one, against /api/v1/health. The server is stopped at the end.
# Set REDIS_URL (e.g. redis://127.0.0.1:6379/5) to serve with the shared cache as in production.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/guildhall ] && PATH="$PWD/.venv/bin:$PATH"
PORT="${PORT:-8001}"
source bench/lib.sh

SCALE_DATABASE="${SCALE_DATABASE:-guildhall_scale}"
POSTGRES="${SCALE_POSTGRES:-postgres://postgres@127.0.0.1:5432}"
WORKERS="${BENCH_WORKERS:-2}"
MIDDLING_WORD="${BENCH_MIDDLING_WORD:-pump}"
[ "$SCALE_DATABASE" != test ] || die "choose a database of the benchmark's own (SCALE_DATABASE)."
command -v psql >/dev/null || die "psql is not installed (the PostgreSQL client)."
check_settings
export DATABASE_URL="$POSTGRES/$SCALE_DATABASE"

if ! psql "$POSTGRES/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$SCALE_DATABASE'" \
    | grep -q 1; then
    echo "Creating the database $SCALE_DATABASE ..."
    psql -q "$POSTGRES/postgres" -c "CREATE DATABASE \"$SCALE_DATABASE\""
fi
guildhall migrate -v0
if [ "$("$PYTHON" bench/make_scale_org.py --check)" = empty ]; then
    guildhall demo
fi
echo "Growing the organisation (once; minutes) ..."
prep="$("$PYTHON" bench/make_scale_org.py)" || die "could not make the scale organisation."
value() { sed -n "s/^$1=//p" <<<"$prep"; }
MEMBER="$(value BENCH_MEMBER)"
COMMON="$(value BENCH_COMMON_WORD)"
RARE="$(value BENCH_RARE_WORD)"

server_log="$(mktemp)"
guildhall serve --port "$PORT" --workers "$WORKERS" --no-worker >"$server_log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$server_log"' EXIT
for _ in $(seq 60); do
    curl -fsS --max-time 2 -o /dev/null "$BASE_URL/api/v1/health" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$server_log" >&2; die "the server did not start."; }
    sleep 1
done
check_server

sign_in "$MEMBER"
RESULTS_SUFFIX="_scale"
start_results "Guildhall scale benchmark" \
    "server:     $BASE_URL, guildhall serve --workers $WORKERS (database: $SCALE_DATABASE)" \
    "cache:      REDIS_URL=${REDIS_URL:-(none: the file cache in the data dir)}" \
    "member:     $MEMBER; words: common '$COMMON', middling '$MIDDLING_WORD', rare '$RARE'" \
    "$("$PYTHON" bench/make_scale_org.py --check)"
measure_pages \
    "baseline /api/v1/health" \
    "home /" \
    "s-common /search/?q=$COMMON" \
    "s-middle /search/?q=$MIDDLING_WORD" \
    "s-rare /search/?q=$RARE" \
    "api-common /api/v1/search?q=$COMMON" \
    "api-rare /api/v1/search?q=$RARE"
