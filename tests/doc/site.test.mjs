// The documentation site of `zhidu doc` in headless Chromium: every page is reached from the
// index, every link and anchor resolves, no page has a script or logs an error, and a rule's
// page shows its clause text beside its values.
//
// Run by tests/suites/doc.sh, which builds the CLI and writes the sites first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve, relative } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

// playwright-core is the WASM package's dev dependency; one browser toolchain for the repo.
const require = createRequire(resolve("bindings/wasm/package.json"));
const { chromium } = require("playwright-core");

const dir = resolve(process.env.DOC_DIR ?? "target/doc-site");
const hostileDir = resolve(process.env.HOSTILE_DIR ?? "target/doc-site-hostile");

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

function htmlFiles(root) {
  const out = [];
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (p.endsWith(".html")) out.push(p);
  }
  return out;
}

/// Every page reached from index.html: its ids, links, script count and problems.
async function crawl(browser, root) {
  const page = await browser.newPage();
  const problems = [];
  let current = "";
  page.on("console", (m) => { if (m.type() === "error") problems.push(`${current}: console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`${current}: ${e}`));
  page.on("dialog", (d) => { problems.push(`${current}: dialog ${d.message()}`); d.dismiss(); });
  page.on("request", (r) => { if (!r.url().startsWith("file:")) problems.push(`${current}: network request ${r.url()}`); });
  page.on("requestfailed", (r) => problems.push(`${current}: failed ${r.url()}`));
  const start = pathToFileURL(join(root, "index.html")).href;
  const seen = new Map(); // file URL → { ids, links }
  const queue = [start];
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    current = relative(root, fileURLToPath(url));
    const res = await page.goto(url);
    assert.ok(res === null || res.ok(), `${current} did not load`);
    const info = await page.evaluate(() => ({
      ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
      links: [...document.querySelectorAll("a[href], link[href]")].map((a) => a.href),
      raw: [...document.querySelectorAll("a[href], link[href]")].map((a) => a.getAttribute("href")),
      scripts: document.querySelectorAll("script").length,
      handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
    }));
    seen.set(url, info);
    for (const link of info.links) {
      const base = link.split("#")[0];
      // A missing page is reported by checkLinks, with the page linking to it.
      if (base.endsWith(".html") && !seen.has(base) && existsSync(fileURLToPath(base))) queue.push(base);
    }
  }
  await page.close();
  return { seen, problems };
}

function checkLinks(root, seen) {
  const broken = [];
  for (const [url, info] of seen) {
    const from = relative(root, fileURLToPath(url));
    for (const raw of info.raw) {
      if (/^[a-z]+:/i.test(raw) || raw.startsWith("/")) broken.push(`${from}: not a relative link: ${raw}`);
    }
    for (const link of info.links) {
      const [base, hash] = link.split("#");
      assert.ok(base.startsWith("file:"), `${from}: ${link}`);
      const file = fileURLToPath(base);
      if (!file.startsWith(root) || !existsSync(file)) { broken.push(`${from}: 404 ${link}`); continue; }
      if (hash !== undefined) {
        const target = seen.get(base);
        const id = decodeURIComponent(hash);
        if (!target || !target.ids.includes(id)) broken.push(`${from}: dangling anchor ${link}`);
      }
    }
  }
  return broken;
}

test("the shipped policies' site: every page reached, every link and anchor resolves, no scripts, no errors", async () => {
  const browser = await launch();
  try {
    const { seen, problems } = await crawl(browser, dir);
    assert.deepEqual(problems, []);
    const files = htmlFiles(dir).map((f) => pathToFileURL(f).href).sort();
    assert.deepEqual([...seen.keys()].sort(), files, "every page is reached from the index");
    assert.ok(files.length > 300, `only ${files.length} pages`);
    assert.deepEqual(checkLinks(dir, seen), []);
    for (const [url, info] of seen) {
      assert.equal(info.scripts, 0, `${url} has a script`);
      assert.equal(info.handlers, 0, `${url} has an event handler attribute`);
    }
  } finally {
    await browser.close();
  }
});

test("a rule's page shows its clause text beside its values, defaults marked, and its links", async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const url = pathToFileURL(join(dir, "policies/s14-window-scorecard/rule/S14.att.6.html")).href;
    await page.goto(url);
    // regulations.md §3b, S14 row att.6 (seed L913): 每次视情节轻重扣10—20分, 扣除当月奖励150元.
    const text = await page.locator("section.text").innerText();
    assert.match(text, /每次视情节轻重扣10—20分,扣除当月奖励150元/);
    assert.match(text, /913/);
    const value = async (k) => (await page.locator(`tr[data-key="${k}"] td.v`).innerText()).trim();
    assert.equal(await value("range"), "[10, 20]");
    assert.equal(await value("withholding"), '"150"');
    assert.equal(await value("category"), '"att"');
    // A6 (the discretionary range) is a DEFAULT; the charge departs from A19's suggestion.
    const defaults = await page.locator("ul.defaults").innerText();
    assert.match(defaults, /DEFAULT\s*A6/);
    assert.match(defaults, /DEVIATION\s*A19/);
    // The clause links to its row on S14's page; the category and the effect are linked.
    assert.equal(await page.locator('a[href="../../../regulations/S14.html#S14.att.6"]').count(), 1);
    assert.equal(await page.locator('a[href="../../../policies/s14-window-scorecard/category/att.html"]').count(), 1);
    assert.equal(await page.locator('a[href="../../../policies/s14-window-scorecard/effect/annual_commendation_revoked.html"]').count(), 1);
    // On the regulation's page, the clause's row says where it is encoded.
    await page.goto(pathToFileURL(join(dir, "regulations/S14.html")).href + "#S14.att.6");
    const row = await page.locator("tr#S14\\.att\\.6").innerText();
    assert.match(row, /913/);
    assert.match(row, /S14\.att\.6/);
    // S2's tier 2 page lists the violations that call for it.
    await page.goto(pathToFileURL(join(dir, "policies/s2-service-center/tier/2.html")).href);
    const used = await page.locator("body").innerText();
    for (const v of ["S2.zr.t2.1", "S2.zr.t2.2", "S2.zr.t2.3", "S2.zr.t2.4", "S2.zr.t2.5"]) assert.match(used, new RegExp(v.replaceAll(".", "\\.")));
  } finally {
    await browser.close();
  }
});

test("a policy whose strings are markup reads as text: no script runs, every link still resolves", async () => {
  const browser = await launch();
  try {
    const { seen, problems } = await crawl(browser, hostileDir);
    assert.deepEqual(problems, []);
    assert.deepEqual(checkLinks(hostileDir, seen), []);
    for (const [url, info] of seen) {
      assert.equal(info.scripts, 0, `${url} has a script`);
      assert.equal(info.handlers, 0, `${url} has an event handler attribute`);
    }
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(hostileDir, "policies/hostile/index.html")).href);
    assert.match(await page.locator("h1").innerText(), /<script>alert\('name'\)<\/script>/);
  } finally {
    await browser.close();
  }
});
