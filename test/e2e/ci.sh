#!/usr/bin/env bash
# Called by .ci/run: installs the e2e runtime (Node 24 + pinned n8n + chromium; cached in .e2e/) and runs the suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash test/e2e/install.sh
E2E_SKIP_INSTALL=1 npm run test:e2e
