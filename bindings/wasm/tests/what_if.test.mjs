// Stamps and what-if in Node (issue #17 points 4 and 5). The stamp's hash is checked against
// its definition computed here with node:crypto (Rust checks it with sha256sum, Python with
// hashlib: three hosts, one definition, the same files). The what-if's values are worked by
// hand from S2's clauses (the example month's full working is in
// crates/zhidu-cli/tests/what_if.rs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, zhidu } from "./helpers.mjs";

const { PolicySet } = zhidu;
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

function tomlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tomlFiles(path);
    return name.endsWith(".toml") ? [path] : [];
  });
}

test("the builtin set's hash is its definition over policies/, as every host computes it", () => {
  const digests = tomlFiles(join(repoRoot, "policies")).map((p) => sha256(readFileSync(p))).sort();
  const expected = sha256(digests.map((d) => d + "\n").join(""));
  const builtin = PolicySet.builtin();
  assert.equal(builtin.contentHash, expected);
  const stamp = builtin.policy("s2-service-center").stamp;
  assert.deepEqual(stamp, { policy: "s2-service-center", version: "2023-10-23", effective_from: "2004-01-01", hash: expected });
  const { report } = builtin.policy("s2-service-center").report({ period: "2026-10" });
  assert.deepEqual(report.stamp, stamp);
});

test("whatIf: a raised deduction and a shortened complaint class", () => {
  const builtin = PolicySet.builtin();
  const sources = PolicySet.builtinSources();
  const name = Object.keys(sources).find((n) => n.endsWith("s2-service-center.toml"));
  const rule = 'code = "S2.assess.ji.1"\ncategory = "ji"\nkind = "deduction"\nunit = "discovery"\npoints = ';
  const limit = 'id = "complaint_complex"\nname = "复杂投诉 (一周内答复)"\nunit = "calendar_days"\nlimit = ';
  assert.ok(sources[name].includes(rule + "10") && sources[name].includes(limit + "7"));
  const changed = sources[name].replace(rule + "10", rule + "15").replace(limit + "7", limit + "5");
  assert.notEqual(changed, sources[name]);
  const after = PolicySet.fromToml({ "s2-service-center.toml": changed }).policy("s2-service-center");
  const before = builtin.policy("s2-service-center");
  // One 复杂投诉 accepted 10-12, answered 10-18: 7 calendar days from 10-13 → due 10-19, on
  // time; 5 → due 10-17, late by the working days after it up to 10-18: 10-17 and 10-18 are
  // a weekend, so none counted — at least 1 (a late case is at least 1 day over).
  // One 不严格执行收费标准 (S2.assess.ji.1): 绩 20 − 10 = 10 → 20 − 15 = 5: 90 → 85.
  const request = {
    period: "2026-10",
    cases: [{ id: "T1", class: "complaint_complex", accepted_at: "2026-10-12T09:00", completed_at: "2026-10-18T10:00", handler: "张三", window: "W01" }],
    incidents: [{ subject: "张三", window: "W01", at: "2026-10-21T10:00", rule: "S2.assess.ji.1" }],
  };
  const { diff, html } = before.whatIf(after, request);
  assert.deepEqual(diff.totals, { cases: 1, people: 1, window_cards: 0, ranks: 1, decisions: 0, skipped: 0 });
  assert.deepEqual(diff.skipped, []);
  const [c] = diff.cases;
  assert.deepEqual([c.old.due_date, c.new.due_date, c.old.status, c.new.status], ["2026-10-19", "2026-10-17", "done_on_time", "done_late"]);
  assert.equal(c.new.overdue_days, 1);
  assert.deepEqual(c.responsible, [{ kind: "class", id: "complaint_complex" }]);
  const [card] = diff.scorecards;
  assert.deepEqual([card.subject, card.before.total, card.after.total], ["张三", 90, 85]);
  assert.deepEqual(card.responsible, [{ kind: "rule", id: "S2.assess.ji.1" }]);
  assert.notEqual(diff.before.hash, diff.after.hash);
  assert.ok(html.startsWith("<!doctype html>") && !html.includes("<script"));
  assert.equal(before.whatIf(before, request).diff.totals.cases, 0);
});

test("whatIf: a case of a class the after set lacks is an after-side skipped row", () => {
  const sources = PolicySet.builtinSources();
  const name = Object.keys(sources).find((n) => n.endsWith("s2-service-center.toml"));
  const text = sources[name];
  const start = text.indexOf('[[class]]\nid = "complaint_complex"');
  const end = text.indexOf("[[class]]", start + 1);
  assert.ok(start >= 0 && end > start);
  const after = PolicySet.fromToml({ "s2-service-center.toml": text.slice(0, start) + text.slice(end) }).policy("s2-service-center");
  const before = PolicySet.builtin().policy("s2-service-center");
  const request = {
    period: "2026-10",
    cases: [
      { id: "T1", class: "promised", accepted_at: "2026-10-12T09:00", days: 5, handler: "张三", window: "W01" },
      { id: "T2", class: "complaint_complex", accepted_at: "2026-10-12T09:00", handler: "张三", window: "W01" },
    ],
  };
  const { diff } = before.whatIf(after, request);
  assert.equal(diff.totals.skipped, 1);
  assert.deepEqual([diff.skipped[0].side, diff.skipped[0].input, diff.skipped[0].row], ["after", "case", 2]);
});

test("assess, decide, caseStatuses and dueMany answers carry the policy's stamp", () => {
  const digests = tomlFiles(join(repoRoot, "policies")).map((p) => sha256(readFileSync(p))).sort();
  const expected = sha256(digests.map((d) => d + "\n").join(""));
  const s2 = PolicySet.builtin().policy("s2-service-center");
  const results = [
    s2.assess({ period: "2026-10", incidents: [{ subject: "张三", window: "W01", at: "2026-10-21T10:00", rule: "S2.assess.ji.1" }] }),
    s2.decide({ violations: [] }),
    s2.caseStatuses([{ id: "T1", class: "promised", accepted_at: "2026-10-12T09:00", days: 5 }], "2026-10-20"),
    s2.dueMany({ class: "promised", acceptedAt: ["2026-09-30"], days: [5] }),
  ];
  for (const r of results) {
    assert.deepEqual(r.stamp, s2.stamp);
    assert.equal(r.stamp.hash, expected);
  }
});

test("every other object answer of a policy carries its stamp too (single answers included)", () => {
  const digests = tomlFiles(join(repoRoot, "policies")).map((p) => sha256(readFileSync(p))).sort();
  const expected = sha256(digests.map((d) => d + "\n").join(""));
  const set = PolicySet.builtin();
  const p = (id) => set.policy(id);
  const s2 = p("s2-service-center");
  const windows = ["A", "B", "C", "D", "E", "F"].map((window) => ({ window }));
  const caseRecord = { id: "T1", class: "promised", accepted_at: "2026-10-12T09:00", days: 5 };
  const answers = [
    [s2, s2.due({ class: "promised", acceptedAt: "2026-09-30", days: 5 })],
    [s2, s2.explain({ class: "promised", acceptedAt: "2026-09-30", days: 5 })],
    [s2, s2.caseStatus(caseRecord, "2026-10-20")],
    [s2, s2.explainCase(caseRecord, "2026-10-20")],
    [p("s12-confidentiality"), p("s12-confidentiality").access({ requests: [] })],
    [p("s12-confidentiality"), p("s12-confidentiality").retention({ records: [], asOf: "2026-10-31" })],
    [p("s4-duty-rota"), p("s4-duty-rota").rota({ year: 2026, windows })],
    [p("s4-duty-rota"), p("s4-duty-rota").patrolFailures({ period: "2026-03", log: [], windows })],
    [p("s1-window-it"), p("s1-window-it").obligations({ period: "2026-10" })],
    [p("s8-investment-centre"), p("s8-investment-centre").triggers({ facts: [] })],
    [p("s8-investment-centre"), p("s8-investment-centre").subsidies({ trainees: [] })],
    [p("s14-window-scorecard"), p("s14-window-scorecard").flowFindings({ cases: [] })],
  ];
  for (const [policy, answer] of answers) {
    assert.deepEqual(answer.stamp, policy.stamp, policy.id);
    assert.equal(answer.stamp.hash, expected);
  }
  // The single due date itself: 5 working days after 09-30 (S2.cn.3), the National Day
  // holiday 10-01 … 10-07 skipped, 10-08, 10-09, 10-10 (a make-up Saturday), 10-12, 10-13.
  assert.equal(answers[0][1].due_date, "2026-10-13");
});
