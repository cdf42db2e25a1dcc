// The harness of the page's browser tests: a static server of bindings/wasm/ on 127.0.0.1
// and Debian's /usr/bin/chromium driven by playwright-core (never a downloaded browser), with
// every console error, page error, failed or foreign request of a page recorded.
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { chromium } from "playwright-core";
import { repoRoot, wasmDir } from "./helpers.mjs";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".png": "image/png",
};

/** Where the tests save their screenshots and PDFs (looked at by people, not compared). */
export const shots = join(repoRoot, "target", "screenshots");

/**
 * Start the server and the browser. `open(path)` gives a fresh page once the calculators are
 * ready, with `problems`: the console errors, page errors and failed or foreign requests.
 */
export async function startBrowser({ viewport = { width: 1280, height: 900 } } = {}) {
  const server = createServer((req, res) => {
    const path = normalize(join(wasmDir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!path.startsWith(wasmDir + sep) || path.includes(`${sep}node_modules${sep}`)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(path).isFile()) throw new Error("not a file");
      res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
      res.end(readFileSync(path));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), "zhidu-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    // A clerk's browser in Chinese: its date inputs are yyyy/mm/dd, so 20260930 typed is
    // 2026-09-30 (Debian's chromium-l10n; without it Chromium is en-US, mm/dd/yyyy).
    env: { ...process.env, LANG: "zh_CN.UTF-8", LANGUAGE: "zh_CN:zh" },
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--lang=zh-CN",
    ],
    viewport,
    deviceScaleFactor: 1,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  mkdirSync(shots, { recursive: true });

  /** A fresh page, its problems recorded; `ready` false for a page that is not the calculators. */
  async function open(path, { ready = true } = {}) {
    const page = await context.newPage();
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
    // The page's own blob: URLs (the report tab's downloads) are its memory, not the network.
    const own = (url) => url.startsWith(base) || url.startsWith("data:") || url.startsWith(`blob:${base}/`) || url.startsWith("file:");
    page.on("request", (r) => own(r.url()) || problems.push(`foreign request: ${r.url()}`));
    await page.goto(path.startsWith("file:") ? path : `${base}${path}`);
    if (ready) await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    return { page, problems };
  }

  async function close() {
    await context.close();
    await new Promise((ok) => server.close(ok));
    rmSync(profile, { recursive: true, force: true });
  }

  return { base, context, open, close };
}
