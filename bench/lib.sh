# Shared by bench/load.sh and bench/scale.sh (sourced, not run): settings, checks, signing in,
# and measuring a list of pages with wrk into a results file and a summary table.
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

# sign_in <email>: signs in like a browser (GET the form for the CSRF cookie, POST it back with
# the token) and sets COOKIE for wrk and curl.
sign_in() {
    local member="$1" jar status session
    jar="$(mktemp)"
    cookie() { awk -v name="$1" '$6 == name { value = $7 } END { print value }' "$jar"; }
    curl -fsS --max-time 10 -c "$jar" -b "$jar" -o /dev/null "$BASE_URL/accounts/login/"
    status="$(curl -sS --max-time 10 -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
        -H "Referer: $BASE_URL/accounts/login/" \
        --data-urlencode "csrfmiddlewaretoken=$(cookie csrftoken)" \
        --data-urlencode "login=$member" --data-urlencode "password=$PASSWORD" \
        "$BASE_URL/accounts/login/")"
    session="$(cookie sessionid)"
    COOKIE="sessionid=$session; csrftoken=$(cookie csrftoken)"
    rm -f "$jar"
    [ "$status" = 302 ] && [ -n "$session" ] || die "signing in as $member failed (HTTP $status)."
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
# sign-in redirect would measure the wrong page), then loaded with wrk. The first page is the
# baseline of the ratios. Prints the summary table and appends everything to RESULTS.
measure_pages() {
    local entry name path code out rps p50 p95 p99 bad errors summary
    local rows=()
    for entry in "$@"; do
        name="${entry%% *}"
        path="${entry#* }"
        code="$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE_URL$path")"
        [ "$code" = 200 ] || die "$path answered HTTP $code (expected 200) — is the page built yet?"
        echo "Measuring $name ($path) for $DURATION ..."
        out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency \
            -s bench/percentiles.lua -H "Cookie: $COOKIE" "$BASE_URL$path")"
        { echo "=== $name $path"; echo "$out"; echo; } >>"$RESULTS"
        rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
        p50="$(awk '$1 == "50%" { print $2 }' <<<"$out")"
        p95="$(awk '/^p95 latency:/ { print $3 }' <<<"$out")"
        p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
        bad="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")"
        errors="$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")"
        rows+=("$name $path ${rps:-0} ${p50:--} ${p95:--} ${p99:--} ${bad:-0} ${errors:-0}")
    done

    summary="$(printf '%s\n' "${rows[@]}" | awk '
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
