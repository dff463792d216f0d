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
# For the home page and search on a 10,000-member organisation: bench/scale.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

COMMENTS="${BENCH_COMMENTS:-50}"
check_settings
check_server

echo "Preparing: an item with $COMMENTS comments, a community and a member ..."
prep="$("$PYTHON" bench/make_item_with_comments.py --comments "$COMMENTS")" \
    || die "could not prepare the benchmark data (is the demo loaded in this database?)."
value() { sed -n "s/^$1=//p" <<<"$prep"; }
DATABASE="$(value BENCH_DATABASE)"
COMMUNITY="$(value BENCH_COMMUNITY)"
ITEM="$(value BENCH_ITEM)"
ITEM_PATH="$(value BENCH_ITEM_PATH)"
MEMBER="$(value BENCH_MEMBER)"

sign_in "$MEMBER"
start_results "Guildhall load benchmark" \
    "server:     $BASE_URL (database: $DATABASE), signed in as $MEMBER" \
    "item:       ${ITEM_PATH:-/content/$ITEM/} ($COMMENTS+ comments); community: /c/$COMMUNITY/"
measure_pages \
    "baseline /api/v1/health" \
    "home /" \
    "community /c/$COMMUNITY/" \
    "item ${ITEM_PATH:-/content/$ITEM/}"
