#!/usr/bin/env bash
# Re-run the coverage-guided fuzzers (libFuzzer through cargo-fuzz, nightly toolchain).
#
#   fuzz/run.sh                 # every target, 300 s each
#   fuzz/run.sh clock 600       # one target, 600 s
#
# Seeds: fuzz/seeds.py extracts the policies, the example month and the conformance corpus
# into fuzz/corpus/ (git-ignored); the minimised corpus earlier runs grew (fuzz/grown/<target>/,
# committed, written by fuzz/keep.sh) and the curated inputs of fuzz/regressions/<target>/ are
# read too. New coverage grows fuzz/corpus/<target>; a crash lands in fuzz/artifacts/<target>/
# — fix it in the core and copy the input to fuzz/regressions/<target>/ (the stable test
# crates/zhidu/tests/fuzz_regressions.rs runs it in CI). Logs: fuzz/logs/<target>/fuzz-0.log,
# whose last `#N DONE cov: … ft: …` line gives executions, coverage and features.
#
# One job, one worker, nice 5: the machine is shared. No sanitizer (`-s none`): the core
# forbids `unsafe`, so AddressSanitizer would only halve the speed; panics are the findings.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
targets=(loader csv_rows jsonl_rows row_schema clock assess decide kinds)
[ $# -ge 1 ] && [ -n "$1" ] && targets=("$1")
seconds="${2:-300}"

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
python3 seeds.py corpus >/dev/null
if [ ${#targets[@]} -eq 1 ]; then
  nice -n 5 cargo +nightly fuzz build -O -s none "${targets[0]}"
else
  nice -n 5 cargo +nightly fuzz build -O -s none
fi
bin="$here/target/x86_64-unknown-linux-gnu/release"
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "grown/$t" "artifacts/$t" "logs/$t" "regressions/$t"
  echo "-- $t: ${seconds}s"
  (cd "logs/$t" && nice -n 5 "$bin/$t" "$here/corpus/$t" "$here/grown/$t" "$here/regressions/$t" \
    -max_total_time="$seconds" -jobs=1 -workers=1 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$here/artifacts/$t/" -print_final_stats=1 >/dev/null 2>&1) || true
  grep -E '^#[0-9]+' "logs/$t/fuzz-0.log" | tail -1 || true
  grep -E 'stat::number_of_executed_units|panicked|ERROR' "logs/$t/fuzz-0.log" | head -3 || true
  ls "artifacts/$t" | sed 's/^/   finding: /'
done
echo "-- keep the grown corpora for the next machine: fuzz/keep.sh, then commit fuzz/grown/"
