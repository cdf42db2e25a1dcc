#!/usr/bin/env bash
# WASM suite: installs what it needs on a fresh machine, builds the package (build.sh) and runs
#   - the conformance corpus tests/cases/** through the Node package (node --test),
#   - malformed inputs from JavaScript (never a trap), hostile values to every export of the
#     npm package (a ZhiduError with a catalogue key, never Rust wording), the declared shapes
#     against real results,
#   - the npm package as a developer meets it (tests/package.test.mjs): npm pack, installed in
#     a fresh project, Node (require and import), tsc with default settings and lib ES2022 +
#     DOM, the web build before and after init(), every README's JS examples, a Vite build
#     loaded in Chromium,
#   - tsc --noEmit over a typed use of every export (tests/usage.ts),
#   - the calculator page in headless Chromium (Playwright) with a Chinese UI: typed with the
#     keyboard, at 375 and 1280 px, printed to one A4 page, opened as a file (tests/clerk.test.mjs),
#     with screenshots and the PDF in target/screenshots/,
#   - 20,000 seeded random rows through dueMany and the native Rust batch: identical answers.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

command -v cargo >/dev/null || { echo "cargo is required (rustup)"; exit 2; }
command -v node >/dev/null || { echo "node is required"; exit 2; }

echo "-- tools"
rustup target add wasm32-unknown-unknown >/dev/null
pinned="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$pinned" ]; then
  cargo install wasm-bindgen-cli --version "$pinned"
fi
# Debian's Chromium for the browser test, and a Chinese font so the screenshot is readable.
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# Chromium's Chinese UI, so the date inputs of the browser tests read yyyy/mm/dd as a clerk's do.
[ -f /usr/lib/chromium/locales/zh-CN.pak ] || need+=(chromium-l10n)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
npm ci --no-audit --no-fund --loglevel=error
wasm-bindgen --version
/usr/bin/chromium --version
node --version

echo "-- build"
bash build.sh

echo "-- tsc --noEmit (tests/usage.ts against the npm package's declarations)"
node_modules/.bin/tsc --noEmit -p tsconfig.json

echo "-- node --test (corpus, malformed inputs, shapes, browser)"
node --test --test-concurrency=1 tests/*.test.mjs

echo "-- the same answers as native Rust on 20,000 seeded random rows (benches/wasm_due_many.mjs;"
echo "   the speed is measured with the default million rows, not here)"
node ../../benches/wasm_due_many.mjs 20000
