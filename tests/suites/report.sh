#!/usr/bin/env bash
# The monthly report end to end: the README's main job on the example month, written as JSON
# and HTML, then the HTML opened in headless Chromium (tests/report/report.test.mjs).
# Needs node, Debian's chromium and bindings/wasm's node packages (playwright-core).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# Chinese glyphs for the screenshot (the test does not depend on them).
if ! fc-list 2>/dev/null | grep -qi -e wqy -e "noto sans cjk"; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei >/dev/null 2>&1 || true
fi
[ -d bindings/wasm/node_modules/playwright-core ] || (cd bindings/wasm && npm ci --no-audit --no-fund)

cargo build -q -p zhidu-cli
out=target/report
mkdir -p "$out"
args=(report --policy s2-service-center --period 2026-10
  --cases examples/2026-10/cases.jsonl --incidents examples/2026-10/incidents.csv
  --violations examples/2026-10/violations.csv --roster examples/2026-10/roster.csv)
# The README's main job: the example month is clean, so the report exits 0.
target/debug/zhidu "${args[@]}" --format json --out "$out/report.json"
target/debug/zhidu "${args[@]}" --format html --out "$out/report.html"
# What-if (issue #17): the same month under S2 and a copy with one deduction raised and one
# class limit shortened, as JSON and as its HTML page.
mkdir -p "$out/next"
sed -e '/^code = "S2.assess.ji.1"$/,/^points = /s/^points = 10$/points = 15/' \
  -e '/^id = "complaint_complex"$/,/^limit = /s/^limit = 7$/limit = 5/' \
  policies/s2-service-center.toml > "$out/next/s2-service-center.toml"
for f in json html; do
  target/debug/zhidu diff --before builtin --after "$out/next" --period 2026-10 \
    --cases examples/2026-10/cases.jsonl --incidents examples/2026-10/incidents.csv \
    --violations examples/2026-10/violations.csv --roster examples/2026-10/roster.csv \
    --format "$f" --out "$out/what-if.$f"
done
REPORT_DIR="$out" node --test tests/report/
