// ---- zhidu: the shapes of every request and result ----
//
// Results have the same field names as the CLI's `--format json` (snake_case, the core's serde
// shapes); requests use JavaScript naming (`acceptedAt`). Dates are `YYYY-MM-DD` strings,
// instants RFC 3339 strings such as `2026-10-14T00:00:00+08:00`.

/** Policy and calendar files as `{ "name.toml": text, … }`. */
export type PolicySources = Record<string, string>;

/**
 * A language of messages (`setLang`, `getLang`): `"zh"` 简体中文 or `"en"` English. Messages,
 * help texts, diagnostics and explanations follow it; codes, files, lines and columns do not.
 */
export type Lang = "zh" | "en";

/** The stable kinds of error, `ZhiduError.code`. */
export type ErrorCode =
  | "policy"
  | "coverage"
  | "unknown_policy"
  | "unknown_class"
  | "not_in_force"
  | "input"
  | "too_large"
  | "conflict"
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

/** A regulation of the clause index, such as `"S8"` (`PolicySet.clauseCoverage`). */
export type RegulationId = string;

/** `PolicySet.clauseCoverage()`: the regulations' clauses, where each is encoded or why not. */
export interface ClauseCoverage {
  /** Where the clause index's facts come from. */
  source: string;
  regulations: RegulationCoverage[];
  /** Over the regulations returned. */
  totals: CoverageTotals;
  /** The index's reasons table. */
  reasons: { id: string; note: string }[];
}

/** One regulation (`S8`) of `ClauseCoverage`. */
export interface RegulationCoverage {
  id: string;
  title: string;
  /** Its lines in the seed text, such as `495–629`. */
  lines: string;
  clauses: ClauseStatus[];
  totals: CoverageTotals;
}

/** A clause: its kinds, the policy entries that encode it, or the reason none does. */
export interface ClauseStatus {
  id: string;
  line: number | null;
  /** `deadline`, `deduction`, … as regulations.md gives them; `descriptive`, `section`. */
  kinds: string[];
  computable: boolean;
  encoded: { policy: string; entry: string; path: string }[];
  /** An id of the reasons table, such as `no-number` or `planned`. */
  reason: string | null;
  note: string | null;
}

/** A policy's id, such as `"s2-service-center"` (`PolicySet.explain`). */
export type PolicyId = string;

/** A value of a policy file as JSON (`PolicySet.rules`): dates and times are strings. */
export type TomlValue = string | number | boolean | TomlValue[] | { [key: string]: TomlValue };

/** An entry of a policy named by another: its policy, kind and id, and the key that names it. */
export interface PolicyEntryRef {
  policy: string;
  kind: string;
  id: string;
  key: string;
}

/** One entry of a policy file (`PolicySet.rules`): `kind` is its section (`class`, `rule`,
 * `tier`, `access.rule` …), `values` its other keys as written, `defaults` marked `default`
 * (an open parameter A1–A33 as §5 suggests), `deviation` or `choice` (not in §5). */
export interface PolicyEntry {
  policy: string;
  kind: string;
  id: string;
  name: string | null;
  file: string;
  path: string;
  line: number;
  sources: Clause[];
  values: { key: string; value: TomlValue; text: string }[];
  defaults: { key: string | null; param: string; mark: "default" | "deviation" | "choice"; note: string }[];
  refers_to: PolicyEntryRef[];
}

/** `PolicySet.rules(policy)`: every entry of a policy, its own table first. */
export interface PolicyRules {
  policy: string;
  name: string;
  version: string;
  effective_from: string;
  effective_until: string | null;
  file: string;
  entries: PolicyEntry[];
}

/** `PolicySet.explain(code)`: the clause (when the code is one) and every entry with that id. */
export interface CodeExplanation {
  code: string;
  clause: {
    id: string;
    regulation: string | null;
    regulation_title: string | null;
    status: ClauseStatus | null;
    reason_note: string | null;
    cited_by: { entry: PolicyEntryRef; name: string | null; source: Clause }[];
  } | null;
  entries: { entry: PolicyEntry; used_by: PolicyEntryRef[] }[];
}

/** Counts: `encoded + with_reason + missing === computable`. */
export interface CoverageTotals {
  clauses: number;
  computable: number;
  encoded: number;
  with_reason: number;
  planned: number;
  missing: number;
}

/** The values of a message's placeholders, by name (`{ what: "days" }` for `js.missing`). */
export type MessageParams = { [name: string]: string };

/**
 * Every failure is thrown as a `ZhiduError` (`e instanceof ZhiduError`, and an `Error`); for
 * policy files also the place of the first error diagnostic; the fields of a `coverage`
 * error (`calendar`, `year`, `first_year`, `last_year`), of `unknown_policy` and
 * `unknown_class` (`id`, `closest`, `policy`), `not_in_force` (`policy`, `date`) and
 * `too_large` (`what`, `size`, `limit`, `unit`) as properties, as in Python.
 */
export declare class ZhiduError extends Error {
  private constructor(message: string);
  name: "ZhiduError";
  code: ErrorCode;
  /** The message's catalogue id, stable across versions and languages (`js.missing`,
   * `error.coverage` …): to word the message yourself. `null` for a message with no entry. */
  key: string | null;
  /** The values of the message's placeholders. */
  params: MessageParams;
  help: string | null;
  /** Every diagnostic of a `policy` error; empty for the other codes. */
  diagnostics: Diagnostic[];
  file?: string;
  line?: number;
  column?: number;
  path?: string;
  /** For an input row that could not be read: where, and which problem. */
  row?: RowProblemInfo;
  /** `coverage`: the calendar, the year asked for and the years it covers. */
  calendar?: string;
  year?: number;
  first_year?: number;
  last_year?: number;
  /** `unknown_policy`, `unknown_class`: the id asked for and the closest known one. */
  id?: string;
  closest?: string | null;
  /** `unknown_class`, `not_in_force`: the policy asked. */
  policy?: string;
  /** `not_in_force`: the date asked about. */
  date?: string;
  /** `too_large`: what was too large, its size and the limit, in `unit`. */
  what?: string;
  size?: number;
  limit?: number;
  unit?: string;
  /** `conflict`: the clause ids of the rules in conflict. */
  clauses?: string[];
}

/** An input row that could not be read, the same in every host (the CLI's JSON, Python's
 * `row_error`): `row` counts the rows from 1, `line` is the file line when read from a file,
 * `code` the row problem (`missing`, `unknown_field`, `not_text`, `not_whole`,
 * `out_of_range`, `not_instant`, `not_bool`, `not_list`, `bad_event`, `too_many`,
 * `not_record`, `not_json`, `unreadable`, `width`). */
export interface RowProblemInfo {
  kind: "case" | "event" | "incident" | "violation" | "roster" | "due";
  row: number;
  line: number | null;
  field: string | null;
  code: string;
  message: string;
  hint: string | null;
}

/** The unit a deadline class counts in. */
export type Unit = "minutes" | "office_minutes" | "hours" | "working_days" | "calendar_days";

/** A clause of the regulations with a short verbatim quote. */
export interface Clause {
  clause: string;
  quote: string;
  /** Set when the rule comes from outside the seed regulations (a national law): which text. */
  external?: string;
}

/** Something a person should look at; the answer stands. */
export interface Warning {
  /** `outside_usual_range`, `clock_never_started`, `late_extension_ignored`, `late_suspension_ignored`. */
  code: string;
  message: string;
  /** The clause the judgement rests on. */
  clause: string;
  /** The open parameter (A1…A33) or `—` for the engine's documented semantics. */
  default: string | null;
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
  /** RFC 3339 instant, `YYYY-MM-DDTHH:MM` (the calendar's zone) or `YYYY-MM-DD`; or a `Date`,
   * read as the instant it holds (as `dueMany` reads one). */
  acceptedAt: string | Date;
  /** The per-case limit (promised days), for classes that take one. */
  days?: number | null;
}

/** A due date and the instant the case falls due (the end of the due day). */
export interface Due {
  due_date: string;
  due_at: string;
  limit: number;
  unit: Unit;
  /** Empty for most answers; e.g. a promised limit outside the usual range (A3). */
  warnings: Warning[];
  /** The computation touched a provisional year (after the calendar's last State Council
   * notice, its days off derived from the statute). */
  provisional: boolean;
  /** For a provisional answer, the basis of each provisional year it touched. */
  basis: string[];
  /** The rules it was computed under (`Policy.stamp`); set on what `due` returns (a due
   * date inside an explanation or a batch has its container's). */
  stamp?: Stamp;
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
  /** Whether the due day rolled over this day (顺延): a day off it rolled past, or the working day it rolled to. */
  rolled: boolean;
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
  /** The rules it was computed under (`Policy.stamp`). */
  stamp: Stamp;
}

/** What `dueMany` takes: one column of acceptances and optionally one of day counts. */
export interface DueManyRequest {
  class: string;
  /** Strings as in `due`, or `Date`s (each the instant it holds; an invalid `Date` is a
   * failed row). */
  acceptedAt: readonly (string | Date)[];
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
  /** The message's catalogue id, as `ZhiduError.key`. */
  key: string | null;
  params: MessageParams;
  message: string;
  help: string | null;
  /** For a row that could not be read. */
  row?: RowProblemInfo;
  /** `coverage`: the calendar, the year asked for and the years it covers. */
  calendar?: string;
  year?: number;
  first_year?: number;
  last_year?: number;
}

/** What `dueMany` returns: columns in row order, `null` where a row failed. */
export interface DueColumns {
  due_date: (string | null)[];
  due_at: (string | null)[];
  /** Whether each answer touched a provisional year (`null` for a row that fails). */
  provisional: (boolean | null)[];
  /** The basis of every provisional year any row touched, once each. */
  basis: string[];
  /** The first 1,000 failed rows in full (every failed row is `null` in the columns). */
  errors: RowError[];
  /** How many rows failed, listed or not. */
  error_count: number;
  /** The rules the dates were computed under (`Policy.stamp`). */
  stamp: Stamp;
}

/** An event of a case's clock, as in a case log. */
export type CaseEvent =
  | { kind: "suspend"; at: string; reason: string }
  | { kind: "resume"; at: string }
  | { kind: "extend"; at: string; days: number; approved_by?: string | null }
  | { kind: "start"; at: string }
  /** A step of the item flow done (S14.biz.1.2a), by id or name; the clock ignores it. */
  | { kind: "step"; at: string; step: string };

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
  /** A joint case (联办件): overdue pieces are priced by the joint-item rules (S14.biz.1.4c)
   * and charged to the responsible window (A18, A19). A class that is joint by nature (S7's)
   * needs no flag. */
  joint?: boolean;
}

export type Status =
  | "not_yet_accepted"
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
  /** Empty for most cases: `outside_usual_range`, `clock_never_started`, `late_extension_ignored`, `late_suspension_ignored`. */
  warnings: Warning[];
  /** The computation touched a provisional year (see `Due.provisional`). */
  provisional: boolean;
  /** For a provisional status, the basis of each provisional year it touched. */
  basis: string[];
  /** The rules it was computed under (`Policy.stamp`); set on what `caseStatus` returns
   * (the statuses of `caseStatuses` share the batch's `stamp`). */
  stamp?: Stamp;
}

/** How a case's answer changes when a notice file replaces a provisional year. */
export interface CaseChange {
  id: string;
  /** Which of `due_date`, `status` and `overdue_days` differ, in that order. */
  changed: ("due_date" | "status" | "overdue_days")[];
  /** The status without the notice. */
  old: CaseStatus;
  /** The status with the notice. */
  new: CaseStatus;
  /** The class or suspension reasons whose values differ, else the calendar. */
  responsible: Responsible[];
}

/** What `caseStatuses` returns: statuses in case order, `null` where a case failed. */
export interface CaseStatuses {
  statuses: (CaseStatus | null)[];
  errors: RowError[];
  /** The rules the statuses were computed under (`Policy.stamp`). */
  stamp: Stamp;
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
  /** The last year with a State Council notice; later years up to `last_year` are
   * provisional (derived from the statute). */
  last_notice_year: number;
  first_year: number;
  last_year: number;
  source: string;
  defaults: DefaultNote[];
}

/** A policy's own office hours (not the calendar's), with the clause that states them. */
export interface OfficeSessions {
  /** Half-open sessions such as `[["08:30", "11:00"], ["14:30", "17:00"]]`. */
  sessions: [string, string][];
  /** Kept on the calendar's working days, or every day (holidays too). */
  days: "working_days" | "every_day";
  source: Clause;
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
  /** The policy's office sessions; null when its regulation states none. */
  office_sessions: OfficeSessions | null;
  source: string;
  file: string;
  defaults: DefaultNote[];
  classes: ClassInfo[];
  suspensions: SuspensionInfo[];
}

// ---- Assessment (考核计分) ----

/** One recorded incident, as a line of an incident log. */
export interface Incident {
  /** The person (or, for window-charged rules, anyone on the window). */
  subject: string;
  window?: string | null;
  department?: string | null;
  /** RFC 3339 instant, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD` (the calendar's zone). */
  at: string;
  /** The rule code, a clause id such as `S14.att.1a`. */
  rule: string;
  /** Units of the rule; 1 if absent. */
  quantity?: number | null;
  /** The chosen magnitude for range or choice rules, without sign (`15` for 扣10—20分). */
  points?: number | null;
  case?: string | null;
  /** The assessor's reason; required with `points` chosen in a discretionary range (A6). */
  note?: string | null;
  /** For S2.kq.5: the S2.assess deduction whose amount, unit and category apply (A30). */
  basis?: string | null;
  /** The deed, event or case: bonuses of one family with the same subject and `ref` count
   * once, at the highest level (A33). */
  ref?: string | null;
}

/** A roster entry: a person and their window. */
export type RosterEntry = readonly [subject: string, window: string] | { subject: string; window: string };

/** What `assess` and `rankPeriod` take. */
export interface AssessRequest {
  /** A month `2026-10`, a quarter `2026-Q4` or a year `2026`. */
  period: string;
  /** Incident rows; a bad row is reported in `errors`, never thrown. */
  incidents?: readonly Incident[];
  /** Cases (as in a case log) whose overdue pieces are deducted automatically. */
  cases?: readonly Case[] | null;
  /** The deadline policy the cases are under (this policy if absent). */
  casePolicy?: string | null;
  /** Everyone to score, incidents or not: pairs, objects, or `{ subject: window }`. */
  roster?: readonly RosterEntry[] | Readonly<Record<string, string>> | null;
  /** Whether cards list every line (default true). */
  lines?: boolean | null;
}

export type RuleKind = "deduction" | "bonus" | "effect_only";
export type RuleUnit =
  | "occurrence"
  | "person_time"
  | "piece"
  | "piece_day"
  | "half_day"
  | "discovery"
  | "item"
  | "title"
  | "proposal";
export type Charge = "person" | "window" | "person_and_window";
export type PeriodKind = "month" | "quarter" | "year";

/** One category of a scorecard. */
export interface CategoryScore {
  id: string;
  name: string;
  maximum: number;
  floor: number;
  /** Every deduction in the category, before the floor. */
  raw_deductions: number;
  /** Deductions after the floor (扣完为止). */
  applied_deductions: number;
  score: number;
}

/** Where a line came from: an incident row (1-based) or an overdue case. */
export type LineSource =
  | { from: "incident"; row: number }
  | { from: "case"; id: string; overdue_days: number };

/** One scored incident on a scorecard. */
export interface Line {
  /** The rule code, which is the clause id. */
  rule: string;
  /** The policy that defines the rule when the assessing policy imports it (`[[import]]`). */
  imported_from: string | null;
  /** The Chinese source text of the rule. */
  quote: string;
  category: string | null;
  kind: RuleKind;
  unit: RuleUnit;
  quantity: number;
  /** Signed points per unit. */
  points_each: number;
  /** Signed points of the line. */
  points: number;
  /** Yuan, a decimal string with two places. */
  fine: string;
  /** Yuan withheld from the month's bonus (扣除当月奖励), apart from fines. */
  withholding: string;
  /** The rule whose amount, unit and category the line takes (S2.kq.5, A30). */
  basis: string | null;
  /** The deed, event or case the line is about. */
  ref: string | null;
  /** Another line of the same family, subject and `ref` counts instead: this one counts 0 (A33). */
  superseded: boolean;
  effects: string[];
  at: string;
  case: string | null;
  note: string | null;
  source: LineSource;
  /** The §5 defaults the line relies on (e.g. `A6` when no points were chosen). */
  defaults: string[];
}

/** An effect that applies to a scorecard. */
export interface EffectHit {
  id: string;
  /** Such as 取消年度评先资格. */
  name: string;
  rule: string;
  at: string;
}

/** A person's or a window's scorecard for a period. */
export interface Scorecard {
  subject: string;
  kind: "person" | "window";
  window: string | null;
  period: string;
  categories: CategoryScore[];
  /** Bonus points, outside the categories. */
  bonus: number;
  /** Σ category scores + bonus. */
  total: number;
  /** Yuan, a decimal string with two places. */
  fines: string;
  /** Yuan withheld from the month's bonus (扣除当月奖励, S14.att.6), apart from fines. */
  withholdings: string;
  /** Effects in time order; an annual one (取消年度评先资格) stays for the rest of its year. */
  effects: EffectHit[];
  /** Every line in time order (empty with `lines: false`). */
  lines: Line[];
}

/** The error of a row, in the core's error shape. */
export interface ErrorInfo {
  code: ErrorCode;
  /** The message's catalogue id and its values, as `ZhiduError.key` (in `assess` and
   * `decide` results). */
  key?: string | null;
  params?: MessageParams;
  message: string;
  help: string | null;
  diagnostics: Diagnostic[];
  /** For a row that could not be read. */
  row?: RowProblemInfo;
}

/** A row of `assess` or `decide` that could not be used. */
export interface InputRowError {
  /** Which rows: `incident` or `case` (of `assess`), `violation` (of `decide`). */
  input: "incident" | "case" | "violation" | "roster" | "request" | "record";
  /** 1-based row among the incidents, cases or violations. */
  row: number;
  error: ErrorInfo;
}

/** What `assess` returns. */
export interface Assessment {
  policy: string;
  period: string;
  /** Person cards by subject, then window cards by window. */
  scorecards: Scorecard[];
  /** Rows that could not be scored; every other row is scored. */
  errors: InputRowError[];
  /** Incidents outside the period: counted, not scored (an annual effect of one earlier in
   * the calendar year still reaches the cards). */
  outside_period: number;
  outside_rows: number[];
  /** Late cases of the period no overdue rule prices (complaint replies, 即收即办): counted. */
  unpriced_late: number;
  unpriced_rows: number[];
  /** The rules the cards were scored under (`Policy.stamp`); set by `assess` (a report's
   * assessment has none: the report's own `stamp` names its rules). */
  stamp?: Stamp;
}

/** Why a window cannot be 红旗窗口 this period. */
export interface Disqualification {
  effect: string;
  name: string;
  rule: string;
  /** The policy that defines the rule when the ranking policy imports it. */
  imported_from: string | null;
  subject: string;
}

/** A window's place in the ranking (`rankPeriod`). */
export interface WindowRank {
  /** 1-based; equal scores share a rank. */
  rank: number;
  window: string;
  /** Two decimal places, as a string. */
  score: string;
  members: number;
  eligible: boolean;
  disqualified_by: Disqualification[];
}

/** Points per unit of a rule. */
export type Points =
  | { type: "none" }
  | { type: "fixed"; value: number }
  | { type: "range"; min: number; max: number }
  | { type: "choices"; values: number[] };

/** A rule of a deduction table. */
export interface RuleInfo {
  code: string;
  /** The policy that defines the rule when this one imports it (`[[import]]`). */
  imported_from: string | null;
  category: string | null;
  kind: RuleKind;
  unit: RuleUnit;
  points: Points;
  /** Yuan per unit, two places. */
  fine: string;
  /** Yuan withheld from the month's bonus per unit (扣除当月奖励), two places. */
  withholding: string;
  /** S2.kq.5: the code prefix of the rule a row names in `basis` (A30). */
  basis_from: string | null;
  /** A row must give `points` (A7; a level that is a fact). */
  points_required: boolean;
  effects: string[];
  charge: Charge;
  from_overdue_cases: boolean;
  quote: string;
  versions: number;
  defaults: DefaultNote[];
}

export interface CategoryInfo {
  id: string;
  name: string;
  maximum: number;
  floor: number;
  source: Clause;
  defaults: DefaultNote[];
}

export interface EffectInfo {
  id: string;
  name: string;
  /** Whether it disqualifies a window from 红旗窗口. */
  disqualifying: boolean;
  /** The policy that defines the effect when it came with an imported rule. */
  imported_from: string | null;
  source: Clause;
  defaults: DefaultNote[];
}

/** A policy's deduction table (`deductionTable`). */
export interface DeductionTable {
  policy: string;
  period: PeriodKind;
  categories: CategoryInfo[];
  rules: RuleInfo[];
  effects: EffectInfo[];
  source: Clause | null;
  defaults: DefaultNote[];
}

/** The rules of one category a search found (`searchRules`). */
export interface RuleGroup {
  /** The category's id; `null` for the rules outside every category (bonuses, effects only). */
  category: string | null;
  /** The codes of the rules found, in the table's order. */
  rules: string[];
}

// ---- Accountability (责任追究) ----

/** A recorded violation. */
export interface ViolationRecord {
  subject: string;
  at: string;
  /** The violation's clause id, such as `S2.zr.t1.1`. */
  violation: string;
  /** Flag ids set by a person (情节严重, 构成犯罪 …). */
  flags?: string[];
  note?: string | null;
  /** The original price of the item, for a clause of 照价赔偿: a number or decimal text. */
  amount?: number | string | null;
}

/** What `decide` takes. */
export interface DecideRequest {
  violations: readonly ViolationRecord[];
  /** Records after this instant are not yet known and not decided. */
  asOf?: string | Date | null;
}

export interface PriorDecision {
  row: number;
  at: string;
  violation: string;
  tier: number | null;
}

export interface Escalation {
  kind: "repeat" | "complaints";
  clause: string;
  refers_to: PriorDecision | null;
  count: number | null;
}

/** The decision for one violation. */
export interface Decision {
  row: number;
  subject: string;
  at: string;
  violation: string;
  /** The clause that decided the tier: the violation, or the exception that refined it. */
  applied: string;
  tier: number | null;
  tier_name: string | null;
  measures: string[];
  needs_review: boolean;
  review_reasons: string[];
  escalation: Escalation | null;
  /** A higher tier a person should consider (never applied automatically). */
  candidate_tier: number | null;
  /** The flags recorded, then those they imply. */
  flags: string[];
  /** The clauses that applied: the deciding one, the recorded one, escalations, then the
   * clauses of flags that did something (chose the exception, added a measure, sent to
   * review, counted toward an escalation). */
  clauses: string[];
  note: string | null;
  /** What the subject pays at the original price (照价赔偿), a decimal string; null without. */
  compensation: string | null;
}

export interface SubjectSummary {
  subject: string;
  highest_tier: number | null;
  decisions: number;
  needs_review: number;
}

/** What `decide` returns. */
export interface Decisions {
  policy: string;
  decisions: Decision[];
  /** Rows that could not be decided (unknown codes or flags, conflicts). */
  errors: InputRowError[];
  subjects: SubjectSummary[];
  after_as_of: number;
  /** The rules the decisions were taken under (`Policy.stamp`). */
  stamp: Stamp;
}

export interface TierInfo {
  level: number;
  name: string;
  measures: string[];
  source: Clause;
  defaults: DefaultNote[];
}

export interface FlagInfo {
  id: string;
  name: string;
  adds_measures: string[];
  needs_review: boolean;
  /** Why it sends to review, when the policy says. */
  review_reason: string | null;
  /** It sends to review only decisions below this tier (and manual ones). */
  review_below_tier: number | null;
  /** The flags it implies: recording it records them too (`major_loss` → `loss`, `considerable_impact`). */
  implies: string[];
  source: Clause;
  defaults: DefaultNote[];
}

export interface ViolationInfo {
  code: string;
  name: string;
  /** Null when a person decides, or when the clause gives only an effect (`needs_review` false). */
  tier: number | null;
  /** Measures the clause names itself (S7.art7.3c's effect, S10.cn.3's 按违纪论处), after the tier's. */
  measures: string[];
  /** Whether every decision under it goes to a person. */
  needs_review: boolean;
  review_reason: string | null;
  /** 照价赔偿: a decision under it carries the record's `amount`. */
  compensation: boolean;
  /** The clause its repeat escalates to, when not the policy's (S2.fq.4 → S2.fq.4c). */
  repeat_escalation: string | null;
  refines: string | null;
  when_flags: string[];
  priority: number | null;
  candidate_only: boolean;
  source: Clause;
  defaults: DefaultNote[];
}

/** A policy's accountability rules (`accountabilityRules`). */
export interface AccountabilityRules {
  policy: string;
  tiers: TierInfo[];
  flags: FlagInfo[];
  violations: ViolationInfo[];
  /** The repeat escalation: clause and months. */
  repeat: [clause: string, months: number] | null;
  /** The complaint escalation: clause, months and threshold. */
  complaints: [clause: string, months: number, threshold: number] | null;
  /** Groups of codes that are one conduct for repeats (A11): S2's [["S2.zr.t1.2", "S2.fq.4"]]. */
  same_conduct: string[][];
  source: Clause | null;
  defaults: DefaultNote[];
}

/** What `report` reads: the period and the rows, as `assess` and `decide` read them. */
export interface ReportRequest {
  /** `2026-10`, `2026-Q4` or `2026`. */
  period: string;
  cases?: readonly Case[] | null;
  incidents?: readonly Incident[] | null;
  /** The violation history (earlier rows count toward repeats). */
  violations?: readonly ViolationRecord[] | null;
  roster?: readonly RosterEntry[] | Readonly<Record<string, string>> | null;
  /** Statuses and decisions as of this instant (default and latest: the period's last second). */
  asOf?: string | Date | null;
  /** The policy whose deadline classes the cases use (default: this one). */
  casePolicy?: string | null;
  /** The previous period's case log (it may be the same rows), for the month-on-month change. */
  previousCases?: readonly Case[] | null;
  /** The previous period's incidents, for its mean score. */
  previousIncidents?: readonly Incident[] | null;
  /** The HTML report's labels: `zh` (default) or `en`. */
  lang?: "zh" | "en" | null;
}

/** A file the user picked, as `reportFromFiles` reads it. */
export interface RowsFile {
  /** The file's name: JSON Lines when it ends in `.jsonl`, `.ndjson` or `.json`, CSV otherwise. */
  name: string;
  /** The file's text (`await file.text()`). */
  text: string;
}

/** What `reportFromFiles` reads: the request of `report` with a file for each kind of rows. */
export interface ReportFilesRequest {
  /** `2026-10`, `2026-Q4` or `2026`. */
  period: string;
  /** The case log (JSON Lines or CSV). */
  cases: RowsFile;
  /** Incidents (`subject,window,at,rule,quantity,points,note`). */
  incidents?: RowsFile | null;
  /** The violation history (earlier rows count toward repeats). */
  violations?: RowsFile | null;
  /** `subject,window` of everyone to score; an entry that cannot be read throws. */
  roster?: RowsFile | null;
  /** Statuses and decisions as of this instant (default and latest: the period's last second). */
  asOf?: string | Date | null;
  /** The policy whose deadline classes the cases use (default: this one). */
  casePolicy?: string | null;
  /** The previous period's case log, for the month-on-month change. */
  previousCases?: RowsFile | null;
  /** The previous period's incidents, for its mean score. */
  previousIncidents?: RowsFile | null;
  /** The HTML report's labels: `zh` (default) or `en`. */
  lang?: "zh" | "en" | null;
}

/** A rate as the fraction it is, with its percentage (two decimals, half away from zero). */
export interface Rate {
  numerator: number;
  denominator: number;
  /** `100 × numerator ÷ denominator` as a string, `null` when the denominator is 0. */
  percent: string | null;
}

/** Case counts by status (statuses without cases are absent). */
export interface StatusCounts {
  not_started?: number;
  on_track?: number;
  yellow?: number;
  red?: number;
  suspended?: number;
  done_on_time?: number;
  done_late?: number;
}

/** The supervisor's figures of one group of cases (README, *Monthly report*). */
export interface Figures {
  /** The window, class or item; `""` for the whole period, `complaints` for the complaints. */
  key: string;
  by_status: StatusCounts;
  /** Received in the period, completed in it, or open at its end. */
  cases: number;
  received: number;
  completed: number;
  completed_on_time: number;
  completed_late: number;
  completed_early: number;
  /** 按时办结率: completed on time ÷ completed. */
  on_time_rate: Rate;
  open: number;
  open_overdue: number;
  /** Completed late plus open and past due. */
  overdue: number;
  /** Overdue ÷ (completed + open). */
  overdue_rate: Rate;
  /** Mean working days to complete, two decimals, as a string. */
  days_mean: string | null;
  /** 90th percentile (nearest rank) of the working days to complete. */
  days_p90: number | null;
  suspended_cases: number;
  suspensions: number;
  extended_cases: number;
  extensions: number;
  extension_units: number;
}

/** The previous period's figures. */
export interface PreviousPeriod {
  period: string;
  figures: Figures;
  mean_score: string | null;
}

/** This period minus the previous one (rates in percentage points, as strings). */
export interface Change {
  received: number;
  completed: number;
  on_time_rate_points: string | null;
  overdue: number;
  overdue_rate_points: string | null;
  days_mean: string | null;
  open: number;
}

/** Raw deductions of one category over every person's card. */
export interface CategoryDeduction {
  category: string;
  name: string;
  points: number;
}

/** A person's highest tier among the period's decisions (`null`: a person decides). */
export interface HighestTier {
  subject: string;
  tier: number | null;
}

/** The report of a period: the same object as `zhidu report --format json`. */
export interface Report {
  policy: string;
  policy_name: string;
  period: string;
  as_of: string;
  cases_total: number;
  cases_provisional: number;
  provisional_basis: string[];
  figures: Figures;
  by_window: Figures[];
  by_class: Figures[];
  by_item: Figures[];
  complaints: Figures;
  top_windows: string[];
  bottom_windows: string[];
  yellow: CaseStatus[];
  red: CaseStatus[];
  /** The ten longest-overdue open cases. */
  longest_overdue: CaseStatus[];
  previous: PreviousPeriod | null;
  change: Change | null;
  case_errors: InputRowError[];
  assessment: Assessment | null;
  mean_score: string | null;
  deductions_by_category: CategoryDeduction[];
  ranking: WindowRank[];
  decisions: Decision[];
  decision_errors: InputRowError[];
  highest_tiers: HighestTier[];
  /** The rules it was computed under. */
  stamp: Stamp;
}

/** The identity of the rules an answer was computed under (`Policy.stamp`, `Report.stamp`). */
export interface Stamp {
  policy: string;
  version: string;
  /** `YYYY-MM-DD`. */
  effective_from: string;
  /** SHA-256 (hex) of the policy set's files, independent of names and load order. */
  hash: string;
}

/** A class, rule, tier … whose values differ between two policies and that a row used. */
export interface Responsible {
  kind: "class" | "suspension" | "calendar" | "rule" | "category" | "effect" | "violation" | "tier" | "flag" | "escalation";
  id: string;
}

/** A scorecard's values on one side of a what-if. */
export interface ScoreSide {
  total: number;
  fines: string;
  withholdings: string;
  effects: string[];
}

/** A scorecard whose score, fines, withholdings or effects change. */
export interface ScoreChange {
  subject: string;
  kind: "person" | "window";
  window: string | null;
  changed: ("total" | "fines" | "withholdings" | "effects" | "card")[];
  before: ScoreSide | null;
  after: ScoreSide | null;
  responsible: Responsible[];
}

/** A window's ranking on one side of a what-if. */
export interface RankSide {
  rank: number;
  score: string;
  eligible: boolean;
}

/** A window whose rank, ranking score or eligibility changes. */
export interface RankChange {
  window: string;
  changed: ("rank" | "score" | "eligible" | "window")[];
  before: RankSide | null;
  after: RankSide | null;
  responsible: Responsible[];
}

/** A decision of the period whose tier changes. */
export interface DecisionChange {
  row: number;
  subject: string;
  at: string;
  violation: string;
  before: number | null;
  after: number | null;
  responsible: Responsible[];
}

/** The same inputs under two policies (`whatIf`, `zhidu diff --format json`). */
export interface WhatIf {
  before: Stamp;
  after: Stamp;
  period: string;
  as_of: string;
  totals: {
    cases: number;
    people: number;
    window_cards: number;
    ranks: number;
    decisions: number;
    /** Rows that could not be used under one side or both. */
    skipped: number;
  };
  cases: CaseChange[];
  scorecards: ScoreChange[];
  ranks: RankChange[];
  decisions: DecisionChange[];
  /** Rows that could not be read, or answered under one side or both: in no list above. */
  skipped: WhatIfSkipped[];
}

/** A row a what-if could not use, with its side (`both`: unreadable, or failed alike). */
export interface WhatIfSkipped {
  side: "before" | "after" | "both";
  input: "incident" | "case" | "violation" | "roster";
  row: number;
  error: ErrorInfo;
}

/** What `whatIf` returns: the diff and its self-contained HTML page. */
export interface WhatIfResult {
  diff: WhatIf;
  html: string;
}

/** What `report` returns: the report and its self-contained HTML (inline CSS and SVG, A4). */
export interface ReportResult {
  report: Report;
  html: string;
}

/** A window of the ordered rota list, with its head (the duty officer, S4.est.2). */
export interface DutyWindowRow {
  window: string;
  head?: string | null;
}

/** What `rota` takes: the year, the ordered windows (default: the policy's own, A25) and
 * officers away with their stand-ins (S4.req.3). */
export interface RotaRequest {
  year: number;
  windows?: readonly DutyWindowRow[] | null;
  away?: readonly { window: string; from: string | Date; until?: string | Date | null; stand_in?: string | null }[] | null;
}

export interface StandIn {
  from: string;
  until: string;
  stand_in: string | null;
  row: number;
}

export interface DutyAssignment {
  window: string;
  officer: string | null;
  position: number;
  convener: boolean;
  stand_ins: StandIn[];
}

export interface RotaMonth {
  /** `YYYY-MM`. */
  month: string;
  duty: DutyAssignment[];
  convener: string;
}

/** What `rota` returns. */
export interface Rota {
  policy: string;
  year: number;
  windows: number;
  per_month: number;
  months: RotaMonth[];
  unused_rows: number[];
  clauses: string[];
  defaults: DefaultNote[];
  errors: InputRowError[];
  /** The rules it was computed under (`Policy.stamp`). */
  stamp: Stamp;
}

/** What `patrolFailures` takes. */
export interface PatrolRequest {
  period: string;
  log: readonly { window: string; at: string | Date; by?: string | null }[];
  windows?: readonly DutyWindowRow[] | null;
}

export interface WindowPatrols {
  month: string;
  window: string;
  officer: string | null;
  days: number;
  patrols: number;
  days_short: number;
}

/** A day short of patrols (S4.req.1). */
export interface DutyFailure {
  window: string;
  officer: string | null;
  date: string;
  patrols: number;
  required: number;
  clauses: string[];
}

/** A window's days short in a month as the incident row `assess` takes (S4.req.4). */
export interface FailureIncident {
  subject: string;
  window: string;
  at: string;
  rule: string;
  quantity: number;
  note: string;
}

/** What `patrolFailures` returns. */
export interface PatrolCheck {
  policy: string;
  period: string;
  per_day: number;
  windows: WindowPatrols[];
  failures: DutyFailure[];
  incidents: FailureIncident[];
  ignored_rows: number[];
  clauses: string[];
  defaults: DefaultNote[];
  errors: InputRowError[];
  /** The rules it was computed under (`Policy.stamp`). */
  stamp: Stamp;
}

/** What `obligations` takes: without `log`, only the schedule. */
export interface ObligationsRequest {
  period: string;
  log?: readonly { obligation: string; at: string | Date; by?: string | null }[] | null;
}

export interface Occurrence {
  opens: string;
  due: string;
  late_until: string | null;
  status: "due" | "met" | "late" | "missed";
  done_at: string | null;
  by: string | null;
  row: number | null;
}

export interface ObligationOutcome {
  id: string;
  what: string;
  charge: string;
  cadence: "monthly" | "business_days" | "before_holiday_blocks" | "before_opening";
  clauses: string[];
  defaults: DefaultNote[];
  occurrences: Occurrence[];
  met: number;
  late: number;
  missed: number;
}

/** An obligation with no period (定期, A32), with the reason. */
export interface Unscheduled {
  id: string;
  what: string;
  clauses: string[];
  reason: string;
  defaults: DefaultNote[];
}

/** What `obligations` returns. */
export interface Obligations {
  policy: string;
  period: string;
  judged: boolean;
  obligations: ObligationOutcome[];
  unscheduled: Unscheduled[];
  due: number;
  met: number;
  late: number;
  missed: number;
  unmatched_rows: number[];
  errors: InputRowError[];
  /** The rules it was computed under (`Policy.stamp`). */
  stamp: Stamp;
}

/** An access request (`access`, issue #15 point 4). */
export interface AccessRequest {
  subject: string;
  /** The person's role or level, as the policy names it (id or display name). */
  role: string;
  /** `read`, `copy`, `borrow`, `lend`, `take_out`, `repair`, `share` … */
  action: string;
  item?: string | null;
  /** The item's secrecy level (绝密, 机密, 秘密 …). */
  level?: string | null;
  /** The item's scope item when it has no level. */
  scope?: string | null;
  /** Facts the rules read (approvals given, `work_need` …): a list or a `;`-separated text. */
  facts?: string[] | string;
  note?: string | null;
}

/** What `access` takes. */
export interface AccessRequestBatch {
  requests: readonly AccessRequest[];
}

export interface ApprovalNeed {
  id: string;
  name: string;
  by: string;
  given: boolean;
}

export interface AccessCondition {
  id: string;
  text: string;
}

/** The answer to one access request. */
export interface AccessDecision {
  row: number;
  subject: string;
  role: string;
  action: string;
  item: string | null;
  level: string | null;
  decision: "allow" | "deny" | "allow_with_approval";
  approvals: ApprovalNeed[];
  conditions: AccessCondition[];
  /** The rules that decided (empty when the policy's `otherwise` answered). */
  rules: string[];
  reasons: string[];
  clauses: string[];
  defaults: DefaultNote[];
  note: string | null;
}

/** What `access` returns. */
export interface AccessDecisions {
  policy: string;
  decisions: AccessDecision[];
  /** Rows that could not be answered (unknown role, level, scope, action or fact). */
  errors: InputRowError[];
  /** The rules it was computed under (`Policy.stamp`). */
  stamp: Stamp;
}

/** A record to keep (`retention`, issue #15 point 6). */
export interface RetentionRecord {
  id: string;
  kind: string;
  /** The record's date (required by period rules). */
  date?: string | Date | null;
  /** When the event of an event rule happened (made public, discarded). */
  event_on?: string | Date | null;
  note?: string | null;
}

/** What `retention` takes. */
export interface RetentionRequest {
  records: readonly RetentionRecord[];
  /** The day asked, `YYYY-MM-DD`. */
  asOf: string | Date;
}

/** One record's keep-until day and status. */
export interface RetentionLine {
  row: number;
  id: string;
  kind: string;
  rule: string;
  rule_name: string;
  date: string | null;
  /** The last day kept; null while the record waits for an event. */
  keep_until: string | null;
  until_event: string | null;
  status: "keep" | "past" | "destroy";
  clauses: string[];
  defaults: DefaultNote[];
  note: string | null;
}

/** What `retention` returns. */
export interface Retention {
  policy: string;
  as_of: string;
  records: RetentionLine[];
  /** The ids past keeping or to destroy. */
  past: string[];
  errors: InputRowError[];
  /** The rules it was computed under (`Policy.stamp`). */
  stamp: Stamp;
}

/** A row of `triggers`: the facts about one enterprise on the day it applies (S8.verify). */
export interface EnterpriseFactsRow {
  enterprise: string;
  /** The day of the application. */
  as_of: string | Date;
  new_enterprise?: boolean;
  new_contract?: boolean;
  halt_start?: string | Date;
  /** The day production resumed; absent while the halt lasts until `as_of`. */
  halt_end?: string | Date;
  beyond_scope?: boolean;
  /** The quantity the new contract declares: a number or decimal text. */
  declared?: number | string;
  /** Contracts executed, each `date=quantity`: a list or one `;`-separated text. */
  writeoffs?: string[] | string;
  rent_arrears_months?: number;
  wage_arrears_months?: number;
  /** Another reason to verify, recorded by a person (S8.verify.7). */
  other?: string;
}

/** What `triggers` takes. */
export interface TriggersRequest {
  facts: readonly EnterpriseFactsRow[];
}

/** A 验厂 trigger that fired. */
export interface FiredTrigger {
  clause: string;
  name: string;
  check: "capacity" | "operations" | "other";
  /** Why, with the numbers compared. */
  reason: string;
  defaults: DefaultNote[];
}

/** What `triggers` returns. */
export interface Triggers {
  policy: string;
  enterprises: {
    row: number;
    enterprise: string;
    as_of: string;
    fired: FiredTrigger[];
    clauses: string[];
  }[];
  errors: InputRowError[];
  /** The rules it was computed under (`Policy.stamp`). */
  stamp: Stamp;
}

/** A row of `subsidies`: one trainee of the 随岗培训班 (S8.train.1). */
export interface TraineeRow {
  person: string;
  employer: string;
  /** The first day of training. */
  start: string | Date;
  /** The last day of training (included). */
  end: string | Date;
}

/** What `subsidies` takes. */
export interface SubsidiesRequest {
  trainees: readonly TraineeRow[];
}

/** A month the training covers in part: for a person to decide (A27). */
export interface PartialMonth {
  month: string;
  from: string;
  to: string;
  days: number;
  of_days: number;
}

/** What `subsidies` returns; money as decimal strings. */
export interface Subsidies {
  policy: string;
  trainees: {
    row: number;
    person: string;
    employer: string;
    start: string;
    end: string;
    full_months: string[];
    trainee_amount: string;
    employer_amount: string;
    partial_months: PartialMonth[];
    needs_decision: boolean;
    clauses: string[];
  }[];
  employers: {
    employer: string;
    trainees: number;
    person_months: number;
    amount: string;
    partial_months: number;
  }[];
  trainee_total: string;
  employer_total: string;
  needs_decision: number;
  defaults: DefaultNote[];
  errors: InputRowError[];
  /** The rules it was computed under (`Policy.stamp`). */
  stamp: Stamp;
}

/** What `flowFindings` takes: a case log with `step` events. */
export interface FlowRequest {
  cases: readonly Case[];
}

/** A case that skipped or reordered a step of the item flow (S14.biz.1.2a). */
export interface FlowFinding {
  row: number;
  case: string;
  subject: string;
  window: string | null;
  at: string;
  logged: string[];
  skipped: string[];
  out_of_order: string[];
  rule: string;
  reason: string;
  clauses: string[];
}

/** What `flowFindings` returns. */
export interface FlowFindings {
  policy: string;
  steps: string[];
  findings: FlowFinding[];
  checked: number;
  unlogged: number;
  defaults: DefaultNote[];
  errors: InputRowError[];
  /** The rules it was computed under (`Policy.stamp`). */
  stamp: Stamp;
}
