// The calculator page's own first answer: how long after navigation the page in
// bindings/wasm/www shows its first due date (`body[data-ready=true]`, set once the shown
// calculator has drawn its answer), in headless Chromium, a fresh browser context per round.
//
//   node benches/wasm_page_startup.mjs [DIR] [ROUNDS]   # DIR holds www/ and pkg/web/ (default bindings/wasm)
//
// To compare two builds, give each a folder with its www/ and its pkg/web/ (copies or links).
// The time is the page's `performance.now()` when the attribute is set (navigation start is
// 0): the fetch of the module, `init()`, `PolicySet.builtin()`, the calculator's policies and
// its first `due()`, all on the main thread. Also printed: the longest task the main thread
// ran in the 3 s after (the rest of the page's set compiled after the first answer).
import { createServer } from "node:http";
import { readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { chromium } = createRequire(join(root, "bindings", "wasm", "package.json"))("playwright-core");
const dir = realpathSync(resolve(process.argv[2] ?? join(root, "bindings", "wasm")));
const rounds = Number(process.argv[3] ?? 7);

const types = { ".wasm": "application/wasm", ".js": "text/javascript; charset=utf-8", ".html": "text/html; charset=utf-8", ".css": "text/css" };
const server = createServer((req, res) => {
  const path = normalize(join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
  try {
    const real = realpathSync(path);
    if (!statSync(real).isFile()) throw new Error("no");
    const ext = path.slice(path.lastIndexOf("."));
    res.writeHead(200, { "content-type": types[ext] ?? "application/octet-stream" }).end(readFileSync(real));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/www/index.html`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ready = [];
const longest = [];
try {
  for (let i = 0; i < rounds; i++) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((l) => window.longTasks.push(...l.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: "longtask" });
      new MutationObserver(() => {
        if (document.body?.dataset.ready === "true" && window.readyAt === undefined) window.readyAt = performance.now();
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-ready"] });
    });
    const tab = await context.newPage();
    await tab.goto(url);
    await tab.waitForFunction(() => window.readyAt !== undefined, null, { timeout: 60_000 });
    await tab.waitForTimeout(3000);
    const [at, tasks] = await tab.evaluate(() => [window.readyAt, window.longTasks]);
    ready.push(at);
    longest.push(Math.max(0, ...tasks.filter(([start]) => start >= at).map(([, d]) => d)));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`page: ${dir} (Chromium ${browser.version()})`);
console.log(`first answer on screen  median ${median(ready).toFixed(0)} ms (best ${Math.min(...ready).toFixed(0)}) after navigation (${rounds} fresh contexts)`);
console.log(`longest task after it   median ${median(longest).toFixed(0)} ms (best ${Math.min(...longest).toFixed(0)})`);
