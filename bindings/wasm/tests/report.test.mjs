// `Policy.report` in Node: the same report as `zhidu report --format json` on the example
// month, read from the same files as JavaScript row objects, and its HTML.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, zhidu } from "./helpers.mjs";

const month = join(repoRoot, "examples", "2026-10");

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines) as objects by header. */
function csv(name) {
  const text = readFileSync(join(month, name), "utf8");
  const records = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); field = "";
      if (row.some((f) => f !== "")) records.push(row);
      row = [];
    } else field += c;
  }
  if (field !== "" || row.length) { row.push(field); records.push(row); }
  const [header, ...rows] = records;
  // Every cell as text, empty ones too: the core reads them as the CLI reads its CSV.
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

const cases = readFileSync(join(month, "cases.jsonl"), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const incidents = csv("incidents.csv");
const violations = csv("violations.csv");
const roster = csv("roster.csv");

function cliReport() {
  const args = [
    "report", "--policy", "s2-service-center", "--period", "2026-10",
    "--cases", join(month, "cases.jsonl"), "--incidents", join(month, "incidents.csv"),
    "--violations", join(month, "violations.csv"), "--roster", join(month, "roster.csv"),
    "--format", "json",
  ];
  const cli = process.env.ZHIDU_CLI;
  const out = cli
    ? execFileSync(cli, args, { cwd: repoRoot, encoding: "utf8" })
    : execFileSync("cargo", ["run", "-q", "-p", "zhidu-cli", "--", ...args], { cwd: repoRoot, encoding: "utf8" });
  return JSON.parse(out);
}

test("report gives the CLI's report on the example month, and its HTML", () => {
  const p = zhidu.PolicySet.builtin().policy("s2-service-center");
  const { report, html } = p.report({ period: "2026-10", cases, incidents, violations, roster });
  assert.deepEqual(report, cliReport());
  assert.equal(typeof report.figures.on_time_rate.percent, "string");
  assert.ok(html.startsWith("<!doctype html>") && html.includes("按时办结率") && !html.includes("<script"));
  const en = p.report({ period: "2026-10", cases, lang: "en" }).html;
  assert.ok(en.includes("on-time completion rate"));
});

test("report rows: a bad case is a row error with its 1-based row, not a throw", () => {
  const p = zhidu.PolicySet.builtin().policy("s2-service-center");
  const { report } = p.report({
    period: "2026-10",
    cases: [
      // B: promised 3, accepted Mon 10-12, due 10-15, done 10-20 → late; 6 working days.
      { id: "B", class: "promised", accepted_at: "2026-10-12T09:00", days: 3, completed_at: "2026-10-20T10:00" },
      { id: "X", class: "immediate", accepted_at: "2026-10-12" },
      { id: 5 },
    ],
  });
  assert.deepEqual([report.figures.completed_late, report.figures.days_p90], [1, 6]);
  assert.deepEqual(report.case_errors.map((e) => [e.row, e.error.code]), [[2, "unknown_class"], [3, "input"]]);
  assert.throws(() => p.report({ period: "2026-13" }), (e) => e.code === "input");
  assert.throws(() => p.report({ period: "2026-10", lang: "fr" }), (e) => e.code === "input");
});
