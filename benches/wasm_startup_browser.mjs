// The browser mode of benches/wasm_startup.mjs: `PolicySet.builtin()` on a page's main thread
// in headless Chromium, a fresh browser context (so no cached module code) per round.
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// playwright-core is a devDependency of the npm package, not of the repository root.
const { chromium } = createRequire(join(root, "bindings", "wasm", "package.json"))("playwright-core");

const page = `<!doctype html><meta charset="utf-8"><script type="module">
  import init, { PolicySet } from "./zhidu_wasm.js";
  const t0 = performance.now();
  await init();
  const t1 = performance.now();
  const ps = PolicySet.builtin();
  const t2 = performance.now();
  ps.policy("s2-service-center").due({ class: "promised", acceptedAt: "2026-09-30T10:00", days: 5 });
  const t3 = performance.now();
  ps.policies();
  const t4 = performance.now();
  window.timings = [t1 - t0, t2 - t1, t3 - t2, t3 - t1, t4 - t3];
</script>`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Print the median and best of `rounds` fresh contexts loading the web build in `dir`. */
export async function browserStartup(dir, rounds) {
  const server = createServer((req, res) => {
    const name = new URL(req.url, "http://x").pathname;
    if (name === "/" || name === "/index.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
      return;
    }
    const path = normalize(join(dir, decodeURIComponent(name)));
    const type = path.endsWith(".wasm") ? "application/wasm" : "text/javascript; charset=utf-8";
    try {
      if (!path.startsWith(dir + sep) || !statSync(path).isFile()) throw new Error("no");
      res.writeHead(200, { "content-type": type }).end(readFileSync(path));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", ...(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : [])],
  });
  const runs = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(url);
      await tab.waitForFunction(() => window.timings, null, { timeout: 60_000 });
      runs.push(await tab.evaluate(() => window.timings));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`package: ${dir} (${browser.version ? "Chromium " + browser.version() : "Chromium"})`);
  // "first answer": builtin() + policy() + due(); "every other policy": then `policies()`.
  for (const [i, what] of ["fetch + init()", "PolicySet.builtin()", "first due()", "first answer", "every other policy"].entries()) {
    const wall = runs.map((r) => r[i]);
    console.log(
      `${what.padEnd(22)} main thread median ${median(wall).toFixed(1)} ms (best ${Math.min(...wall).toFixed(1)}) (${rounds} fresh contexts)`,
    );
  }
}
