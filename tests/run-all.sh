#!/usr/bin/env bash
# Runs every test suite of zhidu on a fresh machine, installing what the suites need.
#
#   bash tests/run-all.sh
#
# Suites: Rust formatting and lints, unit tests, doctests, the conformance corpus
# (tests/cases/), property tests and the CLI's end-to-end tests. Each later host (Python,
# WASM/node, browser) adds its suite here, with its own installs.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "rust toolchain"
command -v cargo >/dev/null || { echo "cargo is required (rustup)"; exit 2; }
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo --version

step "rust: formatting"
cargo fmt --all -- --check

step "rust: clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "rust: unit, doc, conformance, property and CLI tests"
cargo test --workspace --exclude zhidu-benches

step "done: every suite passed"
