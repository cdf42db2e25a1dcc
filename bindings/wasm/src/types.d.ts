// ---- zhidu: the shapes of every request and result ----
//
// Results have the same field names as the CLI's `--format json` (snake_case, the core's serde
// shapes); requests use JavaScript naming (`acceptedAt`). Dates are `YYYY-MM-DD` strings,
// instants RFC 3339 strings such as `2026-10-14T00:00:00+08:00`.

/** Policy and calendar files as `{ "name.toml": text, … }`. */
export type PolicySources = Record<string, string>;

/** The stable kinds of error, `ZhiduError.code`. */
export type ErrorCode =
  | "policy"
  | "coverage"
  | "unknown_policy"
  | "unknown_class"
  | "not_in_force"
  | "input"
  | "too_large"
  | "io";

/** One located problem in a policy file (lines and columns 1-based, columns in characters). */
export interface Diagnostic {
  severity: "error" | "warning";
  file: string;
  line: number;
  column: number;
  /** TOML key path such as `class[2].unit`. */
  path: string;
  message: string;
  help: string | null;
}

/**
 * Every failure is thrown as an `Error` with `name === "ZhiduError"` and these properties;
 * for policy files also the place of the first error diagnostic.
 */
export interface ZhiduError extends Error {
  name: "ZhiduError";
  code: ErrorCode;
  help: string | null;
  /** Every diagnostic of a `policy` error; empty for the other codes. */
  diagnostics: Diagnostic[];
  file?: string;
  line?: number;
  column?: number;
  path?: string;
}

/** The unit a deadline class counts in. */
export type Unit = "minutes" | "office_minutes" | "hours" | "working_days" | "calendar_days";

/** A clause of the regulations with a short verbatim quote. */
export interface Clause {
  clause: string;
  quote: string;
}

/** A value the regulations leave open, set as a default (`param`: A1…A33, or `—`). */
export interface DefaultNote {
  key: string | null;
  param: string;
  note: string;
}

/** What `due`, `explain` and `yellowFrom` take. */
export interface DueRequest {
  /** Deadline class or service item id, such as `promised`. */
  class: string;
  /** RFC 3339 instant, `YYYY-MM-DDTHH:MM` (the calendar's zone) or `YYYY-MM-DD`. */
  acceptedAt: string;
  /** The per-case limit (promised days), for classes that take one. */
  days?: number | null;
}

/** A due date and the instant the case falls due (the end of the due day). */
export interface Due {
  due_date: string;
  due_at: string;
  limit: number;
  unit: Unit;
}

export type DayKindName = "workday" | "makeup_workday" | "weekend" | "holiday";

/** One day between the start day and the due day, counted or skipped. */
export interface DayStep {
  date: string;
  kind: DayKindName;
  festival: string | null;
  /** Position in the count (1 = first counted day), or null if not counted. */
  counted: number | null;
  note: string | null;
}

/** A due date with the reasoning behind it (`zhidu due --format json`). */
export interface DueExplanation {
  policy: string;
  policy_version: string;
  class: string;
  class_name: string;
  start: string;
  due: Due;
  days: DayStep[];
  clauses: Clause[];
  clause_ids: string[];
  defaults: DefaultNote[];
  notices: string[];
  rules: string[];
}

/** What `dueMany` takes: one column of acceptances and optionally one of day counts. */
export interface DueManyRequest {
  class: string;
  acceptedAt: readonly string[];
  /**
   * One count per row, or none at all. In a plain array `null` (or `undefined`) means no
   * count for that row; in a typed array every cell is a count, and a negative, fractional or
   * `NaN` cell is an error for its row.
   */
  days?: Int32Array | Uint32Array | Float64Array | readonly (number | null)[] | null;
}

/** One failed row of a column batch. */
export interface RowError {
  index: number;
  code: ErrorCode;
  message: string;
  help: string | null;
}

/** What `dueMany` returns: columns in row order, `null` where a row failed. */
export interface DueColumns {
  due_date: (string | null)[];
  due_at: (string | null)[];
  errors: RowError[];
}

/** An event of a case's clock, as in a case log. */
export type CaseEvent =
  | { kind: "suspend"; at: string; reason: string }
  | { kind: "resume"; at: string }
  | { kind: "extend"; at: string; days: number; approved_by?: string | null }
  | { kind: "start"; at: string };

/** A case (办件) as one line of a case log. */
export interface Case {
  id: string;
  /** Deadline class or service item id. */
  class: string;
  accepted_at: string;
  days?: number | null;
  handler?: string | null;
  window?: string | null;
  events?: CaseEvent[];
  completed_at?: string | null;
}

export type Status =
  | "not_started"
  | "on_track"
  | "yellow"
  | "red"
  | "suspended"
  | "done_on_time"
  | "done_late";

/** A case's status at an instant (`zhidu cases --format json`). */
export interface CaseStatus {
  id: string;
  class: string;
  status: Status;
  due_date: string | null;
  due_at: string | null;
  limit: number;
  unit: Unit;
  remaining: number | null;
  overdue_days: number;
  legal_due_date: string | null;
  completed_at: string | null;
  handler: string | null;
  window: string | null;
  clauses: string[];
}

/** What `caseStatuses` returns: statuses in case order, `null` where a case failed. */
export interface CaseStatuses {
  statuses: (CaseStatus | null)[];
  errors: RowError[];
}

/** One day of a calendar month. */
export interface CalendarDay {
  date: string;
  kind: DayKindName;
  festival: string | null;
  notice: string | null;
}

/** A working-day calendar. */
export interface CalendarInfo {
  id: string;
  name: string;
  utc_offset: string;
  first_year: number;
  last_year: number;
  /** Half-open sessions such as `[["08:30", "11:00"], ["14:30", "17:00"]]`. */
  office_sessions: [string, string][];
  source: string;
  defaults: DefaultNote[];
}

/** A deadline class or service item. */
export interface ClassInfo {
  id: string;
  /** The class id (differs from `id` for a service item). */
  class: string;
  name: string;
  unit: Unit;
  /** Whether a case may give `days` (the limit is promised per case). */
  per_case: boolean;
  /** The limit used when a case gives none; null when every case must give `days`. */
  limit: number | null;
  usual_range: [number, number] | null;
  legal_limit: number | null;
  /** Yellow when this many units or fewer are left. */
  warn_before: number;
  max_extension: number;
  clock_starts: "acceptance" | "start_event";
  roll_to_working_day: boolean;
  source: Clause;
  also: string[];
  defaults: DefaultNote[];
}

/** A reason a case clock may stop. */
export interface SuspensionInfo {
  id: string;
  name: string;
  effect: "pause" | "restart";
  source: Clause;
  defaults: DefaultNote[];
}

/** A policy with its calendar, classes and suspension reasons. */
export interface PolicyInfo {
  id: string;
  name: string;
  version: string;
  effective_from: string;
  effective_until: string | null;
  calendar: CalendarInfo;
  day_ends_at: "midnight" | "office_close";
  source: string;
  file: string;
  defaults: DefaultNote[];
  classes: ClassInfo[];
  suspensions: SuspensionInfo[];
}
