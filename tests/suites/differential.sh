#!/usr/bin/env bash
# Cross-host differential test: seeded random scenarios through the Rust core, the CLI, the
# Python package and the WASM package, compared field by field. Runs after the Python and
# WASM suites, which build the packages it uses.
set -euo pipefail
cd "$(dirname "$0")/../.."

[ -x bindings/python/.venv/bin/python ] || bash bindings/python/test.sh
[ -f bindings/wasm/pkg/node/zhidu_wasm.js ] || bash bindings/wasm/build.sh
# Two builds: with `--example`, cargo builds only examples, so the CLI's binary would be
# missing on a fresh target directory.
cargo build -q -p zhidu-cli
cargo build -q -p zhidu --example differential
bindings/python/.venv/bin/python tests/differential/run.py "$@"
