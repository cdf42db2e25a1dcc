// dueMany in Node (the WebAssembly package) against the native Rust batch on the same rows.
//
//   bash bindings/wasm/build.sh                      # the Node package in bindings/wasm/pkg/node
//   node benches/wasm_due_many.mjs [ROWS] [SEED]     # default 1,000,000 rows, seed 2026
//
// The rows are seeded random acceptances from 2024-01-01 to 2026-12-31 (RFC 3339 instants,
// UTC instants, wall times and plain dates) with 0–20 promised days, for S2 承诺件; the last
// weeks of 2026 run past the calendar and are `coverage` errors on both sides. The native
// side is `cargo run --release -p zhidu-wasm --example native_due_many` on the same rows as
// CSV: it parses them, calls `Class::due_many` and writes the dates as text, which is what
// `dueMany` does for a JavaScript caller. Both are timed as their best run over three alternating rounds. Every row's
// due date, due instant and error code must be the same on both sides.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rows = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 2026);
const POLICY = "s2-service-center";
const CLASS = "promised";

// mulberry32: small, seeded, the same rows on every run
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const pad = (n) => String(n).padStart(2, "0");
const from = Date.UTC(2024, 0, 1) / 1000;
const span = Date.UTC(2027, 0, 1) / 1000 - from;
const acceptedAt = new Array(rows);
const days = new Int32Array(rows);
for (let i = 0; i < rows; i++) {
  const t = from + Math.floor(random() * span); // seconds, read as +08:00 wall time
  const d = new Date(t * 1000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const form = random();
  if (form < 0.7) acceptedAt[i] = `${date}T${time}:${pad(d.getUTCSeconds())}+08:00`;
  else if (form < 0.85) acceptedAt[i] = date;
  else if (form < 0.95) acceptedAt[i] = `${date}T${time}`;
  else {
    const u = new Date((t - 8 * 3600) * 1000);
    acceptedAt[i] = u.toISOString().slice(0, 19) + "Z";
  }
  days[i] = Math.floor(random() * 21);
}

// ---- native: the same rows through the core in Rust ----
const dir = mkdtempSync(join(tmpdir(), "zhidu-bench-"));
const csv = join(dir, "rows.csv");
const tsv = join(dir, "native.tsv");
let text = "accepted_at,days\n";
const chunks = [];
for (let i = 0; i < rows; i++) {
  chunks.push(`${acceptedAt[i]},${days[i]}`);
  if (chunks.length === 100_000) {
    text += chunks.join("\n") + "\n";
    chunks.length = 0;
  }
}
if (chunks.length) text += chunks.join("\n") + "\n";
writeFileSync(csv, text);
const env = { ...process.env, CARGO_TARGET_DIR: process.env.CARGO_TARGET_DIR ?? join(root, "target", "wasm") };
const cargo = ["run", "--release", "-q", "-p", "zhidu-wasm", "--example", "native_due_many", "--", csv, tsv, POLICY, CLASS];
const runNative = () => JSON.parse(execFileSync("cargo", cargo, { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim());

// ---- WebAssembly: dueMany in this process ----
const require = createRequire(import.meta.url);
const { PolicySet } = require(join(root, "bindings", "wasm", "pkg", "node"));
const policy = PolicySet.builtin().policy(POLICY);
let out = policy.dueMany({ class: CLASS, acceptedAt, days }); // warms the JIT up
const runWasm = () => {
  const t0 = process.hrtime.bigint();
  out = policy.dueMany({ class: CLASS, acceptedAt, days });
  return Number(process.hrtime.bigint() - t0) / rows;
};

// Rounds alternate the two sides, so both meet the same load on a shared machine; each side's
// best time counts (the native side is itself the best of five runs).
let native = null;
let wasmNs = Infinity;
for (let round = 0; round < 3; round++) {
  const n = runNative();
  if (!native || n.total_ns_per_row < native.total_ns_per_row) native = n;
  for (let run = 0; run < 3; run++) wasmNs = Math.min(wasmNs, runWasm());
}

// ---- the same answers, row by row ----
const codes = new Array(rows).fill("");
for (const e of out.errors) codes[e.index] = e.code;
const lines = readFileSync(tsv, "utf8").split("\n");
let differ = 0;
let firstDiff = null;
for (let i = 0; i < rows; i++) {
  const mine = `${out.due_date[i] ?? ""}\t${out.due_at[i] ?? ""}\t${codes[i]}`;
  if (mine !== lines[i]) {
    differ++;
    firstDiff ??= { row: i, accepted_at: acceptedAt[i], days: days[i], wasm: mine, native: lines[i] };
  }
}
rmSync(dir, { recursive: true, force: true });

const perSecond = (ns) => Math.round(1e9 / ns).toLocaleString("en-US");
const summary = {
  rows,
  seed,
  errors: out.errors.length,
  identical: differ === 0,
  wasm_ns_per_row: Number(wasmNs.toFixed(1)),
  native_ns_per_row: native.total_ns_per_row,
  native_due_many_ns_per_row: native.due_many_ns_per_row,
  ratio: Number((wasmNs / native.total_ns_per_row).toFixed(2)),
};
console.log(`rows                ${rows.toLocaleString("en-US")} (seed ${seed}; ${out.errors.length} coverage errors past 2026 on both sides)`);
console.log(`native Rust         ${perSecond(native.total_ns_per_row)} rows/s  (${native.total_ns_per_row} ns/row: parse ${native.parse_ns_per_row}, Class::due_many ${native.due_many_ns_per_row}, format ${native.format_ns_per_row})`);
console.log(`WASM dueMany (Node) ${perSecond(wasmNs)} rows/s  (${wasmNs.toFixed(1)} ns/row)`);
console.log(`ratio               ${summary.ratio}x native (target: within 2x)`);
console.log(`answers             ${differ === 0 ? "identical on every row" : `${differ} rows differ, first: ${JSON.stringify(firstDiff)}`}`);
console.log(JSON.stringify(summary));
if (differ !== 0) process.exit(1);
