//! One entry function per fuzz target: bytes in, nothing out. Each must return for every
//! input without panicking; where the answer has cheap invariants it checks them with
//! `assert!`, so a violated invariant is a finding like a panic.
//!
//! Shared by the libFuzzer targets (`fuzz/fuzz_targets/*.rs`) and the stable regression test
//! (`crates/zhidu/tests/fuzz_regressions.rs` includes this file by path), so the two cannot
//! drift. Input formats (what `fuzz/seeds.py` writes):
//!
//! | target | input |
//! |---|---|
//! | `loader` | the text of one policy or calendar file (TOML) |
//! | `csv_rows`, `jsonl_rows` | a first line naming the row kind (`incident`, `case`, `event`, `violation`, `roster`, `due`), then the file |
//! | `row_schema` | bytes for `arbitrary`: a tree of cells read as a row of each kind, and columns read as a frame |
//! | `clock` | bytes for `arbitrary`: a shipped class, acceptance, limit, events, completion, as-of |
//! | `assess` | a first line `POLICY PERIOD`, then incidents CSV, optionally `\0` roster CSV and `\0` case log (JSON Lines) |
//! | `decide` | a first line `POLICY [AS_OF]`, then violations CSV |

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use zhidu::rows::{self, Cell, Column, FromRow, RosterEntry};
use zhidu::{
    AssessRequest, Case, CaseEvent, Error, Incident, Lang, PolicySet, Start, Status,
    ViolationRecord,
};

/// The shipped policies, loaded once.
pub fn builtin() -> &'static PolicySet {
    static SET: OnceLock<PolicySet> = OnceLock::new();
    SET.get_or_init(|| match PolicySet::builtin() {
        Ok(ps) => ps,
        Err(e) => panic!("the builtin policies do not load: {e}"),
    })
}

/// An error must say something, in both languages.
fn check_error(e: &Error) {
    assert!(!e.to_string().is_empty(), "empty message: {e:?}");
    assert!(
        !e.message_in(Lang::Zh).is_empty(),
        "empty zh message: {e:?}"
    );
    assert!(!e.code().is_empty());
}

/// The text of the input, or `None` for bytes that are not UTF-8 (every reader takes text).
fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Split off the first line.
fn first_line(text: &str) -> (&str, &str) {
    match text.split_once('\n') {
        Some((head, rest)) => (head.trim(), rest),
        None => (text.trim(), ""),
    }
}

// ------------------------------------------------------------------------------- loader

/// A policy (or calendar) file, loaded beside the shipped calendars (one load per input: the
/// loader is the slowest target, and loading alone adds little but a missing calendar).
pub fn loader(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let mut sources: Vec<(&str, &str)> = PolicySet::builtin_sources()
        .iter()
        .filter(|(name, _)| name.contains("calendars/"))
        .copied()
        .collect();
    sources.push(("fuzz.toml", text));
    match PolicySet::from_sources(&sources) {
        Ok(ps) => {
            for p in ps.policies() {
                assert!(!p.id().is_empty());
                for c in p.classes() {
                    assert!(ps.policy(p.id()).is_ok_and(|q| q.class(c.id()).is_ok()));
                }
            }
        }
        Err(e) => {
            check_error(&e);
            for d in e.diagnostics() {
                assert!(!d.to_string().is_empty());
            }
        }
    }
}

// ------------------------------------------------------------------------------- rows

/// Every row read is a value or a row error numbered inside the file.
fn check_lined<T>(rows: &[rows::Lined<T>], lines: usize) {
    for (n, (line, row)) in rows.iter().enumerate() {
        assert!(*line >= 1 && usize::try_from(*line).is_ok_and(|l| l <= lines + 1));
        if let Err(e) = row {
            assert_eq!(e.row, n + 1, "row error numbered {} at {}", e.row, n + 1);
            assert!(!e.to_string().is_empty());
            check_error(&Error::from(e.clone()));
        }
    }
}

fn read_text<T: FromRow>(body: &str, jsonl: bool) {
    let lines = body.lines().count();
    let read = if jsonl {
        rows::read_jsonl::<T>(body.as_bytes())
    } else {
        rows::read_csv::<T>(body.as_bytes())
    };
    match read {
        Ok(rows) => check_lined(&rows, lines),
        Err(e) => check_error(&e),
    }
}

fn rows_of_kind(data: &[u8], jsonl: bool) {
    let Some(text) = text(data) else { return };
    let (kind, body) = first_line(text);
    match kind {
        "case" => read_text::<Case>(body, jsonl),
        "event" => read_text::<CaseEvent>(body, jsonl),
        "violation" => read_text::<ViolationRecord>(body, jsonl),
        "roster" => {
            read_text::<RosterEntry>(body, jsonl);
            let name = if jsonl { "roster.jsonl" } else { "roster.csv" };
            if let Err(e) = rows::read_roster(name, body.as_bytes()) {
                check_error(&e);
            }
        }
        "due" => read_text::<rows::DueRow>(body, jsonl),
        _ => read_text::<Incident>(body, jsonl),
    }
}

/// CSV rows of one kind.
pub fn csv_rows(data: &[u8]) {
    rows_of_kind(data, false);
}

/// JSON Lines rows of one kind.
pub fn jsonl_rows(data: &[u8]) {
    rows_of_kind(data, true);
}

/// A [`Cell`] as `arbitrary` builds it (the core's type has no `Arbitrary`).
#[derive(Arbitrary, Debug)]
enum FuzzCell {
    Missing,
    Text(String),
    Field(u8),
    Integer(i64),
    Float(f64),
    Bool(bool),
    Date(i32),
    Instant(i64, i32),
    List(Vec<FuzzCell>),
    Record(Vec<(u8, FuzzCell)>),
    Other(String),
}

/// Field names the schemas know, so records hit real fields most of the time.
const FIELDS: [&str; 24] = [
    "subject",
    "window",
    "at",
    "rule",
    "quantity",
    "points",
    "note",
    "ref",
    "basis",
    "case",
    "department",
    "id",
    "class",
    "accepted_at",
    "days",
    "handler",
    "events",
    "completed_at",
    "joint",
    "kind",
    "reason",
    "violation",
    "flags",
    "start",
];

fn field(i: u8) -> String {
    FIELDS
        .get(usize::from(i) % (FIELDS.len() + 1))
        .map_or_else(|| "x".to_owned(), |s| (*s).to_owned())
}

fn cell(c: FuzzCell, depth: u32) -> Cell {
    if depth > 6 {
        return Cell::Missing;
    }
    match c {
        FuzzCell::Missing => Cell::Missing,
        FuzzCell::Text(s) => Cell::Text(s),
        FuzzCell::Field(i) => Cell::Text(field(i)),
        FuzzCell::Integer(i) => Cell::Integer(i),
        FuzzCell::Float(f) => Cell::Float(f),
        FuzzCell::Bool(b) => Cell::Bool(b),
        FuzzCell::Date(d) => chrono::NaiveDate::from_num_days_from_ce_opt(d)
            .map_or(Cell::Missing, |d| Cell::Instant(Start::Date(d))),
        FuzzCell::Instant(secs, off) => FixedOffset::east_opt(off % 86_400)
            .and_then(|o| o.timestamp_opt(secs, 0).single())
            .map_or(Cell::Missing, |t| Cell::Instant(Start::Instant(t))),
        FuzzCell::List(items) => {
            Cell::List(items.into_iter().map(|c| cell(c, depth + 1)).collect())
        }
        FuzzCell::Record(fields) => Cell::Record(
            fields
                .into_iter()
                .map(|(k, c)| (field(k), cell(c, depth + 1)))
                .collect(),
        ),
        FuzzCell::Other(s) => Cell::Other(s),
    }
}

#[derive(Arbitrary, Debug)]
enum FuzzColumn {
    Cells(Vec<FuzzCell>),
    Texts(Vec<i64>, Vec<String>),
    Integers(Vec<i64>),
    Floats(Vec<f64>),
    Days(Vec<i64>),
    Seconds(Vec<i64>, bool),
}

fn column(c: FuzzColumn) -> Column {
    match c {
        FuzzColumn::Cells(cells) => Column::Cells(cells.into_iter().map(|c| cell(c, 0)).collect()),
        FuzzColumn::Texts(codes, texts) => Column::Texts { codes, texts },
        FuzzColumn::Integers(v) => Column::Integers(v),
        FuzzColumn::Floats(v) => Column::Floats(v),
        FuzzColumn::Days(v) => Column::Days(v),
        FuzzColumn::Seconds(seconds, utc) => Column::Seconds { seconds, utc },
    }
}

fn read_cells<T: FromRow>(row: &Cell, columns: &[(String, Column)], n: usize) {
    if let Err(e) = rows::read::<T>(row.clone(), 1) {
        assert_eq!(e.row, 1);
        check_error(&Error::from(e));
    }
    match rows::read_frame::<T>("fuzz", n, columns) {
        Ok(rows) => {
            assert_eq!(rows.len(), n);
            for r in rows.iter().filter_map(|r| r.as_ref().err()) {
                check_error(r);
            }
        }
        Err(e) => check_error(&e),
    }
}

/// The core's row schema over host-neutral cells: one row of each kind from a cell tree, and
/// a frame of columns.
pub fn row_schema(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok((row, cols, n)) = <(FuzzCell, Vec<(u8, FuzzColumn)>, u8)>::arbitrary(&mut u) else {
        return;
    };
    let row = cell(row, 0);
    let columns: Vec<(String, Column)> = cols
        .into_iter()
        .map(|(k, c)| (field(k), column(c)))
        .collect();
    let n = usize::from(n % 16);
    read_cells::<Incident>(&row, &columns, n);
    read_cells::<Case>(&row, &columns, n);
    read_cells::<CaseEvent>(&row, &columns, n);
    read_cells::<ViolationRecord>(&row, &columns, n);
    read_cells::<RosterEntry>(&row, &columns, n);
    read_cells::<rows::DueRow>(&row, &columns, n);
}

// ------------------------------------------------------------------------------- clock

#[derive(Arbitrary, Debug)]
struct FuzzEvent {
    kind: u8,
    /// Minutes after the event before (negative: before it).
    after: i32,
    reason: u8,
    days: u32,
    /// Write the instant as a plain date.
    as_date: bool,
}

#[derive(Arbitrary, Debug)]
struct FuzzCase {
    class: u16,
    /// Minutes from 2025-01-01 00:00 +08:00 (kept inside the shipped calendar's notices).
    accepted: u32,
    as_date: bool,
    days: Option<u32>,
    events: Vec<FuzzEvent>,
    completed: Option<i32>,
    as_of: i32,
}

fn check_status(p: &zhidu::Policy, case: &Case, as_of: DateTime<FixedOffset>) {
    let s = match p.case_status(case, as_of) {
        Ok(s) => s,
        Err(e) => return check_error(&e),
    };
    let offset = p.calendar().offset();
    let Ok(accepted) = case.accepted_at.instant_in(offset) else {
        return;
    };
    if let Some(due) = s.due_at {
        assert!(
            due >= accepted,
            "due {due} before acceptance {accepted}: {s:?}"
        );
        assert!(s.due_date.is_some(), "{s:?}");
    }
    match s.status {
        Status::Red | Status::DoneLate => {
            assert!(s.overdue_days >= 1 && s.due_at.is_some(), "{s:?}");
            assert!(s.remaining.is_none(), "{s:?}");
        }
        Status::DoneOnTime => {
            assert!(
                s.completed_at.is_some() && s.due_at.is_none_or(|d| s.completed_at <= Some(d)),
                "{s:?}"
            );
            assert_eq!(s.overdue_days, 0, "{s:?}");
        }
        Status::OnTrack | Status::Yellow => {
            assert!(s.remaining.is_some(), "{s:?}");
            assert!(s.due_at.is_some_and(|d| d >= as_of), "{s:?}");
            assert_eq!(s.overdue_days, 0, "{s:?}");
        }
        Status::Suspended => assert!(s.due_at.is_none() && s.remaining.is_some(), "{s:?}"),
        Status::NotStarted => assert!(s.due_at.is_none(), "{s:?}"),
        Status::NotYetAccepted => assert!(accepted > as_of, "{s:?}"),
    }
    if s.status.is_done() {
        assert!(s.completed_at.is_some_and(|c| c <= as_of), "{s:?}");
    }
    // Remaining counts days up to the due day: never more than the days left until it, and
    // for working days never more than the limit (with its extensions). A calendar-day limit
    // rolled past days off counts the rolled-over days too (README "Where the documents are
    // silent", d), so it may pass the limit: the fuzzer's first finding was this invariant.
    if let (Some(r), true) = (s.remaining, s.unit.is_days()) {
        if let Some(due) = s.due_date {
            let left = (due - as_of.with_timezone(&offset).date_naive()).num_days() + 1;
            assert!(
                i64::try_from(r).is_ok_and(|r| r <= left.max(0)),
                "remaining {r} > {left} days left: {s:?}"
            );
        }
        if s.unit == zhidu::Unit::WorkingDays {
            assert!(
                r <= u64::from(s.limit),
                "remaining {r} > limit {}: {s:?}",
                s.limit
            );
        }
    }
    // The same log later: a case late at one instant stays late (or done) afterwards.
    if s.status == Status::Red {
        if let Some(later) = as_of.checked_add_signed(Duration::days(3)) {
            if let Ok(t) = p.case_status(case, later) {
                assert!(
                    matches!(t.status, Status::Red | Status::DoneLate),
                    "red at {as_of} but {:?} at {later}",
                    t.status
                );
            }
        }
    }
}

/// The case clock of a shipped class on a structured log.
pub fn clock(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(input) = FuzzCase::arbitrary(&mut u) else {
        return;
    };
    let ps = builtin();
    let classes: Vec<(&zhidu::Policy, String)> = ps
        .policies()
        .flat_map(|p| p.classes().map(move |c| (p, c.id().to_owned())))
        .collect();
    if classes.is_empty() {
        return;
    }
    let Some((p, class)) = classes.get(usize::from(input.class) % classes.len()) else {
        return;
    };
    let offset = p.calendar().offset();
    let Some(origin) = offset.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).single() else {
        return;
    };
    let minutes = |m: i64| origin.checked_add_signed(Duration::minutes(m));
    // Two years of minutes: the shipped calendar's notices cover 2025–2026.
    let Some(accepted) = minutes(i64::from(input.accepted % (2 * 365 * 1440))) else {
        return;
    };
    let start = |t: DateTime<FixedOffset>, as_date: bool| {
        if as_date {
            Start::Date(t.date_naive())
        } else {
            Start::Instant(t)
        }
    };
    let mut reasons: Vec<String> = p.suspensions().map(|s| s.id().to_owned()).collect();
    reasons.push("no-such-reason".to_owned());
    let mut case = Case::new(
        "F",
        class.as_str(),
        start(accepted, input.as_date),
        input.days.map(|d| d % 400),
    );
    let mut last = accepted;
    for e in input.events.iter().take(12) {
        last = last
            .checked_add_signed(Duration::minutes(i64::from(e.after % 20_000)))
            .unwrap_or(last);
        let at = start(last, e.as_date);
        let reason = reasons
            .get(usize::from(e.reason) % reasons.len())
            .cloned()
            .unwrap_or_default();
        case.events.push(match e.kind % 4 {
            0 => CaseEvent::Suspend { at, reason },
            1 => CaseEvent::Resume { at },
            2 => CaseEvent::Extend {
                at,
                days: e.days % 50,
                approved_by: None,
                reason: Some(reason),
            },
            _ => CaseEvent::Start { at },
        });
    }
    case.completed_at = input
        .completed
        .and_then(|m| accepted.checked_add_signed(Duration::minutes(i64::from(m % 200_000))))
        .map(Start::Instant);
    let Some(as_of) =
        accepted.checked_add_signed(Duration::minutes(i64::from(input.as_of % 200_000)))
    else {
        return;
    };
    check_status(p, &case, as_of);
    // Without events, the case clock and the class's due date agree.
    if case.events.is_empty() {
        if let Ok(c) = p.class(class) {
            if c.clock_start() == zhidu::ClockStart::Acceptance {
                if let Ok(due) = c.due(case.accepted_at, case.days) {
                    assert!(due.due_at >= accepted, "due before start: {due:?}");
                    let bare = Case::new("F", class.as_str(), case.accepted_at, case.days);
                    if let Ok(s) = p.case_status(&bare, due.due_at) {
                        assert_eq!(s.due_at, Some(due.due_at), "{s:?} vs {due:?}");
                    }
                }
            }
        }
    }
}

// ------------------------------------------------------------------------------- scoring

fn values<T>(rows: Vec<rows::Lined<T>>) -> Vec<Result<T, Error>> {
    rows.into_iter()
        .map(|(_, r)| r.map_err(Error::from))
        .collect()
}

/// Scoring: incidents (and a roster, a case log) of a period under a shipped policy.
pub fn assess(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let (head, body) = first_line(text);
    let mut words = head.split_whitespace();
    let (Some(policy), Some(period)) = (words.next(), words.next()) else {
        return;
    };
    let ps = builtin();
    let Ok(p) = ps.policy(policy) else { return };
    let Ok(period) = period.parse() else { return };
    let mut parts = body.split('\0');
    let incidents = match rows::read_csv::<Incident>(parts.next().unwrap_or_default().as_bytes()) {
        Ok(rows) => values(rows),
        Err(e) => return check_error(&e),
    };
    let roster = match parts
        .next()
        .map(|r| rows::read_roster("roster.csv", r.as_bytes()))
    {
        None => Vec::new(),
        Some(Ok(r)) => r,
        Some(Err(e)) => return check_error(&e),
    };
    let cases = match parts.next().map(|c| rows::read_jsonl::<Case>(c.as_bytes())) {
        None => Vec::new(),
        Some(Ok(c)) => values(c),
        Some(Err(e)) => return check_error(&e),
    };
    let mut req = AssessRequest::new(period)
        .incident_rows(&incidents)
        .roster_rows(&roster);
    if !cases.is_empty() {
        req = req.case_rows(p, &cases);
    }
    let a = match p.assess(&req) {
        Ok(a) => a,
        Err(e) => return check_error(&e),
    };
    for e in &a.errors {
        let of = match e.input {
            "incident" => incidents.len(),
            "roster" => roster.len(),
            _ => cases.len(),
        };
        assert!(
            e.row >= 1 && e.row <= of,
            "row {} of {of} {}",
            e.row,
            e.input
        );
        check_error(&e.error);
    }
    assert_eq!(a.outside_period, a.outside_rows.len());
    for card in &a.scorecards {
        let sum: i64 = card.categories.iter().map(|c| c.score).sum();
        assert_eq!(card.total, sum + card.bonus, "{card:?}");
        for c in &card.categories {
            assert!(c.score >= c.floor && c.score <= c.maximum, "{c:?}");
            assert_eq!(
                c.score,
                (c.maximum - c.applied_deductions).max(c.floor),
                "{c:?}"
            );
        }
    }
    if let Err(e) = p.rank(&a) {
        check_error(&e);
    }
    // Without lines the same cards, the same totals.
    if let Ok(b) = p.assess(&req.lines(false)) {
        let totals = |x: &zhidu::Assessment| -> Vec<(String, i64)> {
            x.scorecards
                .iter()
                .map(|c| (c.subject.clone(), c.total))
                .collect()
        };
        assert_eq!(totals(&a), totals(&b));
    }
}

/// Decisions: violation rows under a shipped policy, as of an instant or not.
pub fn decide(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let (head, body) = first_line(text);
    let mut words = head.split_whitespace();
    let Some(policy) = words.next() else { return };
    let ps = builtin();
    let Ok(p) = ps.policy(policy) else { return };
    let as_of = match words.next() {
        Some(t) => match Start::parse_instant(t, p.calendar().offset()) {
            Ok(t) => Some(t),
            Err(e) => return check_error(&e),
        },
        None => None,
    };
    let records = match rows::read_csv::<ViolationRecord>(body.as_bytes()) {
        Ok(rows) => values(rows),
        Err(e) => return check_error(&e),
    };
    match p.decide(&records, as_of) {
        Ok(d) => {
            for e in &d.errors {
                assert!(e.row >= 1 && e.row <= records.len());
                check_error(&e.error);
            }
        }
        Err(e) => check_error(&e),
    }
}

// ------------------------------------------------------------------------------- new kinds

/// Each row error is numbered inside its input and says something, in both languages.
fn check_rows(errors: &[zhidu::SkippedRow], rows: usize) {
    for e in errors {
        assert!(e.row >= 1 && e.row <= rows, "row {} of {rows}", e.row);
        check_error(&e.error);
    }
}

/// The rows of the body, as JSON Lines when it starts with `{`, CSV otherwise.
fn body_rows<T: FromRow>(body: &str) -> Result<Vec<Result<T, Error>>, Error> {
    let read = if body.trim_start().starts_with('{') {
        rows::read_jsonl::<T>(body.as_bytes())
    } else {
        rows::read_csv::<T>(body.as_bytes())
    };
    read.map(values)
}

/// The new kinds (issue #15) answered under a shipped policy: a first line
/// `KIND POLICY [ARG]` — `access`, `retention DATE`, `triggers`, `flow`, `patrols PERIOD`,
/// `obligations PERIOD`, `subsidies`, `rota YEAR` (the body is the away list) — then the rows
/// as CSV or JSON Lines. Every row is answered or is one row error numbered inside the input.
pub fn kinds(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let (head, body) = first_line(text);
    let mut words = head.split_whitespace();
    let (Some(kind), Some(policy)) = (words.next(), words.next()) else {
        return;
    };
    let arg = words.next().unwrap_or_default();
    let Ok(p) = builtin().policy(policy) else {
        return;
    };
    let answered = match kind {
        "access" => body_rows::<zhidu::AccessRequest>(body).and_then(|r| {
            let d = p.access(&r)?;
            assert_eq!(d.decisions.len() + d.errors.len(), r.len());
            check_rows(&d.errors, r.len());
            Ok(())
        }),
        "retention" => body_rows::<zhidu::RetentionRecord>(body).and_then(|r| {
            let Ok(as_of) = arg.parse() else {
                return Ok(());
            };
            let d = p.retention(&r, as_of)?;
            assert_eq!(d.records.len() + d.errors.len(), r.len());
            assert!(d.past.len() <= d.records.len());
            check_rows(&d.errors, r.len());
            Ok(())
        }),
        "triggers" => body_rows::<zhidu::EnterpriseFacts>(body).and_then(|r| {
            let d = p.triggers(&r)?;
            check_rows(&d.errors, r.len());
            Ok(())
        }),
        "flow" => body_rows::<Case>(body).and_then(|r| {
            let d = p.flow_findings(&r)?;
            assert!(d.checked + d.unlogged + d.errors.len() <= r.len());
            check_rows(&d.errors, r.len());
            Ok(())
        }),
        "patrols" => body_rows::<rows::Patrol>(body).and_then(|r| {
            let d = p.patrol_failures(arg.parse()?, &[], &r)?;
            check_rows(&d.errors, r.len());
            assert!(d.ignored_rows.iter().all(|&i| i >= 1 && i <= r.len()));
            Ok(())
        }),
        "obligations" => body_rows::<rows::Action>(body).and_then(|r| {
            let d = p.obligations(arg.parse()?, Some(&r))?;
            assert_eq!(d.due, d.met + d.late + d.missed, "{d:?}");
            check_rows(&d.errors, r.len());
            Ok(())
        }),
        "subsidies" => body_rows::<zhidu::Trainee>(body).and_then(|r| {
            let d = p.subsidies(&r)?;
            check_rows(&d.errors, r.len());
            Ok(())
        }),
        "rota" => body_rows::<rows::Away>(body).and_then(|r| {
            let Ok(year) = arg.parse() else { return Ok(()) };
            let d = p.rota(year, &[], &r)?;
            check_rows(&d.errors, r.len());
            Ok(())
        }),
        _ => Ok(()),
    };
    if let Err(e) = answered {
        check_error(&e);
    }
}
