// The Node side of benches/peers/run.sh: zhidu's WebAssembly `dueMany` and the npm package
// `chinese-days` on the rows that benches/peers/peers.py wrote.
//
//   node benches/peers/peers_node.mjs DIR SAMPLE REPEAT
//
// DIR holds starts.i32 and days.i32 (days since 1970-01-01 and promised working days,
// little-endian int32) and dates.txt (the same starts as YYYY-MM-DD). Writes the due dates as
// days since 1970-01-01 (int32, INT32_MIN for no answer) to wasm_due.i32 (every row) and
// chinese_days_due.i32 (the first SAMPLE rows), and prints one JSON object with ns per row:
// `*_ns` of CPU time of the process (process.cpuUsage: Node's own helper threads included, so
// if anything it counts against Node), `*_wall_ns` by the wall clock; each the best of REPEAT
// runs after one that warms the JIT up.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const [dir, sampleArg, repeatArg] = process.argv.slice(2);
const repeat = Number(repeatArg ?? 5);
const require = createRequire(import.meta.url);

const i32 = (name) => {
  const b = readFileSync(join(dir, name));
  return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
};
const days = Int32Array.from(i32("days.i32"));
const dates = readFileSync(join(dir, "dates.txt"), "utf8").trimEnd().split("\n");
const n = dates.length;
const sample = Math.min(n, Number(sampleArg ?? 20000));
const DAY = 86_400_000;
const epochDay = (s) => (s == null ? -2147483648 : Date.parse(`${s}T00:00:00Z`) / DAY);

function best(fn) {
  let cpu = Infinity;
  let wall = Infinity;
  let out;
  for (let run = 0; run <= repeat; run++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    out = fn();
    const took = Number(process.hrtime.bigint() - t0);
    const c = process.cpuUsage(c0);
    if (run > 0) {
      // the first run warms the JIT up
      wall = Math.min(wall, took);
      cpu = Math.min(cpu, (c.user + c.system) * 1000);
    }
  }
  return [cpu, wall, out];
}

const result = { node: process.version };

// ---- zhidu: the WebAssembly package, one batch call ----
const { PolicySet } = require(join(root, "bindings", "wasm", "pkg", "node"));
const policy = PolicySet.builtin().policy("s2-service-center");
const [wasmNs, wasmWall, out] = best(() => policy.dueMany({ class: "promised", acceptedAt: dates, days }));
result.wasm_due_many_ns = wasmNs / n;
result.wasm_due_many_wall_ns = wasmWall / n;
result.wasm_errors = out.errors.length;
writeFileSync(join(dir, "wasm_due.i32"), Int32Array.from(out.due_date, epochDay));

// ---- chinese-days: findWorkday(n, date), one row at a time ----
const cd = require(join(here, "node", "node_modules", "chinese-days"));
result.chinese_days_version = require(join(here, "node", "node_modules", "chinese-days", "package.json")).version;
const [cdNs, cdWall, cdOut] = best(() => {
  const o = new Array(sample);
  for (let i = 0; i < sample; i++) {
    // findWorkday(k, d): the k-th working day after d (k ≥ 1), the start day not counted.
    try {
      o[i] = cd.findWorkday(days[i], dates[i]);
    } catch {
      o[i] = null;
    }
  }
  return o;
});
result.chinese_days_ns = cdNs / sample;
result.chinese_days_wall_ns = cdWall / sample;
result.chinese_days_rows = sample;
writeFileSync(join(dir, "chinese_days_due.i32"), Int32Array.from(cdOut, epochDay));
console.log(JSON.stringify(result));
