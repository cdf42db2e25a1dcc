// The what-if page (`zhidu diff --format html`) in headless Chromium: it renders without
// errors or network requests, shows the totals before the detail, and its numbers are those
// of the JSON diff of the same run (issue #17 point 4).
//
// Run by tests/suites/report.sh, which writes both (S2 against a copy with S2.assess.ji.1
// raised to 15 points and complaint_complex shortened to 5 days).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(resolve("bindings/wasm/package.json"));
const { chromium } = require("playwright-core");

const dir = process.env.REPORT_DIR ?? "target/report";
const json = JSON.parse(readFileSync(join(dir, "what-if.json"), "utf8"));

test("the what-if page renders the JSON diff's totals, then its rows", async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("request", (r) => { if (!r.url().startsWith("file:")) problems.push(`network request: ${r.url()}`); });
    await page.goto(pathToFileURL(resolve(dir, "what-if.html")).href);
    assert.deepEqual(problems, []);
    const totals = await page.locator("#totals td").allInnerTexts();
    const t = json.totals;
    assert.deepEqual(totals.map(Number), [t.cases, t.people, t.window_cards, t.ranks, t.decisions, t.skipped]);
    assert.ok(t.cases > 0 && t.people > 0);
    // Totals first, then the detail sections in order.
    const order = await page.evaluate(() => [...document.querySelectorAll("#totals, h2")].map((e) => e.id));
    assert.deepEqual(order, ["totals", "cases", "scorecards", "ranks"]);
    const body = await page.locator("body").innerText();
    for (const c of json.cases) assert.ok(body.includes(c.id), c.id);
    assert.ok(body.includes(json.after.hash) && body.includes(json.before.hash));
  } finally {
    await browser.close();
  }
});
