#!/usr/bin/env bash
# Runs every test suite of zhidu on a fresh machine, installing what the suites need.
#
#   bash tests/run-all.sh
#
# Suites, each a script that installs its own tools and fails on the first failure:
#   tests/suites/rust.sh      fmt, clippy, unit, doc, conformance, property, CLI tests
#   tests/suites/model.sh     the case clock and scoring against reference models written apart from the engine
#   bindings/python/test.sh   the Python package: build in a venv, pytest, stubtest
#   bindings/wasm/test.sh     the WASM package: build, node corpus, tsc, headless Chromium
#   tests/suites/differential.sh  seeded random scenarios through Rust, CLI, Python and WASM, compared
#   tests/suites/report.sh    the monthly HTML report on the example month, in headless Chromium
#   tests/suites/doc.sh       `zhidu doc`'s documentation site, walked in headless Chromium
#   tests/suites/schema.sh    policies and inputs against the shipped JSON Schemas (jsonschema, taplo)
set -euo pipefail
cd "$(dirname "$0")/.."

suites=(tests/suites/rust.sh tests/suites/model.sh bindings/python/test.sh bindings/wasm/test.sh tests/suites/differential.sh tests/suites/report.sh tests/suites/doc.sh tests/suites/schema.sh)
ran=0
for suite in "${suites[@]}"; do
  if [ -f "$suite" ]; then
    printf '\n==== %s\n' "$suite"
    bash "$suite"
    ran=$((ran + 1))
  fi
done
printf '\n==== %d suites passed\n' "$ran"
