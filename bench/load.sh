#!/usr/bin/env bash
# Guildhall load benchmark: signs in as a demo member and measures the hot pages with wrk.
#
#   bash bench/load.sh            (or `make bench`)
#
# Needs: a running server on 127.0.0.1 (`guildhall serve`) with the demo loaded, `wrk` and `curl`,
# and this shell's environment pointing at the server's database (DATABASE_URL or
# GUILDHALL_DATA_DIR): bench/make_item_with_comments.py prepares an item with 50 comments there.
# Each page's requests per second are reported as a ratio to /api/v1/health, measured in the same
# run: a near-bare Django request through the same server and middleware (see bench/README.md).
# Only 127.0.0.1 / localhost is ever targeted; each wrk run is bounded by BENCH_DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8000}"
BASE_URL="${BENCH_URL:-http://127.0.0.1:${PORT}}"
DURATION="${BENCH_DURATION:-15s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
COMMENTS="${BENCH_COMMENTS:-50}"
PASSWORD="${BENCH_PASSWORD:-guildhall}"
PYTHON="${PYTHON:-python}" # `make bench` puts .venv/bin first on PATH

die() { echo "bench: $*" >&2; exit 1; }

case "$BASE_URL" in
    http://127.0.0.1:* | http://localhost:* | "http://[::1]:"*) ;;
    *) die "BENCH_URL must be http://127.0.0.1:<port> (or localhost): this script only loads a local server." ;;
esac
case "$DURATION" in
    [0-9]s | [0-9][0-9]s | [0-9] | [0-9][0-9]) ;;
    *) die "BENCH_DURATION must be at most 99 seconds (e.g. 15s)." ;;
esac
command -v wrk >/dev/null || die "wrk is not installed (Debian/Ubuntu: apt-get install wrk)."
command -v curl >/dev/null || die "curl is not installed."
curl -fsS --max-time 5 -o /dev/null "$BASE_URL/api/v1/health" \
    || die "no Guildhall answers at $BASE_URL (start it: guildhall serve --port $PORT)."

echo "Preparing: an item with $COMMENTS comments, a community and a member ..."
prep="$("$PYTHON" bench/make_item_with_comments.py --comments "$COMMENTS")" \
    || die "could not prepare the benchmark data (is the demo loaded in this database?)."
value() { sed -n "s/^$1=//p" <<<"$prep"; }
DATABASE="$(value BENCH_DATABASE)"
COMMUNITY="$(value BENCH_COMMUNITY)"
ITEM="$(value BENCH_ITEM)"
ITEM_PATH="$(value BENCH_ITEM_PATH)"
MEMBER="$(value BENCH_MEMBER)"

# Sign in like a browser: GET the form for the CSRF cookie, POST it back with the token.
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT
cookie() { awk -v name="$1" '$6 == name { value = $7 } END { print value }' "$jar"; }
curl -fsS --max-time 10 -c "$jar" -b "$jar" -o /dev/null "$BASE_URL/accounts/login/"
status="$(curl -sS --max-time 10 -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
    -H "Referer: $BASE_URL/accounts/login/" \
    --data-urlencode "csrfmiddlewaretoken=$(cookie csrftoken)" \
    --data-urlencode "login=$MEMBER" --data-urlencode "password=$PASSWORD" \
    "$BASE_URL/accounts/login/")"
session="$(cookie sessionid)"
[ "$status" = 302 ] && [ -n "$session" ] || die "signing in as $MEMBER failed (HTTP $status)."
COOKIE="sessionid=$session; csrftoken=$(cookie csrftoken)"
echo "Signed in as $MEMBER."

PAGES=(
    "baseline /api/v1/health"
    "home /"
    "community /c/$COMMUNITY/"
    "item ${ITEM_PATH:-/content/$ITEM/}"
)

mkdir -p bench/results
RESULTS="bench/results/$(date -u +%Y-%m-%d_%H%M%S).txt"
{
    echo "Guildhall load benchmark, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "commit:     $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "server:     $BASE_URL (database: $DATABASE)"
    echo "machine:    $(nproc) CPUs, $(uname -sr)"
    echo "wrk:        -t$THREADS -c$CONNECTIONS -d$DURATION, signed in as $MEMBER"
    echo "item:       ${ITEM_PATH:-/content/$ITEM/} ($COMMENTS+ comments); community: /c/$COMMUNITY/"
    echo
} >"$RESULTS"

rows=()
for entry in "${PAGES[@]}"; do
    name="${entry%% *}"
    path="${entry#* }"
    # wrk does not follow redirects: each page must answer 200 itself (not a sign-in redirect).
    code="$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE_URL$path")"
    [ "$code" = 200 ] || die "$path answered HTTP $code (expected 200) — is the page built yet?"
    echo "Measuring $name ($path) for $DURATION ..."
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency \
        -H "Cookie: $COOKIE" "$BASE_URL$path")"
    { echo "=== $name $path"; echo "$out"; echo; } >>"$RESULTS"
    rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
    p50="$(awk '$1 == "50%" { print $2 }' <<<"$out")"
    p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
    bad="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")"
    errors="$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")"
    rows+=("$name $path ${rps:-0} ${p50:--} ${p99:--} ${bad:-0} ${errors:-0}")
done

summary="$(printf '%s\n' "${rows[@]}" | awk '
    NR == 1 { base = $3 }
    {
        ratio = base > 0 ? $3 / base : 0
        path = length($2) > 32 ? substr($2, 1, 31) "~" : $2
        printf "%-10s %-32s %9.1f %9s %9s %7.3f %8d %7d\n", $1, path, $3, $4, $5, ratio, $6, $7
    }' | { printf "%-10s %-32s %9s %9s %9s %7s %8s %7s\n" \
        page path "req/s" p50 p99 ratio non-2xx errors; cat; })"
{
    echo "=== summary (ratio = req/s / baseline req/s, same run)"
    echo "$summary"
} >>"$RESULTS"
echo
echo "$summary"
echo
echo "Full wrk output: $RESULTS"
