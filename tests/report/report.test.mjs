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
    // The key figures at the top are the JSON's.
    const kpi = async (id) => (await page.locator(`.kpi[data-figure="${id}"] b`).innerText()).trim();
    const f = json.figures;
    assert.equal(Number(await kpi("received")), f.received);
    assert.equal(Number(await kpi("completed")), f.completed);
    assert.equal(await kpi("on_time_rate"), `${f.on_time_rate.percent}%`);
    assert.equal(Number(await kpi("overdue")), f.overdue);
    assert.equal(Number(await kpi("red")), f.open_overdue);
    assert.equal(Number(await kpi("yellow")), f.by_status.yellow ?? 0);
    // September's completions are not October's: every case is completed in it or open at its end.
    assert.equal(f.cases, f.completed + f.open);
    // Counted independently from the log: the cases accepted by the end of October, less the
    // 1,089 completed in September (issue #13), are October's cases.
    const log = readFileSync("examples/2026-10/cases.jsonl", "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
    const t = (s) => Date.parse(s);
    const known = log.filter((c) => t(c.accepted_at) < t("2026-11-01T00:00:00+08:00"));
    const september = known.filter((c) => c.completed_at && t(c.completed_at) < t("2026-10-01T00:00:00+08:00"));
    assert.equal(september.length, 1089);
    assert.equal(f.cases, known.length - september.length);
    assert.equal(f.received, known.filter((c) => t(c.accepted_at) >= t("2026-10-01T00:00:00+08:00")).length);

    // The supervisor's figures table: each row's value is the JSON's.
    const cell = async (id) => (await page.locator(`table.figures tr[data-figure="${id}"] td`).nth(1).innerText()).trim();
    const rate = (r) => (r.percent === null ? "—" : `${r.percent}% (${r.numerator}/${r.denominator})`);
    assert.equal(Number(await cell("received")), f.received);
    assert.equal(Number(await cell("completed_early")), f.completed_early);
    assert.equal(await cell("on_time_rate"), rate(f.on_time_rate));
    assert.equal(await cell("overdue_rate"), rate(f.overdue_rate));
    assert.equal(await cell("days_mean"), f.days_mean ?? "—");
    assert.equal(await cell("days_p90"), String(f.days_p90 ?? "—"));
    assert.equal(Number(await cell("suspensions")), f.suspensions);
    assert.equal(Number(await cell("extensions")), f.extensions);
    // Each window's row in the window table: received, completed, 按时办结率.
    for (const w of json.by_window) {
      const cells = await page.locator(`table.groups tr[data-key="${w.key}"]`).first().locator("td").allInnerTexts();
      assert.deepEqual(cells.slice(2, 5).map((c) => c.trim()), [String(w.received), String(w.completed), rate(w.on_time_rate)], w.key);
    }
    // The longest-overdue list has the JSON's cases in order.
    const longest = await page.locator('h3[data-list="longest_overdue"] + table tbody tr td:first-child').allInnerTexts();
    assert.deepEqual(longest, json.longest_overdue.map((c) => c.id));

    // Five charts: overdue by window, by class, score distribution, deductions, ranking.
    const charts = page.locator("svg.chart");
    assert.equal(await charts.count(), 5);
    for (const id of ["overdue-by-window", "overdue-by-class", "score-distribution", "deductions-by-category", "ranking"]) {
      const bars = page.locator(`svg[data-chart="${id}"] rect`);
      assert.ok((await bars.count()) > 0, `${id} has bars`);
    }
    // The ranking chart draws one bar per window, in the JSON's order.
    assert.equal(await page.locator('svg[data-chart="ranking"] rect').count(), json.ranking.length);
    const first = json.ranking[0];
    assert.match(await page.locator('svg[data-chart="ranking"]').innerHTML(), new RegExp(`1\\. ${first.window}`));

    // Every person's total appears in the scorecard table.
    const people = json.assessment.scorecards.filter((c) => c.kind === "person");
    const totals = await page.locator("table.scorecards tbody tr td b").allInnerTexts();
    assert.deepEqual(totals.map(Number), people.map((c) => c.total));

    mkdirSync("target/screenshots", { recursive: true });
    await page.screenshot({ path: "target/screenshots/report.png", fullPage: true });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4" });
    assert.ok(pdf.length > 10_000, "prints to A4");
  } finally {
    await browser.close();
  }
});
