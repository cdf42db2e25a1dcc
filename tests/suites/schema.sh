#!/usr/bin/env bash
# Schema suite (issue #17): the shipped policies, calendars, notices, example inputs and the
# corpus's files validate against the shipped JSON Schemas (Python `jsonschema`), mutated
# policies are judged alike by schema and loader, and taplo — the editors' checker — accepts
# the shipped files by their `#:schema` directives and flags a mistyped key.
#
#   bash tests/suites/schema.sh
#
# Installs its own tools under target/ (a venv with jsonschema; @taplo/cli from npm, skipped
# with a note when npm is absent). About 1 minute after the debug build.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"

cargo build --quiet -p zhidu-cli
zhidu="$root/target/debug/zhidu"

echo "-- the shipped schemas are the command's output"
tmp="$root/target/tmp/schema-suite"
rm -rf "$tmp" && mkdir -p "$tmp"
"$zhidu" schema --out "$tmp/schema" >/dev/null
diff -r "$tmp/schema" policies/schema \
  || { echo "policies/schema is stale: run \`cargo run -p zhidu-cli -- schema --out policies/schema\`"; exit 1; }

echo "-- validate with jsonschema"
venv="$root/target/schema-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet "jsonschema>=4.18,<5"
"$venv/bin/python" tests/schema/validate.py "$zhidu"

echo "-- taplo check (the editors' schema checker)"
if command -v npm >/dev/null; then
  tools="$root/target/schema-tools"
  [ -x "$tools/node_modules/.bin/taplo" ] \
    || npm install --prefix "$tools" --no-audit --no-fund --silent @taplo/cli@0.7.0
  taplo="$tools/node_modules/.bin/taplo"
  files=(policies/*.toml policies/calendars/*.toml tests/notices/*.toml)
  RUST_LOG=warn "$taplo" check "${files[@]}"
  echo "taplo: ${#files[@]} shipped files valid"
  # A mistyped key must be flagged the way an editor shows it.
  sed -e "1s|.*|#:schema $root/policies/schema/policy.json|" -e 's/^unit = "minutes"/untis = "minutes"/' \
    policies/s2-service-center.toml > "$tmp/mistyped.toml"
  if RUST_LOG=warn "$taplo" check "$tmp/mistyped.toml" > "$tmp/taplo.out" 2>&1; then
    echo "taplo accepted a mistyped key"; exit 1
  fi
  grep -q "'untis' was unexpected" "$tmp/taplo.out" \
    || { cat "$tmp/taplo.out"; echo "taplo did not name the mistyped key"; exit 1; }
  echo "taplo: a mistyped key is flagged"
else
  echo "npm not found: taplo check skipped"
fi
rm -rf "$tmp"
