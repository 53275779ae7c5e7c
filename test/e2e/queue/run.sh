#!/usr/bin/env bash
# The queue-mode suite (`npm run test:e2e:queue`): PostgreSQL and Redis from Debian's packages
# (installed with apt-get when missing), the e2e install phase (skipped when done), build, pack,
# then queue/driver.mjs inside a loopback-only network namespace. PostgreSQL refuses to run as
# root, so as root the namespace is a plain network namespace (`unshare -n`) and the server runs as
# Debian's postgres user; otherwise a user namespace (`unshare -rn`) cannot host it and the suite
# runs on loopback without a namespace.
# Env: E2E_SANDBOX=0 (no namespace), E2E_SKIP_BUILD=1, E2E_SKIP_INSTALL=1, E2E_RUN_DIR (default .e2e/run-queue).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$HERE/env.sh"
cd "$E2E_ROOT"

if [ -z "${E2E_IN_NS:-}" ]; then
  missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "queue mode needs ${missing[*]}: apt-get install ${missing[*]}" >&2; exit 2; }
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  # no editor checks here, so no Chromium
  [ "${E2E_SKIP_INSTALL:-0}" = 1 ] || E2E_UI=0 bash "$HERE/install.sh"
  export PATH="$E2E_NODE_BIN:$PATH"
  [ "${E2E_SKIP_BUILD:-0}" = 1 ] || npm run build --silent
  export E2E_RUN_DIR=${E2E_RUN_DIR:-$E2E_DIR/run-queue}
  pack_package "$E2E_RUN_DIR"
  export E2E_PACKAGE_TGZ=$PACKAGE_TGZ
  export E2E_N8N_VERSION; E2E_N8N_VERSION=$(node -p "require('$E2E_N8N_DIR/node_modules/n8n/package.json').version")
  echo "packed $E2E_PACKAGE_TGZ"
  if [ "${E2E_SANDBOX:-1}" = 1 ] && command -v unshare >/dev/null && command -v ip >/dev/null; then
    if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
      export E2E_IN_NS=1
      exec unshare -n bash -c 'ip link set lo up && exec "$0"' "$HERE/queue/run.sh"
    fi
  fi
fi
exec node --import tsx "$HERE/queue/driver.mjs"
