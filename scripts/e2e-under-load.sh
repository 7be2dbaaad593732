#!/usr/bin/env bash
# The whole e2e suite while another process keeps every core busy (Debian's stress-ng), to prove
# the tests wait on the game's readiness signals rather than on time. Starts and stops the load
# itself and prints how long the suite took. Needs the builds: npm run build && npm run build:test.
#   bash scripts/e2e-under-load.sh [playwright args…]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v stress-ng >/dev/null 2>&1; then
  echo "stress-ng is not installed (Debian: apt-get install stress-ng)" >&2
  exit 2
fi
cores=$(nproc)
stress-ng --cpu "$cores" --quiet &
load=$!
trap 'kill "$load" 2>/dev/null || true; wait "$load" 2>/dev/null || true' EXIT
start=$(date +%s)
status=0
CI=true npx playwright test "$@" || status=$?
echo "e2e under stress-ng --cpu $cores: exit $status after $(( $(date +%s) - start )) s"
exit "$status"
