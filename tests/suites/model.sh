#!/usr/bin/env bash
# Model suite: the case clock of the `zhidu` CLI against the reference model written from the
# documented semantics (tests/model/), on seeded random case logs that favour the edges.
#
#   bash tests/suites/model.sh                 # 10,000 logs
#   ZHIDU_LONG_TESTS=1 bash tests/suites/model.sh   # 100,000 logs
#   ZHIDU_MODEL_SEED=7 bash tests/suites/model.sh   # another seed (default 1)
#
# Python 3.11+ standard library only. The report of the disagreements (kinds, shrunk
# reproductions) is written to target/model-report.md. Fails when any log disagrees.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v python3 >/dev/null || { echo "python3 (3.11 or later) is required"; exit 2; }
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { echo "python3 3.11 or later is required (tomllib)"; exit 2; }

count=10000
[ "${ZHIDU_LONG_TESTS:-0}" = "1" ] && count=100000
seed="${ZHIDU_MODEL_SEED:-1}"

echo "-- the model against the hand-computed corpus"
python3 tests/model/check_corpus.py

echo "-- building the CLI (debug)"
cargo build -q -p zhidu-cli

echo "-- $count case logs, seed $seed"
mkdir -p target
python3 tests/model/compare.py --zhidu target/debug/zhidu --count "$count" --seed "$seed" --report target/model-report.md
