// The monthly HTML report in headless Chromium: it renders without errors, its charts are
// there, and its numbers are those of the JSON report of the same run.
//
// Run by tests/suites/report.sh, which builds the CLI and writes both reports first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
// Playwright gives the browser a fresh profile of its own (no --user-data-dir needed).
import { readFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

// playwright-core is the WASM package's dev dependency; one browser toolchain for the repo.
const require = createRequire(resolve("bindings/wasm/package.json"));
const { chromium } = require("playwright-core");

const dir = process.env.REPORT_DIR ?? "target/report";
const json = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));

test("the HTML report renders its charts and the JSON report's numbers", async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const problems = [];
    page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("request", (r) => { if (!r.url().startsWith("file:")) problems.push(`network request: ${r.url()}`); });
    await page.goto(pathToFileURL(resolve(dir, "report.html")).href);
    assert.deepEqual(problems, []);

    assert.match(await page.locator("h1").innerText(), new RegExp(json.period));
    const kpis = await page.locator(".kpi b").allInnerTexts();
    assert.equal(Number(kpis[0]), json.cases_total);
    assert.equal(Number(kpis[1]), json.by_status.done_on_time ?? 0);
    assert.equal(Number(kpis[2]), json.by_status.done_late ?? 0);
    assert.equal(Number(kpis[3]), json.by_status.red ?? 0);

    // Five charts: overdue by window, by class, score distribution, deductions, ranking.
    const charts = page.locator("svg.chart");
    assert.equal(await charts.count(), 5);
    for (const label of ["overdue cases by window", "overdue cases by class", "score distribution", "deductions by category", "window ranking"]) {
      const bars = page.locator(`svg[aria-label="${label}"] rect`);
      assert.ok((await bars.count()) > 0, `${label} has bars`);
    }
    // The ranking chart draws one bar per window, in the JSON's order.
    assert.equal(await page.locator('svg[aria-label="window ranking"] rect').count(), json.ranking.length);
    const first = json.ranking[0];
    assert.match(await page.locator('svg[aria-label="window ranking"]').innerHTML(), new RegExp(`1\\. ${first.window}`));

    // Every person's total appears in the scorecard table.
    const people = json.assessment.scorecards.filter((c) => c.kind === "person");
    const rows = await page.locator("h2:has-text('Scorecards') ~ table").first().locator("tbody tr").count();
    assert.equal(rows, people.length);

    mkdirSync("target/screenshots", { recursive: true });
    await page.screenshot({ path: "target/screenshots/report.png", fullPage: true });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4" });
    assert.ok(pdf.length > 10_000, "prints to A4");
  } finally {
    await browser.close();
  }
});
