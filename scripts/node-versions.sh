#!/usr/bin/env bash
# The engine, scenario and result unit tests and a CLI smoke test under Node 22 and 24 (the
# versions users run; these machines have 20). Node comes from the npm registry's `node` package
# (`npx -p node@22`), cached by npm after the first download.
set -euo pipefail
cd "$(dirname "$0")/.."
for v in 22 24; do
  node_bin=(npx -y -p "node@$v" node)
  echo "Node $("${node_bin[@]}" --version): unit tests (engine, scenario, results) and accord check"
  "${node_bin[@]}" node_modules/vitest/vitest.mjs run src/engine src/scenario src/debrief --reporter=dot
  "${node_bin[@]}" bin/accord.mjs check scenarios/tutorial/scenario.yaml
done
