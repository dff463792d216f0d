#!/usr/bin/env bash
# Guildhall realistic-load benchmark: 200 signed-in members at once, reading and writing in the
# proportions of a working day (bench/realistic.lua): 40% item pages, 25% home, 20% community
# pages, 10% searches, 5% writes (comments and ratings).
#
#   bash bench/realistic.sh       (or `make bench-realistic`)
#
# Needs: a running server on 127.0.0.1 (`guildhall serve`) with the demo loaded, `wrk` and `curl`,
# and this shell's environment pointing at the server's database (DATABASE_URL or
# GUILDHALL_DATA_DIR): bench/realistic_targets.py lists there each member's communities and the
# items they may read and write on (nothing is written). Each member signs in with the form, as a
# browser does, from a loopback address of their own (127.0.1.x: the sign-in limit counts per
# address); the sessions are kept in bench/results/ and reused while the server accepts them.
# The mix's requests per second are reported as a ratio to /api/v1/health measured in the same
# run, as in bench/load.sh. Only 127.0.0.1 / localhost is ever targeted; each wrk run is bounded
# by BENCH_DURATION (default here 30s). Exits 1 when an answer was an error or not the expected
# one (the per-kind table says which kind).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DURATION="${BENCH_DURATION:-30s}"
source bench/lib.sh

MEMBERS="${BENCH_MEMBERS:-200}"
MIX="${BENCH_MIX:-}" # empty: realistic.lua's default
WRITES_PER_MINUTE="${BENCH_WRITES_PER_MINUTE:-20}"
JOBS="${BENCH_SIGNIN_JOBS:-4}"
SESSIONS="bench/results/realistic-sessions-${BASE_URL##*:}.tsv"
check_settings
check_server

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Listing $MEMBERS members, their communities and the items they read ..."
"$PYTHON" bench/realistic_targets.py --members "$MEMBERS" >"$work/targets" \
    || die "could not list the members (is the demo loaded in this database?)."
cut -f2 "$work/targets" | sed -n '/@/p' >"$work/emails"

# session_valid <email> <sessionid> <csrftoken>: the server still knows this member's session.
session_valid() {
    curl -fsS --max-time 10 -H "Cookie: sessionid=$2; csrftoken=$3" "$BASE_URL/api/v1/me" \
        2>/dev/null | grep -q "\"username\": \"${1%@*}\""
}

# Sessions of an earlier run that still work, then sign in the others, JOBS at a time.
mkdir -p bench/results "$work/sessions"
reused=0
if [ -f "$SESSIONS" ]; then
    while IFS=$'\t' read -r email session csrf; do
        grep -qxF "$email" "$work/emails" && session_valid "$email" "$session" "$csrf" || continue
        printf '%s\t%s\t%s\n' "$email" "$session" "$csrf" >"$work/sessions/$email"
        reused=$((reused + 1))
    done <"$SESSIONS"
fi
echo "Signing in $((MEMBERS - reused)) members ($reused sessions reused) ..."
index=0
while read -r email; do
    index=$((index + 1))
    [ ! -f "$work/sessions/$email" ] || continue
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
    address="127.0.$((1 + index / 250)).$((1 + index % 250))"
    (
        sign_in "$email" "$address" >/dev/null
        printf '%s\t%s\t%s\n' "$email" "$SESSION" "$CSRF" >"$work/sessions/$email"
    ) &
done <"$work/emails"
wait
while read -r email; do
    [ -f "$work/sessions/$email" ] || die "could not sign in $email (see above)."
done <"$work/emails"
{
    cat "$work/sessions"/*
    if [ -f "$SESSIONS" ]; then # other members' sessions stay for later runs
        awk -F'\t' 'FILENAME == ARGV[1] { here[$1] = 1; next } !here[$1]' "$work/emails" "$SESSIONS"
    fi
} >"$work/all-sessions"
mv "$work/all-sessions" "$SESSIONS"

# The data file for realistic.lua: each member's line with their session in place of nothing.
awk -F'\t' -v OFS='\t' '
    FILENAME == ARGV[1] { session[$1] = $2; csrf[$1] = $3; next }
    $1 == "member" { print "member", $2, session[$2], csrf[$2], $3, $4, $5; next }
    { print }' "$SESSIONS" "$work/targets" >"$work/data"

# Before measuring: the first member's pages answer 200 (not a sign-in redirect), and a rating
# through the API passes the CSRF check.
IFS=$'\t' read -r _ email session csrf communities items writable < <(head -1 "$work/data")
COOKIE="sessionid=$session; csrftoken=$csrf"
word="$(awk -F'\t' '$1 == "words" { split($2, w, ","); print w[1] }' "$work/data")"
for path in / "/c/${communities%%,*}/" "${items%%,*}" "/search/?q=$word"; do
    code="$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE_URL$path")"
    [ "$code" = 200 ] || die "$path answered HTTP $code to $email (expected 200)."
done
code="$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -X PUT -H "Cookie: $COOKIE" \
    -H "X-CSRFToken: $csrf" -H 'Content-Type: application/json' -d '{"stars": 4}' \
    "$BASE_URL/api/v1/content/${writable%%,*}/rating")"
[ "$code" = 200 ] || die "rating item ${writable%%,*} as $email answered HTTP $code (expected 200)."

RESULTS_SUFFIX="_realistic"
start_results "Guildhall realistic-load benchmark" \
    "server:     $BASE_URL ($(curl -fsS --max-time 5 "$BASE_URL/api/v1/health" | tr -d '\n'))" \
    "members:    $MEMBERS signed in ($reused sessions reused), $(grep -c . "$work/emails") listed" \
    "mix:        ${MIX:-default (realistic.lua): item 40, home 25, community 20, search 10, comment 2.5, rate 1.25, rate-api 1.25}" \
    "writes:     at most $WRITES_PER_MINUTE per member per minute" \
    "wrk:        the mix with one connection per thread: -t$CONNECTIONS -c$CONNECTIONS" \
    "notes:      ${BENCH_NOTE:-}"
run_wrk baseline /api/v1/health -t"$CONNECTIONS" -H "Cookie: $COOKIE" # as load.sh: signed in
run_wrk mix / -t"$CONNECTIONS" -s bench/realistic.lua \
    -- "$work/data" "$CONNECTIONS" "$MIX" "$WRITES_PER_MINUTE"
ROWS[1]="${ROWS[1]/#mix \//mix $MEMBERS-members}"
print_summary
mix_report="$(sed -n '/^Realistic mix:/,$p' <<<"$WRK_OUT")"
echo "$mix_report"
bad="$(sed -n 's/^errors (HTTP 4xx\/5xx): \([0-9]*\); wrong answers[^:]*: \([0-9]*\);.*/\1 \2/p' \
    <<<"$mix_report")"
[ "$bad" = "0 0" ] || die "errors or wrong answers in the mix (${bad:-no report}): see the server's log."
