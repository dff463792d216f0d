# Shared by bench/load.sh, bench/scale.sh and bench/realistic.sh (sourced, not run): settings,
# checks, signing in, and measuring pages with wrk into a results file and a summary table.
# Only 127.0.0.1 / localhost is ever targeted; each wrk run is bounded by BENCH_DURATION.

PORT="${PORT:-8000}"
BASE_URL="${BENCH_URL:-http://127.0.0.1:${PORT}}"
DURATION="${BENCH_DURATION:-15s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
PASSWORD="${BENCH_PASSWORD:-guildhall}"
PYTHON="${PYTHON:-python}" # `make bench` puts .venv/bin first on PATH

die() { echo "bench: $*" >&2; exit 1; }

check_settings() {
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
}

check_server() {
    curl -fsS --max-time 5 -o /dev/null "$BASE_URL/api/v1/health" \
        || die "no Guildhall answers at $BASE_URL (start it: guildhall serve --port $PORT)."
}

# sign_in <email> [<source address>]: signs in like a browser (GET the form for the CSRF cookie,
# POST it back with the token) and sets COOKIE for wrk and curl, and SESSION and CSRF (the two
# cookies' values). A source address (127.x.y.z: any loopback address, the server is still
# 127.0.0.1) makes the sign-in come from a machine of its own: the sign-in rate limit counts per
# client address (allauth: 30 a minute).
sign_in() {
    local member="$1" jar status from=()
    [ -z "${2:-}" ] || from=(--interface "$2")
    jar="$(mktemp)"
    cookie() { awk -v name="$1" '$6 == name { value = $7 } END { print value }' "$jar"; }
    curl -fsS --max-time 10 "${from[@]}" -c "$jar" -b "$jar" -o /dev/null "$BASE_URL/accounts/login/"
    status="$(curl -sS --max-time 10 "${from[@]}" -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
        -H "Referer: $BASE_URL/accounts/login/" \
        --data-urlencode "csrfmiddlewaretoken=$(cookie csrftoken)" \
        --data-urlencode "login=$member" --data-urlencode "password=$PASSWORD" \
        "$BASE_URL/accounts/login/")"
    SESSION="$(cookie sessionid)"
    CSRF="$(cookie csrftoken)"
    COOKIE="sessionid=$SESSION; csrftoken=$CSRF"
    rm -f "$jar"
    [ "$status" = 302 ] && [ -n "$SESSION" ] || die "signing in as $member failed (HTTP $status)."
    echo "Signed in as $member."
}

# start_results <title> <lines...>: a new results file (RESULTS) with the machine, commit, load
# and settings at its head.
start_results() {
    mkdir -p bench/results
    RESULTS="bench/results/$(date -u +%Y-%m-%d_%H%M%S)${RESULTS_SUFFIX:-}.txt"
    {
        echo "$1, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
        echo "commit:     $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
        echo "machine:    $(nproc) CPUs, $(uname -sr); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "wrk:        -t$THREADS -c$CONNECTIONS -d$DURATION"
        shift
        printf '%s\n' "$@"
        echo
    } >"$RESULTS"
}

# measure_pages "<name> <path>"...: each page is checked for a 200 (wrk follows no redirect: a
# sign-in redirect would measure the wrong page), then loaded with wrk as COOKIE. The first page
# is the baseline of the ratios. Prints the summary table and appends everything to RESULTS.
measure_pages() {
    local entry name path code
    for entry in "$@"; do
        name="${entry%% *}"
        path="${entry#* }"
        code="$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE_URL$path")"
        [ "$code" = 200 ] || die "$path answered HTTP $code (expected 200) — is the page built yet?"
        run_wrk "$name" "$path" -s bench/percentiles.lua -H "Cookie: $COOKIE"
    done
    print_summary
}

# run_wrk <name> <path> [<wrk options>...] [-- <script arguments>...]: one bounded wrk run
# (-t THREADS -c CONNECTIONS -d DURATION unless the options say otherwise: the last one counts),
# its output appended to RESULTS and kept in WRK_OUT, its figures added to ROWS for print_summary.
ROWS=()
run_wrk() {
    local name="$1" path="$2" rps p50 p95 p99 bad errors options=()
    shift 2
    while [ $# -gt 0 ] && [ "$1" != -- ]; do options+=("$1"); shift; done
    echo "Measuring $name ($path) for $DURATION ..."
    WRK_OUT="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency \
        "${options[@]}" "$BASE_URL$path" "$@")"
    { echo "=== $name $path"; echo "$WRK_OUT"; echo; } >>"$RESULTS"
    rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$WRK_OUT")"
    p50="$(awk '$1 == "50%" { print $2 }' <<<"$WRK_OUT")"
    p95="$(awk '/^p95 latency:/ { print $3 }' <<<"$WRK_OUT")"  # with bench/percentiles.lua
    p99="$(awk '$1 == "99%" { print $2 }' <<<"$WRK_OUT")"
    bad="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$WRK_OUT")"
    errors="$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$WRK_OUT")"
    ROWS+=("$name $path ${rps:-0} ${p50:--} ${p95:--} ${p99:--} ${bad:-0} ${errors:-0}")
}

# print_summary: the table of ROWS (the first row is the baseline of the ratios), on stdout and
# at the end of RESULTS.
print_summary() {
    local summary
    summary="$(printf '%s\n' "${ROWS[@]}" | awk '
        NR == 1 { base = $3 }
        {
            ratio = base > 0 ? $3 / base : 0
            path = length($2) > 32 ? substr($2, 1, 31) "~" : $2
            printf "%-10s %-32s %9.1f %9s %9s %9s %7.3f %8d %7d\n", $1, path, $3, $4, $5, $6, ratio, $7, $8
        }' | { printf "%-10s %-32s %9s %9s %9s %9s %7s %8s %7s\n" \
            page path "req/s" p50 p95 p99 ratio non-2xx errors; cat; })"
    {
        echo "=== summary (ratio = req/s / baseline req/s, same run)"
        echo "$summary"
        echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    } >>"$RESULTS"
    echo
    echo "$summary"
    echo
    echo "Full wrk output: $RESULTS"
}
