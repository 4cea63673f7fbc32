#!/usr/bin/env bash
# Installs, on demand, what the VS Code test layers (test:integration, test:e2e) need:
#   - Debian's Chromium at /usr/bin/chromium (driven by playwright-core; no browser download);
#   - Node 24 and code-server (VS Code in a browser, from the npm registry) in the git-ignored
#     cache .vscode-test/code-server/, reused when already complete.
# Needs root with apt-get for the Debian packages when they are missing; otherwise it says
# what to install and exits non-zero. Override the cache with RH_CODE_SERVER_CACHE.
#
# Usage: scripts/ensure-vscode.sh [--print-env]
#   --print-env  also print CODE_SERVER_BIN=..., NODE24_BIN_DIR=..., CHROMIUM=... lines.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${RH_CODE_SERVER_CACHE:-$ROOT/.vscode-test/code-server}"
CODE_SERVER_VERSION=4.139.1
NODE_SPEC=node@24
CHROMIUM=/usr/bin/chromium
MARKER="$CACHE/.installed-code-server-$CODE_SERVER_VERSION"
BIN="$CACHE/node_modules/.bin"

say() { echo "ensure-vscode: $*" >&2; }

# Debian packages: installed with apt-get when we can, otherwise a clear instruction.
apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "missing Debian package(s): $*"
    say "install them as root, then run this again:  apt-get update && apt-get install -y $*"
    exit 1
  fi
  say "apt-get install -y $*"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2; then
    say "apt-get install failed; updating the package lists and trying again"
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2
  fi
}

deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# 1. The browser.
if [ ! -x "$CHROMIUM" ]; then
  apt_install chromium
fi
[ -x "$CHROMIUM" ] || { say "$CHROMIUM is still missing after installing chromium"; exit 1; }

code_server_works() {
  [ -f "$MARKER" ] && [ -x "$BIN/node" ] && [ -x "$BIN/code-server" ] &&
    PATH="$BIN:$PATH" "$BIN/code-server" --version >/dev/null 2>&1
}

# 2. Node 24 + code-server, into the cache.
if ! code_server_works; then
  # code-server's postinstall compiles native modules (kerberos among them) with node-gyp.
  missing=()
  deb_installed libkrb5-dev || missing+=(libkrb5-dev)
  for tool in make g++ python3; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
  command -v npm >/dev/null 2>&1 || { say "npm is required (Node.js 20+ with npm)"; exit 1; }

  started=$(date +%s)
  say "installing $NODE_SPEC and code-server@$CODE_SERVER_VERSION into $CACHE (about 600 MB, a few minutes)"
  bash "$ROOT/scripts/lib/install-code-server.sh" "$CACHE" "$NODE_SPEC" "$CODE_SERVER_VERSION"
  # The postinstall installs VS Code's own modules; without them code-server cannot serve VS Code.
  if [ ! -d "$CACHE/node_modules/code-server/lib/vscode/node_modules" ]; then
    say "code-server's postinstall did not run (lib/vscode/node_modules is missing)"
    exit 1
  fi
  # On a machine where code-server never ran, its first run also prints "Wrote default config
  # file ..." before the version: take the line that starts with a version number.
  version="$(PATH="$BIN:$PATH" "$BIN/code-server" --version 2>&1 | grep -m1 -E '^[0-9]+\.[0-9]+\.[0-9]+' || true)"
  case "$version" in
    "$CODE_SERVER_VERSION"*) ;;
    *) say "code-server --version printed '$version', expected $CODE_SERVER_VERSION"; exit 1 ;;
  esac
  # It must also serve: start it once on a free loopback port and ask its health endpoint.
  probe="$(mktemp -d)"
  port="$("$BIN/node" -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  PATH="$BIN:$PATH" setsid "$BIN/code-server" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry \
    --disable-update-check --config "$probe/config.yaml" --user-data-dir "$probe/user-data" \
    --extensions-dir "$probe/extensions" "$probe" >"$probe/log" 2>&1 &
  pid=$!
  if "$BIN/node" -e "
    const deadline = Date.now() + 60000;
    (async () => {
      for (;;) {
        try { if ((await fetch('http://127.0.0.1:$port/healthz')).ok) process.exit(0); } catch {}
        if (Date.now() > deadline) process.exit(1);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();"; then served=1; else served=0; fi
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$served" != 1 ]; then
    say "code-server did not answer on 127.0.0.1:$port; its output:"
    cat "$probe/log" >&2
    rm -rf "$probe"
    exit 1
  fi
  rm -rf "$probe"
  touch "$MARKER"
  say "code-server $CODE_SERVER_VERSION ready in $(( $(date +%s) - started )) s"
fi

if [ "${1:-}" = "--print-env" ]; then
  echo "CODE_SERVER_BIN=$BIN/code-server"
  echo "NODE24_BIN_DIR=$BIN"
  echo "CHROMIUM=$CHROMIUM"
fi
