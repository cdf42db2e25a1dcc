#!/usr/bin/env bash
# Builds the `zhidu` npm package from the zhidu-wasm crate:
#
#   one `cargo build` for wasm32-unknown-unknown (profile `wasm-release` of the root Cargo.toml),
#   then the pinned `wasm-bindgen` CLI twice:
#     pkg/node/  --target nodejs   CommonJS:  require("./pkg/node")
#     pkg/web/   --target web      ES module: import init, { PolicySet } from "./pkg/web/zhidu_wasm.js"
#   then `wasm-opt -Oz` on each module (binaryen from npm, see below; `ZHIDU_WASM_OPT=0` skips
#   it for a quick development build), then assembles the npm package:
#     pkg/zhidu/ one package, `zhidu`, with both builds behind its `exports` conditions (node:
#                node.cjs / node.mjs; browser and bundlers: web.js), one .wasm, the
#                declarations, README and the root's licence files (js/ holds the hand-written files)
#   and prints the raw and gzip sizes.
#
# Needs: rustup target wasm32-unknown-unknown and wasm-bindgen-cli of the version pinned in
# Cargo.toml (test.sh installs both).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/wasm}"

pinned="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$here/Cargo.toml")"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
if [ "$have" != "$pinned" ]; then
  echo "wasm-bindgen CLI $pinned is needed (found: ${have:-none}):" >&2
  echo "  cargo install wasm-bindgen-cli --version $pinned" >&2
  exit 2
fi

start=$(date +%s)
# Less inlining than opt-level 3's default (LLVM's threshold 75, opt-level "s"'s, instead of
# 250), and below, wasm-opt no longer merges every function with one caller into it: V8 runs a
# page's first calls in its baseline compiler and recompiles each function that gets hot whole
# with its optimising one, and `PolicySet.builtin()` (the loader, run once) was one 234 KB
# function of that kind; 410 KB of code were recompiled for a first `builtin()`, 246 KB now,
# and the page's main thread waits about half as long (benches/RESULTS.md, issue #14 point 16).
# opt-level "s" itself would cut more but costs `dueMany` a third of its speed; this does not.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:--C llvm-args=-inline-threshold=75}"
cargo build -p zhidu-wasm --lib --target wasm32-unknown-unknown --profile wasm-release
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/zhidu_wasm.wasm"

version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
rm -rf "$here/pkg/node" "$here/pkg/web"
wasm-bindgen --target nodejs --out-dir "$here/pkg/node" "$wasm"
wasm-bindgen --target web --out-dir "$here/pkg/web" "$wasm"

# Each output is a package of its own, so `require("./pkg/node")` and bundlers find it.
cat > "$here/pkg/node/package.json" <<EOF
{
  "name": "zhidu",
  "version": "$version",
  "description": "Regulations of Chinese administrative service centres as code (Node build)",
  "license": "MIT OR Apache-2.0",
  "type": "commonjs",
  "main": "zhidu_wasm.js",
  "types": "zhidu_wasm.d.ts"
}
EOF
cat > "$here/pkg/web/package.json" <<EOF
{
  "name": "zhidu",
  "version": "$version",
  "description": "Regulations of Chinese administrative service centres as code (browser build)",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "module": "zhidu_wasm.js",
  "main": "zhidu_wasm.js",
  "types": "zhidu_wasm.d.ts",
  "sideEffects": false
}
EOF

# wasm-opt: binaryen from npm (a devDependency, so its version is pinned in package-lock.json),
# else one on PATH. Debian bookworm's wasm-opt 108 rewrites wasm-bindgen's externref table as a
# funcref table, so the result is loaded once and dropped (with a warning) if it does not work.
if [ -x "$here/node_modules/.bin/wasm-opt" ]; then
  wasm_opt="$here/node_modules/.bin/wasm-opt"
else
  wasm_opt="$(command -v wasm-opt || true)"
fi
if [ "${ZHIDU_WASM_OPT:-1}" = 0 ]; then
  wasm_opt=""
fi
if [ -n "$wasm_opt" ]; then
  # Only the features rustc enables by default for wasm32-unknown-unknown (never stringref &c.).
  features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
            --enable-mutable-globals --enable-reference-types --enable-multivalue)
  # Both targets get the same module (they differ only in the JavaScript glue): optimise it
  # once, check it is still that module for both, and copy it.
  for dir in node web; do cp "$here/pkg/$dir/zhidu_wasm_bg.wasm" "$here/pkg/$dir/zhidu_wasm_bg.wasm.orig"; done
  cmp -s "$here/pkg/node/zhidu_wasm_bg.wasm" "$here/pkg/web/zhidu_wasm_bg.wasm" || { echo "the node and web modules differ" >&2; exit 1; }
  # -ocimfs 400: a function with one caller is inlined only when small (see the rustflags).
  "$wasm_opt" -Oz "${features[@]}" --one-caller-inline-max-function-size 400 --strip-debug --strip-producers \
    "$here/pkg/node/zhidu_wasm_bg.wasm.orig" -o "$here/pkg/node/zhidu_wasm_bg.wasm"
  cp "$here/pkg/node/zhidu_wasm_bg.wasm" "$here/pkg/web/zhidu_wasm_bg.wasm"
  if node -e 'require(process.argv[1]).PolicySet.builtin().policy("s2-service-center")' "$here/pkg/node"; then
    opt="$("$wasm_opt" --version)"
    rm -f "$here"/pkg/*/zhidu_wasm_bg.wasm.orig
  else
    echo "warning: $wasm_opt broke the module; keeping it unoptimised" >&2
    for dir in node web; do mv "$here/pkg/$dir/zhidu_wasm_bg.wasm.orig" "$here/pkg/$dir/zhidu_wasm_bg.wasm"; done
    opt="wasm-opt output dropped"
  fi
else
  opt="no wasm-opt"
fi

# The npm package. Both glues load the same module file (`zhidu_wasm_bg.wasm` beside them);
# the Node glue is CommonJS, renamed .cjs since the package is "type": "module".
pkg="$here/pkg/zhidu"
rm -rf "$pkg"
mkdir -p "$pkg"
cmp -s "$here/pkg/node/zhidu_wasm_bg.wasm" "$here/pkg/web/zhidu_wasm_bg.wasm" || { echo "the node and web modules differ" >&2; exit 1; }
cp "$here/pkg/web/zhidu_wasm_bg.wasm" "$here/pkg/web/zhidu_wasm.js" "$pkg/"
cp "$here/pkg/node/zhidu_wasm.js" "$pkg/zhidu_wasm_node.cjs"
cp "$here"/js/{web.js,node.cjs,node.mjs,error.js,README.md} "$pkg/"
# The project's one licence (MIT OR Apache-2.0, Cargo.toml's `license`), kept at the root.
cp "$root"/LICENSE-MIT "$root"/LICENSE-APACHE "$pkg/"
# error.cjs: error.js as CommonJS (its exports are declarations, so this is exact).
{
  sed 's/^export //' "$here/js/error.js"
  echo 'module.exports = { ZhiduError, TEMPLATES, entryError, guard, guardFunction };'
} > "$pkg/error.cjs"
# The declarations: the web glue's (with init and initSync, which the Node entry has too),
# without `[Symbol.dispose]`, which needs TypeScript's `esnext.disposable` lib (the method is
# still there at run time: `using` works where the lib has it).
grep -v '^\s*\[Symbol\.dispose\](): void;$' "$here/pkg/web/zhidu_wasm.d.ts" > "$pkg/zhidu.d.ts"
cp "$pkg/zhidu.d.ts" "$pkg/zhidu.d.cts"
repository="$(sed -n 's/^repository = "\(.*\)"/\1/p' Cargo.toml | head -1)"
cat > "$pkg/package.json" <<EOF
{
  "name": "zhidu",
  "version": "$version",
  "description": "Regulations of Chinese administrative service centres as code: working-day deadlines, scorecards, accountability, monthly reports (WebAssembly, for Node and browsers)",
  "license": "MIT OR Apache-2.0",
  "repository": "$repository",
  "type": "module",
  "main": "./node.cjs",
  "module": "./web.js",
  "types": "./zhidu.d.ts",
  "exports": {
    ".": {
      "node": {
        "import": { "types": "./zhidu.d.ts", "default": "./node.mjs" },
        "require": { "types": "./zhidu.d.cts", "default": "./node.cjs" }
      },
      "browser": { "types": "./zhidu.d.ts", "default": "./web.js" },
      "import": { "types": "./zhidu.d.ts", "default": "./web.js" },
      "default": { "types": "./zhidu.d.ts", "default": "./web.js" }
    },
    "./zhidu_wasm_bg.wasm": "./zhidu_wasm_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": ["*.js", "*.cjs", "*.mjs", "*.d.ts", "*.d.cts", "zhidu_wasm_bg.wasm", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  "sideEffects": ["./web.js", "./node.cjs", "./node.mjs"],
  "engines": { "node": ">=18" }
}
EOF

size() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
web="$here/pkg/web/zhidu_wasm_bg.wasm"
printf 'built in %ss; %s\n' "$(($(date +%s) - start))" "$opt"
printf 'cargo output  %9s bytes raw\n' "$(size "$wasm")"
printf 'zhidu_wasm_bg.wasm %9s bytes raw, %s bytes gzip -9\n' "$(size "$web")" "$(gz "$web")"
printf 'zhidu_wasm.js (web)  %7s bytes raw, %s bytes gzip -9\n' "$(size "$here/pkg/web/zhidu_wasm.js")" "$(gz "$here/pkg/web/zhidu_wasm.js")"
