#!/usr/bin/env bash
# zhidu against the tools users would pick instead, in one run (issue #7).
#
#   bash benches/peers/run.sh [--rows N] [--sample S] [--incidents N] [--repeat K]
#
# Installs the peers into a private venv (benches/peers/.venv: chinese-calendar, workalendar,
# numpy, zen-engine) and a private node folder (benches/peers/node: chinese-days), never into
# zhidu's own dependencies; builds what it needs of zhidu (the Python wheel into the same venv,
# the WASM node package if bindings/wasm/pkg/node is missing, the Rust timing binary
# `peers_rust`); then benches/peers/peers.py runs every tool on the same seeded rows, prints a
# table and writes benches/RESULTS.md. A peer that cannot be installed is reported and skipped.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/bench}"
load_start="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
command="bash benches/peers/run.sh${*:+ $*}"
log() { printf '== %s\n' "$*" >&2; }

log "peers: Python venv benches/peers/.venv"
venv="$here/.venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip >/dev/null 2>&1 || true
while read -r req; do
  case "$req" in ''|'#'*) continue ;; esac
  "$venv/bin/python" -m pip install -q "$req" >&2 || log "WARNING: $req is not installable here; going on without it"
done <"$here/requirements.txt"

log "peers: npm folder benches/peers/node"
(cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error >&2) || log "WARNING: npm ci failed; the Node peers will be missing"

log "zhidu: Python wheel into the venv (pip install bindings/python)"
if ! "$venv/bin/python" -m pip install -q --force-reinstall --no-deps bindings/python >&2; then
  # Other work in the same tree may be mid-edit; an earlier wheel is better than no row.
  "$venv/bin/python" -c 'import zhidu' 2>/dev/null || { log "the zhidu wheel does not build"; exit 1; }
  log "WARNING: the zhidu wheel does not build from this tree; measuring the one installed earlier"
fi

if [ ! -f bindings/wasm/pkg/node/zhidu_wasm.js ]; then
  log "zhidu: WASM node package (bash bindings/wasm/build.sh)"
  CARGO_TARGET_DIR="$root/target/wasm" bash bindings/wasm/build.sh >&2
fi

log "zhidu: Rust timing binary (peers_rust)"
cargo build -q --release -p zhidu-benches --example peers_rust

log "running (the slow per-row peers take a minute)"
"$venv/bin/python" "$here/peers.py" --rust "$CARGO_TARGET_DIR/release/examples/peers_rust" \
  --command "$command" --load-start "$load_start" "$@"
