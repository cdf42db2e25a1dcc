// A typed use of every export and result shape, checked by `tsc --noEmit` (test.sh). It is
// never run; the `@ts-expect-error` lines prove the types are not `any`.
import {
  PolicySet,
  Policy,
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
} from "../pkg/node/zhidu_wasm.js";
import init, { PolicySet as WebPolicySet } from "../pkg/web/zhidu_wasm.js";

const ps: PolicySet = PolicySet.builtin();
const own: PolicySet = PolicySet.fromToml({ "town.toml": "[policy]\nid = \"town\"\n" });
const diagnostics: Diagnostic[] = PolicySet.checkToml({ "town.toml": "" });
const ids: string[] = ps.policyIds;
const warnings: Diagnostic[] = own.warnings;
const builtin: boolean = ps.isBuiltin;
const all: Policy[] = ps.policies();
const p: Policy = ps.policy("s2-service-center");
const name: string = p.name + p.id + p.version;

const info: PolicyInfo = p.info();
const perCase: boolean[] = info.classes.map((c) => c.per_case);
const limits: (number | null)[] = info.classes.map((c) => c.limit);
const sessions: [string, string][] = info.calendar.office_sessions;
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

export { all, builtin, caseEx, counted, diagnostics, dueDate, effect, failedRows, festival, first, ids, limits, many, name, perCase, quotes, remaining, sessions, warnings, web, yellow, wrong };
