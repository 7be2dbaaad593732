#!/usr/bin/env bash
# `npm test`: every check, stage by stage, with the time each stage took (wall clock), so a slow
# stage shows. Stages that leave a core idle run side by side: type check with lint, the production
# build with the test build, and the Node 22 and 24 unit runs with each other
# (scripts/node-versions.sh). Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

times=()
stage() {
  local name=$1 start=$SECONDS
  shift
  echo "── $name"
  "$@" || { echo "── $name FAILED after $((SECONDS - start)) s"; exit 1; }
  times+=("$(printf '%5d s  %s' $((SECONDS - start)) "$name")")
}

# Two npm scripts at once, each one's output shown whole after both end.
side_by_side() {
  local out status=0
  out=$(mktemp -d)
  npm run --silent "$1" >"$out/1" 2>&1 &
  local first=$!
  npm run --silent "$2" >"$out/2" 2>&1 &
  local second=$!
  wait "$first" || status=1
  wait "$second" || status=1
  cat "$out/1" "$out/2"
  rm -rf "$out"
  return "$status"
}

total=$SECONDS
stage 'type check and lint' side_by_side typecheck lint
stage 'unit and property tests (vitest)' npm run --silent test:unit
stage 'unit tests under Node 22 and 24' npm run --silent test:node-versions
stage 'production and test builds' side_by_side build build:test
stage 'end-to-end tests (Playwright)' npm run --silent test:e2e
echo
echo "Stage times:"
printf '%s\n' "${times[@]}"
echo "$(printf '%5d s' $((SECONDS - total)))  in all"
