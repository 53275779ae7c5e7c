#!/usr/bin/env bash
# Checks the publish guard: `npm publish` runs prepublishOnly (n8n-node's prerelease check), which refuses
# unless RELEASE_MODE is set, as .github/workflows/publish.yml does. Uses --dry-run: nothing is published.
# --ignore-scripts=false as in publish.yml (the repository's .npmrc skips lifecycle scripts for installs).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0
failed=0
result() { if [ "$1" = 0 ]; then passed=$((passed + 1)); echo "PASS $2"; else failed=$((failed + 1)); echo "FAIL $2"; sed 's/^/     /' "$log" | tail -5; fi; }

env -u RELEASE_MODE npm publish --dry-run --ignore-scripts=false >"$log" 2>&1
rc=$?
[ "$rc" != 0 ] && grep -q 'npm run release' "$log"
result $? "a publish outside the release workflow is refused by n8n-node prerelease"

RELEASE_MODE=true npm publish --dry-run --ignore-scripts=false >"$log" 2>&1
rc=$?
[ "$rc" = 0 ] && grep -q 'dist/nodes/DocSpace/DocSpace.node.js' "$log"
result $? "with RELEASE_MODE (publish.yml) the package with the built nodes is published"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
