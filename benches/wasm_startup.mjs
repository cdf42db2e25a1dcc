// What a page pays before its first answer, and what a batch of failing rows costs, in Node
// (the same V8 as Chromium) with the WebAssembly package.
//
//   bash bindings/wasm/build.sh
//   node benches/wasm_startup.mjs [PKG_DIR] [ROUNDS]    # default bindings/wasm/pkg/node, 7 rounds
//   node benches/wasm_startup.mjs --browser [WEB_DIR] [ROUNDS]   # default bindings/wasm/pkg/web
//
// Startup: each round is a fresh `node` process that loads the module (`require`), calls
// `PolicySet.builtin()` (the shipped policies compiled: the cost on a browser's main thread),
// then `policy("s2-service-center").due(…)`; the median and the best round are printed.
// Failing rows: `dueMany` over N rows that are all bad, N = 10,000, 100,000 and 1,000,000,
// each in a fresh process with a 120 s limit, with the time and the growth of the process's
// resident memory (the WebAssembly memory never shrinks). Two kinds: `not a date` (refused
// while reading the column) and `2101-01-04` (read, then refused by the calendar: coverage).
// PKG_DIR may be any build of the package (a copy of an older pkg/node) to compare with.
//
// `--browser`: the number a clerk's page pays. Debian's headless Chromium (playwright-core from
// bindings/wasm/node_modules: run `npm ci` there first) opens a page in a fresh browser context
// each round (no code cache, no HTTP cache), which fetches and instantiates the web build
// (`await init()`), then times `PolicySet.builtin()` and the first `due()` on the page's main
// thread (`performance.now()`, wall clock: what blocks the page).
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (process.argv[2] === "--browser") {
  const { browserStartup } = await import("./wasm_startup_browser.mjs");
  await browserStartup(
    resolve(process.argv[3] ?? join(root, "bindings", "wasm", "pkg", "web")),
    Number(process.argv[4] ?? 7),
  );
  process.exit(0);
}
const pkg = resolve(process.argv[2] ?? join(root, "bindings", "wasm", "pkg", "node"));
const rounds = Number(process.argv[3] ?? 7);

// Wall clock and CPU time (user + system, all of the process's threads: V8 compiles the
// module's functions lazily on first call, and tiers them up on background threads) of each
// step; on a shared machine the CPU time is the steadier of the two.
const startup = `
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const t0 = performance.now(), c0 = cpu();
  const z = require(${JSON.stringify(pkg)});
  const t1 = performance.now(), c1 = cpu();
  const ps = z.PolicySet.builtin();
  const t2 = performance.now(), c2 = cpu();
  ps.policy("s2-service-center").due({ class: "promised", acceptedAt: "2026-09-30T10:00", days: 5 });
  const t3 = performance.now(), c3 = cpu();
  ps.policies();
  const t4 = performance.now(), c4 = cpu();
  console.log(JSON.stringify([[t1 - t0, c1 - c0], [t2 - t1, c2 - c1], [t3 - t2, c3 - c2], [t3 - t1, c3 - c1], [t4 - t3, c4 - c3]]));`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = [];
for (let i = 0; i < rounds; i++) runs.push(JSON.parse(execFileSync("node", ["-e", startup], { encoding: "utf8" })));
console.log(`package: ${pkg}`);
// "first answer": builtin() + policy() + due(), per round; "every other policy": then
// `policies()`, which compiles the rest of the set (the builtin set compiles each policy on
// first use).
for (const [i, what] of ["load the module", "PolicySet.builtin()", "first due()", "first answer", "every other policy"].entries()) {
  const wall = runs.map((r) => r[i][0]);
  const cpu = runs.map((r) => r[i][1]);
  console.log(
    `${what.padEnd(22)} wall median ${median(wall).toFixed(1)} ms (best ${Math.min(...wall).toFixed(1)}), ` +
      `CPU median ${median(cpu).toFixed(1)} ms (best ${Math.min(...cpu).toFixed(1)}) (${rounds} fresh processes)`,
  );
}

// `ROWS=0` skips the batches (startup only).
const sizes = process.env.ROWS === "0" ? [] : [10_000, 100_000, 1_000_000];
for (const [cell, kind] of [["not a date", "unreadable"], ["2101-01-04", "coverage"]])
for (const n of sizes) {
  const failing = `
    const z = require(${JSON.stringify(pkg)});
    const p = z.PolicySet.builtin().policy("s2-service-center");
    const col = new Array(${n}).fill(${JSON.stringify(cell)});
    const days = new Int32Array(${n}).fill(5);
    const rss = process.memoryUsage().rss;
    const t = performance.now();
    const out = p.dueMany({ class: "promised", acceptedAt: col, days });
    const ms = performance.now() - t;
    console.log(JSON.stringify([ms, (process.memoryUsage().rss - rss) / 1e6, out.errors.length, out.error_count ?? out.errors.length]));`;
  try {
    const [ms, mb, listed, count] = JSON.parse(execFileSync("node", ["-e", failing], { encoding: "utf8", timeout: 120_000 }));
    console.log(`dueMany, ${String(n).padStart(9)} ${kind} rows: ${ms.toFixed(0)} ms, +${mb.toFixed(0)} MB resident, ${listed} errors listed of ${count}`);
  } catch (e) {
    console.log(`dueMany, ${String(n).padStart(9)} ${kind} rows: did not finish in 120 s (${e.signal ?? e.message.split("\n")[0]})`);
  }
}
