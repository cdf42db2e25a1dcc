#!/usr/bin/env bash
# Keep what the fuzzers grew: minimise fuzz/corpus/<target> together with the committed
# fuzz/grown/<target> into a new fuzz/grown/<target> (libFuzzer's set-cover merge with hit
# counts off: the fewest inputs that keep every edge), so the next machine resumes where this
# one stopped.
#
#   fuzz/keep.sh                # every target that has a corpus/ here
#   fuzz/keep.sh loader         # one target
#
# Why: corpus/ is git-ignored and lives on one machine. Twice a fresh machine lost hours of
# loader and assess runs (39 MB and 308 MB of raw corpus) and restarted from seeds.py. The
# minimised set is a few megabytes and goes in the repository; fuzz/run.sh reads it.
# Run after fuzz/run.sh (it needs the built targets); commit fuzz/grown/ with the run's row in
# fuzz/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
bin="$here/target/x86_64-unknown-linux-gnu/release"
targets=(loader csv_rows jsonl_rows row_schema clock assess decide kinds)
[ $# -ge 1 ] && [ -n "$1" ] && targets=("$1")
for t in "${targets[@]}"; do
  [ -d "corpus/$t" ] || continue
  [ -x "$bin/$t" ] || { echo "-- $t: not built (run fuzz/run.sh $t first)"; continue; }
  mkdir -p "grown/$t" "logs/$t"
  work="$(mktemp -d "$here/target/keep-$t.XXXX")"
  # A snapshot: a fuzzer still running deletes inputs it has reduced, which stops a merge.
  cp -r "corpus/$t" "$work/snapshot" 2>/dev/null || true
  # The seeds and regressions are the merge's starting corpus and are removed from its output
  # afterwards: they are in the repository already (seeds.py, regressions/), so grown/ holds
  # only what adds coverage beyond them, and no copies of the shipped policies.
  python3 seeds.py "$work/seeds" >/dev/null
  mkdir -p "$work/new" "$work/seeds/$t"
  cp "$work/seeds/$t/"* "regressions/$t/"* "$work/new/" 2>/dev/null || true
  (cd "$work/new" && ls) >"$work/start"
  before="$(find "grown/$t" -type f | wc -l)"
  if ! nice -n 5 "$bin/$t" -set_cover_merge=1 -use_counters=0 -timeout=10 -rss_limit_mb=2048 \
    "$work/new" "grown/$t" "$work/snapshot" >"logs/$t/keep.log" 2>&1; then
    echo "-- $t: the merge failed, grown/$t unchanged (logs/$t/keep.log)"
    rm -rf "$work"
    continue
  fi
  (cd "$work/new" && xargs -r rm -f <"$work/start")
  rm -rf "grown/$t" && mv "$work/new" "grown/$t" && rm -rf "$work"
  echo "-- $t: grown $before -> $(find "grown/$t" -type f | wc -l) inputs, $(du -sh "grown/$t" | cut -f1);" \
    "$(grep -aE 'MERGE-OUTER: [0-9]+ new files' "logs/$t/keep.log" | tail -1)"
done
