#!/usr/bin/env bash
# Rust suite: formatting, clippy, unit tests, doctests (README included), the conformance
# corpus, property tests and the CLI's end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v cargo >/dev/null || { echo "cargo is required (rustup)"; exit 2; }
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo --version

echo "-- formatting"
cargo fmt --all -- --check

echo "-- clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "-- the calendar and lunar-table generators reproduce the shipped files"
python3 policies/calendars/generate.py | cmp - policies/calendars/cn-mainland.toml
# Installs lunar-python and ephem into a temporary venv; fails if they disagree on any date.
python3 policies/calendars/lunar.py | cmp - policies/calendars/cn-lunar.tsv

echo "-- tests"
# The bindings are tested by their own suites (a PyO3 extension does not link as a test).
cargo test --workspace --exclude zhidu-benches $(for b in zhidu-python zhidu-wasm; do cargo metadata --no-deps --format-version 1 2>/dev/null | grep -q "\"name\":\"$b\"" && printf -- '--exclude %s ' "$b"; done)
