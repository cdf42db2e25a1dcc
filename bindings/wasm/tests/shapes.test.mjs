// The TypeScript declarations tell the truth: every result object, at run time, has exactly
// the keys and value types its declared interface has. Read with the TypeScript compiler API
// from the generated pkg/node/zhidu_wasm.d.ts (so the test checks what users get).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { wasmDir, zhidu } from "./helpers.mjs";

const dts = join(wasmDir, "pkg", "node", "zhidu_wasm.d.ts");
const program = ts.createProgram([dts], { strict: true, noEmit: true, lib: ["lib.es2022.d.ts", "lib.esnext.disposable.d.ts"] });
const checker = program.getTypeChecker();
const source = program.getSourceFile(dts);
const exported = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(source)).map((s) => [s.name, s]));

function declared(name) {
  const symbol = exported.get(name);
  assert.ok(symbol, `no export ${name} in the declarations`);
  return checker.getDeclaredTypeOfSymbol(symbol);
}

/** Problems of `value` against `type`, with `path` naming the place. */
function conform(value, type, path) {
  const show = () => checker.typeToString(type);
  if (type.isUnion()) {
    const tries = type.types.map((t) => conform(value, t, path));
    return tries.some((p) => p.length === 0) ? [] : tries.sort((a, b) => a.length - b.length)[0];
  }
  const f = type.flags;
  if (f & ts.TypeFlags.Null) return value === null ? [] : [`${path}: ${JSON.stringify(value)} is not null`];
  if (f & ts.TypeFlags.Undefined) return value === undefined ? [] : [`${path}: not undefined`];
  if (f & ts.TypeFlags.StringLiteral) return value === type.value ? [] : [`${path}: ${JSON.stringify(value)} is not ${show()}`];
  if (f & ts.TypeFlags.String) return typeof value === "string" ? [] : [`${path}: ${JSON.stringify(value)} is not a string`];
  if (f & ts.TypeFlags.Number) return typeof value === "number" ? [] : [`${path}: ${JSON.stringify(value)} is not a number`];
  if (f & ts.TypeFlags.BooleanLiteral) return typeof value === "boolean" ? [] : [`${path}: not a boolean`];
  if (f & ts.TypeFlags.Boolean) return typeof value === "boolean" ? [] : [`${path}: not a boolean`];
  if (checker.isTupleType(type)) {
    const items = checker.getTypeArguments(type);
    if (!Array.isArray(value) || value.length !== items.length) return [`${path}: not a ${show()}`];
    return items.flatMap((t, i) => conform(value[i], t, `${path}[${i}]`));
  }
  if (checker.isArrayType(type)) {
    if (!Array.isArray(value)) return [`${path}: not an array`];
    const [item] = checker.getTypeArguments(type);
    return value.flatMap((v, i) => conform(v, item, `${path}[${i}]`));
  }
  if (f & ts.TypeFlags.Object) {
    if (value === null || typeof value !== "object") return [`${path}: ${JSON.stringify(value)} is not an object`];
    const props = type.getProperties();
    const names = new Set(props.map((p) => p.name));
    // An index signature (`{ [name: string]: string }`, MessageParams) takes any other key.
    const index = checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
    const problems = Object.keys(value)
      .filter((k) => !names.has(k))
      .flatMap((k) => (index ? conform(value[k], index.type, `${path}.${k}`) : [`${path}.${k}: not declared in ${show()}`]));
    for (const p of props) {
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      if (!(p.name in value)) {
        if (!optional) problems.push(`${path}.${p.name}: missing`);
        continue;
      }
      problems.push(...conform(value[p.name], checker.getTypeOfSymbolAtLocation(p, source), `${path}.${p.name}`));
    }
    return problems;
  }
  return [`${path}: cannot check type ${show()}`];
}

function assertShape(value, name) {
  const problems = conform(value, declared(name), name);
  assert.deepEqual(problems, [], problems.join("\n"));
}

const { PolicySet } = zhidu;
const ps = PolicySet.builtin();
const p = ps.policy("s2-service-center");
const req = { class: "promised", acceptedAt: "2026-09-30T10:00:00+08:00", days: 5 };
const at = "2026-10-12T09:00:00+08:00";
const cases = [
  { id: "C1", class: "promised", accepted_at: "2026-09-30T10:00:00+08:00", days: 5 },
  { id: "C2", class: "promised", accepted_at: "2026-09-30T10:00:00+08:00", days: 5, handler: "张三", window: "W01", completed_at: "2026-10-13T16:00:00+08:00" },
  { id: "C3", class: "promised", accepted_at: "2026-09-30T10:00:00+08:00", days: 5, events: [{ kind: "suspend", at: "2026-10-09T10:00:00+08:00", reason: "expert_review" }] },
  { id: "C4", class: "reported_up", accepted_at: "2026-09-01", days: 10 },
];

test("Due, DueExplanation and the yellow instant", () => {
  assertShape(p.due(req), "Due");
  assertShape(p.explain(req), "DueExplanation");
  for (const c of p.info().classes) {
    const r = { class: c.id, acceptedAt: "2026-09-30T10:00:00+08:00", days: c.per_case && c.limit === null ? 1 : undefined };
    assertShape(p.due(r), "Due");
    assertShape(p.explain(r), "DueExplanation");
    assert.equal(typeof p.yellowFrom(r), "string");
  }
});

test("DueColumns and RowError", () => {
  const out = p.dueMany({ class: "promised", acceptedAt: ["2026-09-30", "garbage", "2101-01-04", "2026-12-10"], days: [5, 5, null, 20] });
  assertShape(out, "DueColumns");
  assert.equal(out.errors.length, 2);
  assert.deepEqual(out.provisional, [false, null, null, true]);
  assert.equal(out.basis.length, 1);
});

test("CaseStatus, CaseStatuses and case explanations", () => {
  for (const c of cases) assertShape(p.caseStatus(c, at), "CaseStatus");
  assertShape(p.explainCase(cases[0], at), "DueExplanation");
  assertShape(p.caseStatuses([...cases, {}], at), "CaseStatuses");
  const notice = readFileSync(join(wasmDir, "..", "..", "tests", "notices", "test-2027.toml"), "utf8");
  const withNotice = PolicySet.fromToml({ "test-2027.toml": notice }).policy("s2-service-center");
  const moved = { id: "A", class: "promised", accepted_at: "2026-12-10T10:00:00+08:00", days: 20 };
  const change = p.caseChange(withNotice, moved, "2027-01-06T09:00:00+08:00");
  assertShape(change, "CaseChange");
  assert.deepEqual([change.changed, change.old.due_date, change.new.due_date], [["due_date"], "2027-01-08", "2027-01-09"]);
  assert.equal(p.caseChange(withNotice, cases[0], at), null);
});

test("PolicyInfo of every policy, CalendarDay and Diagnostic", () => {
  for (const policy of ps.policies()) assertShape(policy.info(), "PolicyInfo");
  for (let m = 1; m <= 12; m++) for (const d of p.calendarMonth(2026, m)) assertShape(d, "CalendarDay");
  for (const d of PolicySet.checkToml({ "a.toml": "[policy]\nid = 5\n[polcy]\n" })) assertShape(d, "Diagnostic");
  for (const d of ps.warnings) assertShape(d, "Diagnostic");
});

test("ClauseCoverage", () => {
  assertShape(ps.clauseCoverage(), "ClauseCoverage");
  assertShape(ps.clauseCoverage("S8"), "ClauseCoverage");
});

test("PolicyRules of every policy, CodeExplanation", () => {
  for (const id of ps.policyIds) assertShape(ps.rules(id), "PolicyRules");
  for (const code of ["S14.att.6", "tier:2", "promised", "S8.verify.5", "S2.zr.t1"]) assertShape(ps.explain(code), "CodeExplanation");
});

test("ZhiduError has its declared properties", () => {
  const own = (e) => Object.fromEntries(["code", "help", "diagnostics", "file", "line", "column", "path"].filter((k) => k in e).map((k) => [k, e[k]]));
  const errorType = declared("ZhiduError");
  for (const f of [() => p.due({ ...req, class: "nope" }), () => PolicySet.fromToml({ "a.toml": "[polcy]\n" })]) {
    try {
      f();
      assert.fail("no error");
    } catch (e) {
      const props = new Set(errorType.getProperties().map((s) => s.name));
      for (const k of Object.keys(own(e))) assert.ok(props.has(k), `${k} is not declared`);
      const problems = Object.entries(own(e)).flatMap(([k, v]) =>
        conform(v, checker.getTypeOfSymbolAtLocation(errorType.getProperty(k), source), `ZhiduError.${k}`),
      );
      assert.deepEqual(problems, []);
      assert.equal(e.name, "ZhiduError");
    }
  }
});

test("Assessment, WindowRank, DeductionTable, Decisions and AccountabilityRules", () => {
  const s14 = ps.policy("s14-window-scorecard");
  const request = {
    period: "2026-10",
    incidents: [
      { subject: "张三", window: "W01", at: "2026-10-12", rule: "S14.att.1a", quantity: 2 },
      { subject: "张三", window: "W01", at: "2026-10-13T10:00", rule: "S14.att.6", points: 15, case: "C9", note: "吃拿卡要" },
      { subject: "李四", window: "W02", at: "2026-10-14", rule: "S14.svc.3", points: 3, note: "表扬信", ref: "P1" },
      { subject: "李四", window: "W02", at: "2026-10-14", rule: "S14.svc.4" },
      { subject: "李四", window: "W02", at: "2026-09-14", rule: "S14.svc.1" },
      { subject: "王五", at: "2026-10-14", rule: "S14.att.9" },
    ],
    cases: [{ id: "C1", class: "promised", accepted_at: "2026-09-30T10:00:00+08:00", days: 5, handler: "王五", window: "W03", completed_at: "2026-10-15T10:00:00+08:00" }, { id: "C2" }],
    casePolicy: "s2-service-center",
    roster: [["赵六", "W03"]],
  };
  const a = s14.assess(request);
  assert.ok(a.scorecards.some((c) => c.kind === "window") && a.errors.length === 2 && a.outside_period === 1);
  assert.ok(a.scorecards.some((c) => c.lines.some((l) => l.source.from === "case")));
  assertShape(a, "Assessment");
  assertShape(s14.assess({ ...request, lines: false }), "Assessment");
  const ranking = s14.rankPeriod({ ...request, incidents: [...request.incidents, { subject: "李四", window: "W02", at: "2026-10-15", rule: "S4.req.4" }] });
  assert.ok(ranking.some((r) => !r.eligible));
  for (const r of ranking) assertShape(r, "WindowRank");
  for (const policy of ps.policies().filter((x) => x.hasDeductionTable)) assertShape(policy.deductionTable(), "DeductionTable");
  // The rule search: the engine's groups, 吃拿卡要 → S14.att.6 in 考勤 (seed L913).
  const found = s14.searchRules("吃拿卡要");
  assert.deepEqual(found, [{ category: "att", rules: ["S14.att.6"] }]);
  for (const g of s14.searchRules("")) assertShape(g, "RuleGroup");
  const d = p.decide({
    violations: [
      { subject: "张三", at: "2025-11-03", violation: "S2.zr.t1.1" },
      { subject: "张三", at: "2026-10-12T14:00", violation: "S2.zr.t1.1", flags: [], note: "again" },
      { subject: "李四", at: "2026-10-12", violation: "S2.zr.t9" },
      { subject: "王五", at: "2026-11-12", violation: "S2.zr.t1.1" },
    ],
    asOf: "2026-10-31",
  });
  assert.ok(d.decisions[1].escalation && d.errors.length === 1 && d.after_as_of === 1);
  assertShape(d, "Decisions");
  for (const policy of ps.policies().filter((x) => x.hasAccountabilityRules)) assertShape(policy.accountabilityRules(), "AccountabilityRules");
  const sources = PolicySet.builtinSources();
  assert.ok(Object.values(sources).every((v) => typeof v === "string") && Object.keys(sources).length >= 5);
});

test("Report and ReportResult", () => {
  const result = p.report({
    period: "2026-10",
    cases: [...cases, { id: "C5", class: "complaint_next_day", accepted_at: "2026-10-09T10:00", window: "W08" }, { id: "C6" }],
    incidents: [{ subject: "张三", window: "W01", at: "2026-10-12", rule: "S2.assess.qin.1" }],
    violations: [{ subject: "张三", at: "2026-10-12", violation: "S2.zr.t1.1" }],
    roster: [["李四", "W02"]],
    previousCases: cases,
  });
  assert.ok(result.report.change && result.report.case_errors.length === 1 && result.report.decisions.length === 1);
  assertShape(result, "ReportResult");
});

test("the check itself finds wrong shapes (it is not vacuous)", () => {
  const problems = conform({ due_date: 5, due_at: "x", unit: "days", extra: 1 }, declared("Due"), "Due");
  assert.deepEqual(problems.sort(), [
    "Due.basis: missing",
    "Due.due_date: 5 is not a string",
    "Due.extra: not declared in Due",
    "Due.limit: missing",
    "Due.provisional: missing",
    'Due.unit: "days" is not "minutes"', // the first member of the union Unit
    "Due.warnings: missing",
  ]);
});
