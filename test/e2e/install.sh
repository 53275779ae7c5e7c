#!/usr/bin/env bash
# Install phase of the end-to-end suite. Idempotent: every step is skipped when already done.
#   - Node 24 from the npm package node@24            -> .e2e/node24
#   - n8n (pinned by test/e2e/n8n/package-lock.json)  -> .e2e/n8n   (npm ci --ignore-scripts)
#     (E2E_N8N_FLAVOR=1x: test/e2e/n8n-1x/package-lock.json -> .e2e/n8n-1x)
#   - sqlite3 rebuilt from source against node@24's headers (the only native module n8n needs)
#   - Debian chromium for the editor check (skip with E2E_UI=0)
# Needs the npm registry (and Debian mirrors for chromium). Env: E2E_DIR (default <repo>/.e2e).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=env.sh
. "$HERE/env.sh"

log() { printf '[install %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
t_all=$SECONDS

# --- Node 24 -----------------------------------------------------------------
bash "$ROOT/scripts/node24.sh" --install
export PATH="$E2E_NODE_BIN:$PATH"
log "node $(node -v), npm $(npm -v)"

# --- n8n ---------------------------------------------------------------------
LOCK_SRC="$E2E_N8N_SRC/package-lock.json"
mkdir -p "$E2E_N8N_DIR"
if [ ! -f "$LOCK_SRC" ]; then
  # first time only: resolve the tree and keep the lock in the repo (commit it)
  t=$SECONDS
  cp "$E2E_N8N_SRC/package.json" "$E2E_N8N_DIR/package.json"
  (cd "$E2E_N8N_DIR" && npm i --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$E2E_N8N_DIR/package-lock.json" "$LOCK_SRC"
  log "generated $LOCK_SRC ($((SECONDS - t)) s) - commit it"
fi
stamp="$E2E_N8N_DIR/.e2e-installed"
want="$(cat "$E2E_N8N_SRC/package.json" "$LOCK_SRC" | sha256sum | cut -c1-16) $(node -v)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || [ ! -x "$E2E_N8N_DIR/node_modules/.bin/n8n" ]; then
  t=$SECONDS
  rm -f "$stamp"
  cp "$E2E_N8N_SRC/package.json" "$LOCK_SRC" "$E2E_N8N_DIR/"
  # --ignore-scripts: the tree has install scripts that download from outside the registry
  # (kafka, sqlite3 prebuilds, agent-browser, telemetry); we build only sqlite3 below.
  (cd "$E2E_N8N_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  log "n8n installed from lockfile ($((SECONDS - t)) s)"
  t=$SECONDS
  # npm_config_nodedir: Node 24's headers from the node@24 package (nothing is fetched from nodejs.org)
  (cd "$E2E_N8N_DIR" && npm_config_nodedir="$E2E_NODEDIR" npm rebuild sqlite3 --build-from-source --ignore-scripts=false --loglevel=error)
  log "sqlite3 built ($((SECONDS - t)) s)"
  (cd "$E2E_N8N_DIR" && node -e "require('sqlite3'); require('isolated-vm')")
  echo "$want" > "$stamp"
fi
log "n8n $("$E2E_N8N_DIR/node_modules/.bin/n8n" --version 2>/dev/null | tail -1) ready"

# --- chromium (editor check) ---------------------------------------------------
if [ "${E2E_UI:-1}" != 0 ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    t=$SECONDS
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
    log "chromium installed ($((SECONDS - t)) s)"
  else
    log "chromium missing and cannot apt-get install it (not root?): the editor check will be skipped"
  fi
fi
log "install phase done ($((SECONDS - t_all)) s)"
