#!/usr/bin/env bash
# Python suite: build the `zhidu` wheel in a fresh venv and test it.
#
#   bash bindings/python/test.sh
#
# Needs python3 (>= 3.9) with venv and pip, and the Rust toolchain. Creates
# bindings/python/.venv, installs the build and test tools, installs the package the way the
# README says (`pip install bindings/python`), then runs pytest (the conformance corpus, API,
# batch, pickling, threads, fuzzing, README examples) and mypy's stubtest on the stubs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

python="${PYTHON:-}"
if [ -z "$python" ]; then
  for candidate in python3.11 python3.12 python3.13 python3.10 python3.9 python3; do
    if command -v "$candidate" >/dev/null; then python="$candidate"; break; fi
  done
fi
[ -n "$python" ] || { echo "python3 is required"; exit 2; }
command -v cargo >/dev/null || { echo "cargo is required (rustup)"; exit 2; }

venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
py="$venv/bin/python"
"$py" -m pip install --quiet --upgrade pip
"$py" -m pip install --quiet maturin pytest mypy numpy pandas polars pyarrow
# The engines of the Arrow recipes (tests/test_engines.py), pinned: PySpark runs in local mode
# on the machine's Java 17, Dask on its local scheduler, DuckDB in process.
"$py" -m pip install --quiet "pyspark==4.0.1" "duckdb==1.4.1" "dask[dataframe]==2025.9.1"

echo "-- build and install (pip install bindings/python)"
start=$(date +%s)
# The wheel is built by cargo in its own target directory, so it does not wait for the Rust
# suite's lock; pip builds in place (the extension needs the workspace around it).
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/python}" \
  "$py" -m pip install --quiet --force-reinstall --no-deps "$here"
echo "built and installed in $(( $(date +%s) - start )) s"

echo "-- pytest"
# Run from the tests directory so `import zhidu` is the installed package, not the source.
status=0
(cd "$here/tests" && "$py" -m pytest -q -p no:cacheprovider .) || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests"; exit 1
elif [ "$status" -ne 0 ]; then
  exit "$status"
fi

echo "-- stubtest (the hand-written stubs match the module)"
(cd "$here/tests" && "$py" -m mypy.stubtest zhidu --allowlist "$here/stubtest-allowlist.txt")

echo "-- mypy --strict on the package"
(cd "$here" && "$py" -m mypy --strict --no-incremental python/zhidu)
