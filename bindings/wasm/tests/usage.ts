// A typed use of every export and result shape of the npm package (pkg/zhidu, through its
// `exports` types), checked by `tsc --noEmit` (test.sh) with `lib: ["ES2022", "DOM"]` (no
// `esnext.disposable`). It is never run; the `@ts-expect-error` lines prove the types are
// not `any`.
import {
  PolicySet,
  Policy,
  setLang,
  getLang,
  type Lang,
  type AccessDecisions,
  type Retention,
  type CaseChange,
  type Rota,
  type PatrolCheck,
  type Obligations,
  type ClauseCoverage,
  type PolicyRules,
  type CodeExplanation,
  type CaseStatus,
  type CaseStatuses,
  type CalendarDay,
  type Diagnostic,
  type Due,
  type DueColumns,
  type DueExplanation,
  type ErrorCode,
  type PolicyInfo,
  type ZhiduError,
  type AccountabilityRules,
  type AssessRequest,
  type Assessment,
  type DecideRequest,
  type Decisions,
  type DeductionTable,
  type RuleGroup,
  type Incident,
  type Points,
  type PolicySources,
  type Report,
  type ReportFilesRequest,
  type ReportRequest,
  type ReportResult,
  type Scorecard,
  type ViolationRecord,
  type WindowRank,
  type TriggersRequest,
  type Triggers,
  type SubsidiesRequest,
  type Subsidies,
  type PartialMonth,
  type FlowRequest,
  type FlowFindings,
} from "../pkg/zhidu";
import init, { PolicySet as WebPolicySet, ZhiduError as ZhiduErrorClass } from "../pkg/zhidu";

const ps: PolicySet = PolicySet.builtin();
const own: PolicySet = PolicySet.fromToml({ "town.toml": "[policy]\nid = \"town\"\n" });
const diagnostics: Diagnostic[] = PolicySet.checkToml({ "town.toml": "" });
const ids: string[] = ps.policyIds;
const warnings: Diagnostic[] = own.warnings;
const covered: ClauseCoverage = own.clauseCoverage("S8");
const computable: number = covered.totals.computable;
const policyRules: PolicyRules = ps.rules("s14-window-scorecard");
const firstKind: string = policyRules.entries[0].kind;
const explained: CodeExplanation = ps.explain("S14.att.6", "s14-window-scorecard");
const line: number | null | undefined = explained.clause?.status?.line;
// @ts-expect-error: a code is a string
ps.explain(14);
const builtin: boolean = ps.isBuiltin;
const all: Policy[] = ps.policies();
const p: Policy = ps.policy("s2-service-center");
const name: string = p.name + p.id + p.version;

const info: PolicyInfo = p.info();
const perCase: boolean[] = info.classes.map((c) => c.per_case);
const limits: (number | null)[] = info.classes.map((c) => c.limit);
const sessions: [string, string][] = info.office_sessions?.sessions ?? [];
const effect: "pause" | "restart" = info.suspensions[0].effect;

const due: Due = p.due({ class: "promised", acceptedAt: "2026-09-30T10:00:00+08:00", days: 5 });
const dueDate: string = due.due_date;
const ex: DueExplanation = p.explain({ class: "promised", acceptedAt: "2026-09-30", days: null });
const counted: (number | null)[] = ex.days.map((d) => d.counted);
const quotes: string[] = ex.clauses.map((c) => c.quote);
const yellow: string = p.yellowFrom({ class: "promised", acceptedAt: "2026-09-30" });

const columns: DueColumns = p.dueMany({
  class: "promised",
  acceptedAt: ["2026-09-30T10:00:00+08:00"],
  days: Int32Array.of(5),
});
const first: string | null = columns.due_date[0];
const failedRows: number[] = columns.errors.map((e) => e.index);
p.dueMany({ class: "promised", acceptedAt: [], days: [5, null] });

const st: CaseStatus = p.caseStatus(
  {
    id: "C1",
    class: "promised",
    accepted_at: "2026-09-30T10:00:00+08:00",
    days: 5,
    events: [
      { kind: "suspend", at: "2026-10-09T10:00", reason: "expert_review" },
      { kind: "resume", at: "2026-10-14T09:00" },
      { kind: "extend", at: "2026-10-15", days: 2, approved_by: "主任" },
    ],
  },
  "2026-10-15T12:00:00+08:00",
);
const remaining: number | null = st.remaining;
const provisional: boolean = st.provisional;
const basisLines: string[] = st.basis;
const change: CaseChange | null = p.caseChange(p, { id: "C1", class: "promised", accepted_at: "2026-12-10" }, "2027-01-06");
const changed: string[] = change ? change.changed : [];
const many: CaseStatuses = p.caseStatuses([], "2026-10-15");
const caseEx: DueExplanation = p.explainCase({ id: "C1", class: "promised", accepted_at: "2026-09-30" }, "2026-10-01");
const month: CalendarDay[] = p.calendarMonth(2026, 10);
const festival: string | null = month[9].festival;

try {
  p.due({ class: "promsied", acceptedAt: "2026-09-30" });
} catch (e) {
  const err = e as ZhiduError;
  const code: ErrorCode = err.code;
  const help: string | null = err.help;
  const line: number | undefined = err.line;
  const ds: Diagnostic[] = err.diagnostics;
}

// Assessment (考核计分) and accountability (责任追究).
const sources: PolicySources = PolicySet.builtinSources();
const withMine: PolicySet = PolicySet.fromToml({ ...sources, "town.toml": "[policy]\nid = \"town\"\n" });
const s14: Policy = ps.policy("s14-window-scorecard");
const hasTable: boolean = s14.hasDeductionTable && !s14.hasAccountabilityRules;
const incidents: Incident[] = [
  { subject: "张三", window: "W01", at: "2026-10-12", rule: "S14.att.1a", quantity: 2 },
  { subject: "张三", window: "W01", at: "2026-10-12T09:00", rule: "S14.att.6", points: 15, note: "吃拿卡要" },
];
const assessReq: AssessRequest = {
  period: "2026-10",
  incidents,
  cases: [{ id: "J1", class: "promised", accepted_at: "2026-10-12", days: 5, joint: true }],
  casePolicy: "s2-service-center",
  roster: [["李四", "W02"], { subject: "王五", window: "W03" }],
  lines: true,
};
const assessment: Assessment = s14.assess(assessReq);
s14.assess({ period: "2026-Q4", incidents: [], roster: { 张三: "W01" } });
const card: Scorecard = assessment.scorecards[0];
const total: number = card.total;
const fines: string = card.fines;
const categoryScores: number[] = card.categories.map((c) => c.score + c.raw_deductions + c.applied_deductions);
const lineQuotes: string[] = card.lines.map((l) => l.rule + l.quote + l.fine);
const lineRows: number[] = card.lines.map((l) => (l.source.from === "incident" ? l.source.row : l.source.overdue_days));
const effectNames: string[] = card.effects.map((e) => e.name);
const badRows: number[] = assessment.errors.map((e) => e.row);
const badCodes: ErrorCode[] = assessment.errors.map((e) => e.error.code);
const ranking: WindowRank[] = s14.rankPeriod(assessReq);
const rankScore: string = ranking[0].score;
const table: DeductionTable = s14.deductionTable();
const found: RuleGroup[] = s14.searchRules("吃拿卡要");
const foundCodes: string[] = found.flatMap((g) => (g.category === null ? g.rules : g.rules.map((r) => `${g.category}:${r}`)));
const points: Points = table.rules[0].points;
const pointRange: string =
  points.type === "range" ? `${points.min}—${points.max}` : points.type === "fixed" ? `${points.value}` : points.type === "choices" ? points.values.join("/") : "—";
const violations: ViolationRecord[] = [{ subject: "张三", at: "2026-10-12", violation: "S2.zr.t1.1", flags: ["caused_delay"] }];
const decideReq: DecideRequest = { violations, asOf: "2026-10-31T23:59:59+08:00" };
const decisions: Decisions = p.decide(decideReq);
const tiers: (number | null)[] = decisions.decisions.map((d) => d.tier);
const escalation: string | undefined = decisions.decisions[0].escalation?.clause;
const highest: (number | null)[] = decisions.subjects.map((x) => x.highest_tier);
const rules: AccountabilityRules = p.accountabilityRules();
const repeat: [string, number] | null = rules.repeat;
const conflictCode: ErrorCode = "conflict";
const s4 = ps.policy("s4-duty-rota");
const rota: Rota = s4.rota({ year: 2027, windows: [{ window: "W01", head: "张三" }], away: [{ window: "W01", from: "2027-01-05", stand_in: "李四" }] });
const conveners: string[] = rota.months.map((m) => m.convener);
const check: PatrolCheck = s4.patrolFailures({ period: "2027-01", log: [{ window: "W01", at: new Date() }], windows: [{ window: "W01" }] });
const shortDays: number[] = check.windows.map((w) => w.days_short);
const incidentRows: Incident[] = check.incidents;
const plan: Obligations = ps.policy("s5-pest-control").obligations({ period: "2027", log: [{ obligation: "rodents-cockroaches", at: "2027-01-15" }] });
const statuses: ("due" | "met" | "late" | "missed")[] = plan.obligations.flatMap((o) => o.occurrences.map((x) => x.status));
const compensation: string | null = decisions.decisions[0].compensation;

// Issue #15: 验厂 triggers and training subsidies (S8), the item flow (S14.biz.1.2a).
const s8 = ps.policy("s8-investment-centre");
const triggersReq: TriggersRequest = { facts: [{ enterprise: "E1", as_of: "2026-09-01", new_contract: true, halt_start: "2026-03-01" }] };
const fired: string[] = s8.triggers(triggersReq).enterprises[0].clauses;
const subsidiesReq: SubsidiesRequest = { trainees: [{ person: "王五", employer: "E1", start: "2027-01-15", end: "2027-04-14" }] };
const subsidies: Subsidies = s8.subsidies(subsidiesReq);
const traineeYuan: string = subsidies.trainee_total;
const partial: PartialMonth[] = subsidies.trainees[0].partial_months;
const flowReq: FlowRequest = { cases: [{ id: "C1", class: "promised", accepted_at: "2026-10-09T09:00+08:00", handler: "张三", events: [{ kind: "step", at: "2026-10-09T09:00", step: "accept" }] }] };
const findings: FlowFindings = ps.policy("s14-window-scorecard").flowFindings(flowReq);
const skipped: string[] = findings.findings[0].skipped;
const triggers: Triggers = s8.triggers(triggersReq);
export { compensation, fired, partial, skipped, traineeYuan, triggers };

// The browser build: the same classes after `await init()`.
async function web(): Promise<string> {
  await init();
  return WebPolicySet.builtin().policy("s2-service-center").due({ class: "promised", acceptedAt: "2026-09-30" }).due_at;
}

// @ts-expect-error `days` is a number, not a string
p.due({ class: "promised", acceptedAt: "2026-09-30", days: "5" });
// @ts-expect-error `acceptedAt` is required
p.due({ class: "promised" });
// @ts-expect-error results are typed: there is no `dueDate`
p.due({ class: "promised", acceptedAt: "2026-09-30" }).dueDate;
// @ts-expect-error a status is one of the seven names
const wrong: CaseStatus["status"] = "late";
// @ts-expect-error event kinds are checked
p.caseStatus({ id: "C", class: "promised", accepted_at: "2026-09-30", events: [{ kind: "pause", at: "x" }] }, "x");

// @ts-expect-error `period` is required
s14.assess({ incidents: [] });
// @ts-expect-error `quantity` is a number
s14.assess({ period: "2026-10", incidents: [{ subject: "张三", at: "2026-10-12", rule: "S14.att.2", quantity: "2" }] });
// @ts-expect-error fines are decimal strings, not numbers
const finesNumber: number = card.fines;
// @ts-expect-error `violations` is required
p.decide({ asOf: "2026-10-31" });

export { assessment, badCodes, badRows, categoryScores, conflictCode, decisions, effectNames, escalation, fines, finesNumber, hasTable, highest, lineQuotes, lineRows, pointRange, rankScore, repeat, rules, table, tiers, total, withMine };
export { all, computable, builtin, caseEx, counted, diagnostics, dueDate, effect, failedRows, festival, first, ids, limits, many, name, perCase, quotes, remaining, sessions, warnings, web, yellow, wrong };

// The language of messages: "zh" | "en" (or a locale name), read back as a `Lang`.
setLang("zh");
const lang: Lang = getLang();
// @ts-expect-error a language is a string
setLang(5);
void lang;

// The monthly report: the report object (rates and means as strings) and its HTML.
const reportRequest: ReportRequest = { period: "2026-10", cases: [{ id: "C1", class: "promised", accepted_at: "2026-10-12", days: 5 }], lang: "en" };
const reportResult: ReportResult = p.report(reportRequest);
const report: Report = reportResult.report;
const onTime: string | null = report.figures.on_time_rate.percent;
const reportHtml: string = reportResult.html;
const worst: string[] = report.longest_overdue.map((c) => c.id);
// @ts-expect-error percentages are decimal strings, not numbers
const onTimeNumber: number = report.figures.on_time_rate.percent;
// @ts-expect-error the language is `zh` or `en`
p.report({ period: "2026-10", lang: "fr" });

// The same report from the texts of picked files (CSV or JSON Lines by name).
const filesRequest: ReportFilesRequest = { period: "2026-10", cases: { name: "cases.jsonl", text: "" }, roster: { name: "roster.csv", text: "subject,window\n" } };
const fromFiles: ReportResult = p.reportFromFiles(filesRequest);
// @ts-expect-error a file is `{ name, text }`, not its text alone
p.reportFromFiles({ period: "2026-10", cases: "{}" });

export { fromFiles, onTime, onTimeNumber, report, reportHtml, worst };

// ZhiduError is a class: `instanceof` narrows, and its key, params and kind's fields are typed.
export function describe(e: unknown): string {
  if (e instanceof ZhiduErrorClass) {
    const key: string | null = e.key;
    const year: number | undefined = e.year;
    const params: { [name: string]: string } = e.params;
    return `${e.code} ${key} ${year} ${Object.keys(params)}`;
  }
  return String(e);
}
const dateColumns: DueColumns = p.dueMany({ class: "promised", acceptedAt: [new Date(), "2026-09-30"] });
const failed: number = dateColumns.error_count;
// Access rules and retention (issue #15 points 4 and 6).
const s12: Policy = ps.policy("s12-confidentiality");
const access: AccessDecisions = s12.access({ requests: [{ subject: "赵六", role: "staff", action: "borrow", level: "秘密" }] });
const verdict: "allow" | "deny" | "allow_with_approval" = access.decisions[0].decision;
const approver: string | undefined = access.decisions[0].approvals[0]?.by;
const kept: Retention = s12.retention({ records: [{ id: "H-1", kind: "held_information" }], asOf: "2027-01-01" });
const keepUntil: string | null = kept.records[0].keep_until;
// @ts-expect-error: a retention request needs `asOf`
s12.retention({ records: [] });
