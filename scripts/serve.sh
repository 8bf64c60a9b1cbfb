#!/usr/bin/env bash
# Installs what is missing, then builds the app and serves it on http://127.0.0.1:${PORT:-8080},
# rebuilding and reloading the page when a source file changes. Ctrl-C stops it.
# Usage: bash scripts/serve.sh
#   PORT=9000 bash scripts/serve.sh                  another port
#   TRUNK_BUILD_RELEASE=false bash scripts/serve.sh  debug build: faster rebuilds while editing
# Extra arguments go to `trunk serve`.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

ensure_build_tools
fetch_crates

# Release by default: the page you see is the optimised build the tests check, and it shares
# its compiled crates with scripts/test.sh. Its own dist dir, so a test run alongside (which
# rebuilds dist/) does not swap files under the server.
export TRUNK_BUILD_RELEASE="${TRUNK_BUILD_RELEASE:-true}"
port="${PORT:-8080}"
step "Serving on http://127.0.0.1:$port/ (first build takes a few minutes; Ctrl-C stops)"
exec trunk serve --offline --dist target/serve-dist --address 127.0.0.1 --port "$port" "$@"
