// The shared row fixtures (tests/rows/) through the Node package: the same rows as
// JavaScript objects give the hand-worked results and the row errors of
// tests/rows/expected.json — the same as the CLI and Python.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, zhidu } from "./helpers.mjs";

const rowsDir = join(repoRoot, "tests", "rows");
const expected = JSON.parse(readFileSync(join(rowsDir, "expected.json"), "utf8"));
const objects = (name) => JSON.parse(readFileSync(join(rowsDir, `${name}.json`), "utf8"));
const s2 = zhidu.PolicySet.builtin().policy(expected.policy);
const shape = (r) => ({ kind: r.kind, row: r.row, field: r.field, code: r.code });

test("cases", () => {
  const want = expected.case;
  const out = s2.caseStatuses(objects("cases"), want.as_of);
  assert.equal(out.statuses.length, want.rows);
  assert.deepEqual(out.errors.map((e) => shape(e.row)), want.errors);
  assert.deepEqual(out.errors.map((e) => e.index + 1), want.errors.map((e) => e.row));
  for (const [row, good] of Object.entries(want.good)) {
    const s = out.statuses[Number(row) - 1];
    for (const [k, v] of Object.entries(good)) assert.equal(String(s[k]), String(v), `${row} ${k}`);
  }
});

test("incidents", () => {
  const want = expected.incident;
  const a = s2.assess({ period: want.period, incidents: objects("incidents") });
  assert.deepEqual(Object.fromEntries(a.scorecards.map((c) => [c.subject, c.total])), want.totals);
  assert.deepEqual(a.errors.map((e) => shape(e.error.row)), want.errors);
});

test("violations", () => {
  const want = expected.violation;
  const d = s2.decide({ violations: objects("violations") });
  assert.deepEqual(Object.fromEntries(d.decisions.map((x) => [String(x.row), x.violation])), want.decided);
  assert.deepEqual(d.errors.map((e) => shape(e.error.row)), want.errors);
});

test("roster", () => {
  const want = expected.roster;
  const a = s2.assess({ period: want.period, incidents: [], roster: objects("roster") });
  assert.deepEqual(Object.fromEntries(a.scorecards.map((c) => [c.subject, c.total])), want.totals);
  assert.throws(
    () => s2.assess({ period: want.period, incidents: [], roster: objects("roster_bad") }),
    (e) => {
      assert.deepEqual(shape(e.row), want.bad);
      return true;
    },
  );
});

test("due", () => {
  const want = expected.due;
  const lines = readFileSync(join(rowsDir, "due.csv"), "utf8").trim().split("\n").slice(1);
  const acceptedAt = lines.map((l) => l.split(",")[0]);
  const days = lines.map((l) => {
    const d = l.split(",")[1];
    return /^\d+$/.test(d) ? Number(d) : d;
  });
  const out = s2.dueMany({ class: want.class, acceptedAt, days });
  for (const [row, date] of Object.entries(want.good)) assert.equal(out.due_date[Number(row) - 1], date);
  assert.deepEqual(out.errors.map((e) => e.index + 1), want.errors.map((e) => e.row));
});
