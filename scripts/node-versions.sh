#!/usr/bin/env bash
# The engine, scenario and result unit tests and a CLI smoke test under Node 22 and 24 (the
# versions users run; these machines have 20). Node comes from the npm registry's `node` package
# (`npx -p node@22`), cached by npm after the first download. The two versions run side by side
# (each vitest uses one worker on a 2-core machine); each one's output is shown after both end.
set -euo pipefail
cd "$(dirname "$0")/.."
one() {
  local node_bin=(npx -y -p "node@$1" node)
  echo "Node $("${node_bin[@]}" --version): unit tests (engine, scenario, results) and accord check"
  "${node_bin[@]}" node_modules/vitest/vitest.mjs run src/engine src/scenario src/debrief --reporter=dot --maxWorkers=1
  "${node_bin[@]}" bin/accord.mjs check scenarios/tutorial/scenario.yaml
}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pids=()
for v in 22 24; do
  one "$v" >"$out/$v" 2>&1 &
  pids+=($!)
done
status=0
for i in 0 1; do
  wait "${pids[$i]}" || status=1
done
cat "$out/22" "$out/24"
exit "$status"
