#!/usr/bin/env bash
# `npm start`: a local sandbox in one command. Builds the package, installs the pinned n8n runtime
# when missing (test/e2e/install.sh, a few minutes the first time), then runs test/sandbox/start.mjs:
# the DocSpace emulator (seeded) + real n8n with this package, an owner account, a ready credential
# and the example workflows. Ctrl-C stops everything it started.
# Env: N8N_PORT (5678), DOCSPACE_EMULATOR_PORT (8090), N8N_LISTEN_ADDRESS (127.0.0.1), DEMO_RESET=1.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/test/e2e/env.sh"
cd "$ROOT"
# the install is silent for minutes the first time: progress.sh reports what it does meanwhile
bash test/sandbox/progress.sh "$E2E_N8N_DIR" "$E2E_N8N_SRC/package-lock.json" "$E2E_DIR/node24" &
progress=$!
trap 'kill $progress 2>/dev/null || true' EXIT
E2E_UI=0 bash test/e2e/install.sh   # no chromium needed here
kill $progress 2>/dev/null || true
export PATH="$E2E_NODE_BIN:$PATH"
echo '[start] building the package...'
npm run build --silent
DEMO_DIR=${DEMO_DIR:-$E2E_DIR/demo}
pack_package "$DEMO_DIR"
export DEMO_DIR DEMO_PACKAGE_TGZ=$PACKAGE_TGZ
exec node --import tsx "$ROOT/test/sandbox/start.mjs"
