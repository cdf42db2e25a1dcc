// PolicySet.rules() and PolicySet.explain(): the core's readable policies (issue #17), the same
// shapes as `zhidu rules --format json` and `zhidu explain --format json`. Expected values are
// worked by hand from regulations.md §3b/§3c and the seed lines they cite.
import { test } from "node:test";
import assert from "node:assert/strict";
import { zhidu } from "./helpers.mjs";

const ps = zhidu.PolicySet.builtin();

test("S14.att.6 in the rules of s14-window-scorecard", () => {
  // regulations.md §3b, S14 row att.6 (seed L913): 每次视情节轻重扣10—20分, 扣除当月奖励150元, in
  // 考勤; the range is A6's DEFAULT; the charge departs from A19's suggestion.
  const r = ps.rules("s14-window-scorecard");
  // 30 rows in §3b's S14 table; att.1f is the fine of att.1a–1d (A5), not a rule: 29.
  assert.equal(r.entries.filter((e) => e.kind === "rule").length, 29);
  const att6 = r.entries.find((e) => e.kind === "rule" && e.id === "S14.att.6");
  assert.match(att6.sources[0].quote, /每次视情节轻重扣10—20分,扣除当月奖励150元/);
  const value = (k) => att6.values.find((v) => v.key === k).value;
  assert.deepEqual([value("range"), value("category"), value("withholding")], [[10, 20], "att", "150"]);
  const mark = (param) => att6.defaults.find((d) => d.param === param).mark;
  assert.deepEqual([mark("A6"), mark("A19")], ["default", "deviation"]);
});

test("tier 2 of S2 is called for by S2.zr.t2.1–t2.5", () => {
  const x = ps.explain("tier:2", "s2-service-center");
  assert.equal(x.clause, null);
  assert.equal(x.entries.length, 1);
  const users = x.entries[0].used_by.filter((u) => u.kind === "violation").map((u) => u.id).sort();
  assert.deepEqual(users, ["S2.zr.t2.1", "S2.zr.t2.2", "S2.zr.t2.3", "S2.zr.t2.4", "S2.zr.t2.5"]);
});

test("an unknown code throws with the closest as its help", () => {
  assert.throws(() => ps.explain("S14.att.66"), (e) => e.code === "input" && e.help === "did you mean `S14.att.6`?");
  assert.throws(() => ps.rules("s14-window-scorecrd"), (e) => e.code === "unknown_policy");
  assert.throws(() => ps.rules(14), (e) => e.name === "ZhiduError" && e.code === "input");
});
