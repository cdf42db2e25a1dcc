// PolicySet.clauseCoverage(): the core's coverage of the regulations (issue #15), the same
// shape as `zhidu coverage --format json`. Expected counts are worked by hand from
// regulations.md §2.
import { test } from "node:test";
import assert from "node:assert/strict";
import { zhidu } from "./helpers.mjs";

const ps = zhidu.PolicySet.builtin();

test("every regulation, with totals that add up", () => {
  const cov = ps.clauseCoverage();
  assert.deepEqual(cov.regulations.map((r) => r.id), Array.from({ length: 15 }, (_, i) => `S${i + 1}`));
  const t = cov.totals;
  assert.equal(t.encoded + t.with_reason + t.missing, t.computable);
  assert.equal(t.missing, 0);
  assert.ok(cov.reasons.some((r) => r.id === "planned"));
});

test("S1 by hand", () => {
  // it.2–it.8 in the table (7 computable), it.1 descriptive. s1-window-it encodes it.2, it.4,
  // it.5, it.7 as access rules and it.3, it.8 as obligations with no period (A32); it.6
  // (窗口计算机应设置密码) has no request to decide and keeps its reason.
  const s1 = ps.clauseCoverage("S1").regulations[0];
  assert.deepEqual(s1.totals, { clauses: 8, computable: 7, encoded: 6, with_reason: 1, planned: 0, missing: 0 });
  const password = s1.clauses.find((c) => c.id === "S1.it.6");
  assert.deepEqual(password, {
    id: "S1.it.6",
    line: 25,
    kinds: ["access-control"],
    computable: true,
    encoded: [],
    reason: "no-sanction",
    note: "a standing set-up requirement: no request to decide, and S1 defines no sanction",
  });
  const scans = s1.clauses.find((c) => c.id === "S1.it.3");
  assert.deepEqual(scans.encoded.map((e) => e.policy), ["s1-window-it"]);
});

test("an encoded clause names its policy and entry", () => {
  const s12 = ps.clauseCoverage("S12").regulations[0];
  const six = s12.clauses.find((c) => c.id === "S12.3.4.6");
  assert.equal(six.encoded[0].policy, "s12-confidentiality");
  assert.match(six.encoded[0].path, /\.source\.clause$/);
});

test("an unknown regulation throws with its message", () => {
  assert.throws(() => ps.clauseCoverage("S16"), (e) => e.code === "input" && /no regulation `S16` in the clause index/.test(e.message));
  assert.throws(() => ps.clauseCoverage(8), (e) => e.code === "input");
});
