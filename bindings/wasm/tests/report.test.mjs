// `Policy.report` in Node: the same report as `zhidu report --format json` on the example
// month, read from the same files as JavaScript row objects, and its HTML.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cliReport, exampleMonth as month, zhidu } from "./helpers.mjs";

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

/** A picked file as the report tab hands it over: its name and its text. */
const file = (name, text = readFileSync(join(month, name), "utf8")) => ({ name, text });

test("reportFromFiles reads the example month's files as the CLI reads its paths: the same report", () => {
  const p = zhidu.PolicySet.builtin().policy("s2-service-center");
  const { report, html } = p.reportFromFiles({
    period: "2026-10",
    cases: file("cases.jsonl"),
    incidents: file("incidents.csv"),
    violations: file("violations.csv"),
    roster: file("roster.csv"),
  });
  assert.deepEqual(report, cliReport());
  assert.ok(html.startsWith("<!doctype html>") && html.includes("按时办结率") && !html.includes("<script"));
  // The format follows the name, not the text: the same log as .ndjson, and a CSV case log.
  const log = file("cases.jsonl").text;
  const ndjson = p.reportFromFiles({ period: "2026-10", cases: file("cases.ndjson", log) }).report;
  assert.deepEqual(ndjson.figures, p.report({ period: "2026-10", cases }).report.figures);
  const csvLog = "id,class,accepted_at,days,completed_at\nB,promised,2026-10-12T09:00,3,2026-10-20T10:00\n";
  assert.equal(p.reportFromFiles({ period: "2026-10", cases: file("cases.csv", csvLog) }).report.figures.completed_late, 1);
});

test("reportFromFiles: bad rows are in the report, a file without a needed column throws naming it", () => {
  const p = zhidu.PolicySet.builtin().policy("s2-service-center");
  const { report } = p.reportFromFiles({
    period: "2026-10",
    cases: file("cases.jsonl", '{"id":"B","class":"promised","accepted_at":"2026-10-12T09:00","days":3}\n{"id":5}\nnot json\n'),
    incidents: file("incidents.csv", "subject,at,rule,quantity\n张三,2026-10-12,S2.assess.qin.1,two\n"),
  });
  assert.deepEqual(report.case_errors.map((e) => [e.row, e.error.code]), [[2, "input"], [3, "input"]]);
  const incidentErrors = report.assessment.errors.filter((e) => e.input === "incident");
  assert.deepEqual(incidentErrors.map((e) => [e.row, e.error.row.field, e.error.row.line]), [[1, "quantity", 2]]);
  const throws = (request, code, message) =>
    assert.throws(() => p.reportFromFiles({ period: "2026-10", cases: file("cases.jsonl", ""), ...request }), (e) => {
      assert.equal(e.name, "ZhiduError");
      assert.equal(e.code, code);
      assert.equal(e.message, message);
      assert.ok("help" in e);
      return true;
    });
  throws({ incidents: file("incidents.csv", "subject,at\n张三,2026-10-12\n") }, "input", "`incidents.csv`: the header has no `rule` column");
  assert.throws(() => p.reportFromFiles({ period: "2026-10", cases: file("cases.csv", "") }), (e) => e.help.startsWith("the first line must name the columns"));
  // A roster entry that cannot be read is a row error; the other entries are still scored.
  const withRoster = p.reportFromFiles({ period: "2026-10", cases: file("cases.jsonl", ""), roster: file("roster.csv", "subject,window\n张三,\n李四,W02\n") }).report;
  assert.deepEqual(withRoster.assessment.errors.map((e) => [e.input, e.row, e.error.row.field]), [["roster", 1, "window"]]);
  assert.ok(withRoster.assessment.scorecards.some((c) => c.subject === "李四"));
  throws({ violations: { name: "violations.csv", text: 5 } }, "input", "`violations.text` must be the file's text (`await file.text()`), not the number `5`");
  throws({ cases: "cases.jsonl" }, "input", '`cases` must be an object such as { name: "cases.jsonl", text: await file.text() }, not a string');
  assert.throws(() => p.reportFromFiles({ period: "2026-10" }), (e) => e.code === "input" && e.message === "missing `cases`");
  // In Chinese when the engine speaks Chinese: the file name stays as given.
  zhidu.setLang("zh");
  try {
    assert.throws(
      () => p.reportFromFiles({ period: "2026-10", cases: file("cases.jsonl", ""), incidents: file("考核.csv", "subject,at\n") }),
      (e) => e.message === "`考核.csv`有误：表头中没有`rule`列" && e.help.startsWith("第一行须写明各列列名"),
    );
  } finally {
    zhidu.setLang("en");
  }
});
