#!/usr/bin/env bash
# The end-to-end suite (`npm run test:e2e`): install phase (skipped when done), build, pack, then the
# driver inside a loopback-only network namespace (unshare -rn) so nothing can reach the outside.
# Env: E2E_SANDBOX=0 (no namespace), E2E_UI=0 (no editor checks), E2E_SKIP_BUILD=1, E2E_SKIP_INSTALL=1,
#      E2E_PACKAGE_DIR (pack another copy of the package, e.g. a scratch copy), E2E_RUN_DIR (logs and
#      n8n state, default .e2e/run), E2E_VERBOSE=1, E2E_N8N_FLAVOR=1x (n8n 1.x from test/e2e/n8n-1x; runs
#      in .e2e/run-1x).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/env.sh"
cd "$E2E_ROOT"

if [ -z "${E2E_IN_NS:-}" ]; then
  [ "${E2E_SKIP_INSTALL:-0}" = 1 ] || bash "$HERE/install.sh"
  export PATH="$E2E_NODE_BIN:$PATH"
  PKG_DIR=${E2E_PACKAGE_DIR:-$E2E_ROOT}
  [ "${E2E_SKIP_BUILD:-0}" = 1 ] || [ -n "${E2E_PACKAGE_DIR:-}" ] || npm run build --silent
  export E2E_RUN_DIR=${E2E_RUN_DIR:-$E2E_DIR/run${E2E_N8N_FLAVOR:+-$E2E_N8N_FLAVOR}}   # logs, n8n user folder, packed tarball
  pack_package "$E2E_RUN_DIR" "$PKG_DIR"
  export E2E_PACKAGE_TGZ=$PACKAGE_TGZ
  export E2E_N8N_VERSION; E2E_N8N_VERSION=$(node -p "require('$E2E_N8N_DIR/node_modules/n8n/package.json').version")
  echo "packed $E2E_PACKAGE_TGZ"
  if [ "${E2E_SANDBOX:-1}" = 1 ] && command -v unshare >/dev/null && command -v ip >/dev/null && unshare -rn true 2>/dev/null; then
    export E2E_IN_NS=1
    exec unshare -rn bash -c 'ip link set lo up && exec "$0"' "$HERE/run.sh"
  fi
fi
# exec: Ctrl-C reaches the driver, which stops every process it started
exec node --import tsx "$HERE/driver.mjs"
