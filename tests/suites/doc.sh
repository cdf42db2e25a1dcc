#!/usr/bin/env bash
# `zhidu doc`: the shipped policies' documentation site, and one of a policy whose strings are
# markup, walked in headless Chromium (tests/doc/site.test.mjs).
# Needs node, Debian's chromium and bindings/wasm's node packages (playwright-core).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
[ -d bindings/wasm/node_modules/playwright-core ] || (cd bindings/wasm && npm ci --no-audit --no-fund)

cargo build -q -p zhidu-cli
rm -rf target/doc-site target/doc-site-hostile
target/debug/zhidu doc --out target/doc-site
target/debug/zhidu --policies tests/doc/hostile.toml doc --out target/doc-site-hostile
DOC_DIR=target/doc-site HOSTILE_DIR=target/doc-site-hostile node --test tests/doc/
