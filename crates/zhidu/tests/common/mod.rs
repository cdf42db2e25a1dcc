//! Shared by the fuzz and hostile-input suites: fixtures with extreme settings, and the checks
//! every answer must pass whatever the input (a typed error with a message and, for policy
//! errors, a location that exists in the file).

#![allow(
    dead_code,
    reason = "each test binary uses its own part of the shared helpers"
)]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use zhidu::{Error, PolicySet};

/// The error kinds of `Error::code()`, as the README lists them.
pub const CODES: [&str; 9] = [
    "policy",
    "coverage",
    "unknown_policy",
    "unknown_class",
    "not_in_force",
    "input",
    "too_large",
    "conflict",
    "io",
];

/// Cases per property: `PROPTEST_CASES` when set (long local runs), else `default` (the
/// committed suite stays fast).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The longest one call may take before it counts as a hang (debug build, shared machine).
pub const SLOW: Duration = Duration::from_secs(5);

/// Run `f` and fail if it takes longer than [`SLOW`].
pub fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    let took = t.elapsed();
    assert!(took < SLOW, "{what} took {took:?}");
    out
}

/// A message in the house style: not empty, lowercase start, no final period.
pub fn check_message(what: &str, m: &str) {
    assert!(!m.trim().is_empty(), "{what}: empty message");
    let first = m.chars().next().unwrap_or(' ');
    assert!(
        !first.is_ascii_uppercase(),
        "{what}: message starts uppercase: {m}"
    );
    assert!(!m.ends_with('.'), "{what}: message ends with a period: {m}");
}

/// Every error is typed, has a message, and a policy error's diagnostics point into the
/// files that were given (`sources`, or none to skip the location check).
pub fn check_error(e: &Error, sources: &[(&str, &str)]) {
    assert!(CODES.contains(&e.code()), "unknown code {}", e.code());
    check_message(e.code(), &e.to_string());
    if let Some(h) = e.help() {
        assert!(!h.trim().is_empty(), "empty help on {e}");
    }
    if e.code() == "policy" {
        assert!(
            !e.diagnostics().is_empty(),
            "policy error without diagnostics"
        );
        assert!(
            e.diagnostics()
                .iter()
                .any(|d| d.severity == zhidu::Severity::Error),
            "policy error without an error diagnostic"
        );
    } else {
        assert!(e.diagnostics().is_empty());
    }
    check_diagnostics(e.diagnostics(), sources);
    // Every host sees the same JSON shape.
    let v = serde_json::to_value(e).unwrap();
    assert_eq!(v["code"], e.code());
}

/// Each diagnostic names a given file and a line and column inside it (0:0 for none).
pub fn check_diagnostics(diags: &[zhidu::Diagnostic], sources: &[(&str, &str)]) {
    for d in diags {
        check_message("diagnostic", &d.message);
        if sources.is_empty() {
            continue;
        }
        let Some((_, text)) = sources.iter().find(|(n, _)| *n == d.file) else {
            panic!("diagnostic names file `{}` not given: {d}", d.file);
        };
        if d.line == 0 {
            assert_eq!(d.column, 0, "{d}");
            continue;
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(
            (d.line as usize) <= lines.len(),
            "line {} of {} lines: {d}",
            d.line,
            lines.len()
        );
        let line = lines[d.line as usize - 1];
        let width = line.chars().count() as u32;
        assert!(
            d.column >= 1 && d.column <= width + 1,
            "column {} of a {width}-character line: {d}",
            d.column
        );
    }
}

/// A calendar file covering `first..=last` with no holidays (every year has its entry).
pub fn calendar_toml(id: &str, offset: &str, first: i32, last: i32) -> String {
    let mut s = format!(
        "[calendar]\nid = \"{id}\"\nname = \"test\"\nutc_offset = \"{offset}\"\n\
         first_year = {first}\nlast_year = {last}\nweekend = [\"saturday\", \"sunday\"]\n\
         source = \"test\"\n"
    );
    for y in first..=last {
        let _ = write!(s, "\n[[year]]\nyear = {y}\nnotice = \"n{y}\"\n");
    }
    s
}

/// A calendar covering `first..=last` whose first year has a holiday block and a make-up day.
pub fn calendar_with_festival(id: &str, offset: &str, first: i32, last: i32) -> String {
    let mut s = format!(
        "[calendar]\nid = \"{id}\"\nname = \"test\"\nutc_offset = \"{offset}\"\n\
         first_year = {first}\nlast_year = {last}\nweekend = [\"saturday\", \"sunday\"]\n\
         source = \"test\"\n"
    );
    for y in first..=last {
        let _ = write!(s, "\n[[year]]\nyear = {y}\nnotice = \"n{y}\"\n");
        if y == first {
            // January 1st–3rd off, the first Saturday of the year worked.
            let sat = (1..=7)
                .map(|d| chrono::NaiveDate::from_ymd_opt(y, 1, d).unwrap())
                .find(|d| chrono::Datelike::weekday(d) == chrono::Weekday::Sat)
                .unwrap();
            let holidays: Vec<String> = (1..=3)
                .map(|d| chrono::NaiveDate::from_ymd_opt(y, 1, d).unwrap())
                .filter(|d| *d != sat)
                .map(|d| d.to_string())
                .collect();
            let _ = write!(
                s,
                "[[year.festival]]\nname = \"元旦\"\nholidays = [{}]\nworkdays = [{sat}]\n",
                holidays.join(", ")
            );
        }
    }
    s
}

/// A policy with a class of every unit and every setting at its extreme; its office
/// sessions are 08:30–11:00 and 14:30–`close`.
pub fn all_units_policy(id: &str, calendar: &str, office_close: bool, close: &str) -> String {
    let day_end = if office_close {
        "office_close"
    } else {
        "midnight"
    };
    format!(
        r#"[policy]
id = "{id}"
name = "all units"
version = "1"
effective_from = 1949-01-01
calendar = "{calendar}"
source = "test"
day_ends_at = "{day_end}"

[policy.office_sessions]
sessions = [["08:30", "11:00"], ["14:30", "{close}"]]
source = {{ clause = "T.0", quote = "q" }}

[[class]]
id = "wd"
name = "working days"
unit = "working_days"
per_case = true
max_extension = 4294967295
warn_before = 4294967295
source = {{ clause = "T.1", quote = "q" }}

[[class]]
id = "wd_fixed"
name = "fixed working days"
unit = "working_days"
limit = 10
legal_limit = 20
source = {{ clause = "T.2", quote = "q" }}

[[class]]
id = "cd"
name = "calendar days, rolled"
unit = "calendar_days"
per_case = true
max_extension = 100
source = {{ clause = "T.3", quote = "q" }}

[[class]]
id = "cd_plain"
name = "calendar days"
unit = "calendar_days"
per_case = true
roll_to_working_day = false
warn_before = 0
source = {{ clause = "T.4", quote = "q" }}

[[class]]
id = "min"
name = "minutes"
unit = "minutes"
per_case = true
max_extension = 4294967295
source = {{ clause = "T.5", quote = "q" }}

[[class]]
id = "om"
name = "office minutes"
unit = "office_minutes"
per_case = true
max_extension = 1000
source = {{ clause = "T.6", quote = "q" }}

[[class]]
id = "hr"
name = "hours"
unit = "hours"
per_case = true
max_extension = 10
source = {{ clause = "T.7", quote = "q" }}

[[class]]
id = "se"
name = "started by an event"
unit = "working_days"
per_case = true
default_limit = 5
legal_limit = 4294967295
max_extension = 5
clock_starts = "start_event"
source = {{ clause = "T.8", quote = "q" }}

[[item]]
id = "item"
name = "an item"
class = "wd_fixed"
legal_limit = 15
promised_limit = 3
source = {{ clause = "T.9", quote = "q" }}

[[suspension]]
id = "pause"
name = "pause"
effect = "pause"
source = {{ clause = "T.10", quote = "q" }}

[[suspension]]
id = "restart"
name = "restart"
effect = "restart"
source = {{ clause = "T.11", quote = "q" }}
"#
    )
}

/// The deadline classes of [`all_units_policy`].
pub const ALL_UNIT_CLASSES: [&str; 9] = [
    "wd", "wd_fixed", "cd", "cd_plain", "min", "om", "hr", "se", "item",
];

/// A deduction table and accountability rules with every number at its extreme.
pub fn extreme_table_policy(id: &str) -> String {
    format!(
        r#"[policy]
id = "{id}"
name = "extremes"
version = "1"
effective_from = 2004-01-01
calendar = "cn-mainland"
source = "test"

[[class]]
id = "wd"
name = "working days"
unit = "working_days"
per_case = true
default_limit = 5
source = {{ clause = "T.1", quote = "q" }}

[assessment]
period = "month"
disqualifying_effects = ["out"]

[[effect]]
id = "out"
name = "取消评先"
source = {{ clause = "E.1", quote = "q" }}

[[category]]
id = "big"
name = "big"
maximum = 4294967295
floor = 4294967295
source = {{ clause = "C.1", quote = "q" }}

[[category]]
id = "small"
name = "small"
maximum = 10
source = {{ clause = "C.2", quote = "q" }}

[[rule]]
code = "R.max"
category = "small"
kind = "deduction"
unit = "occurrence"
points = 4294967295
fine = "1000000000"
effects = ["out"]
charge = "person_and_window"
source = {{ clause = "R.max", quote = "q" }}

[[rule]]
code = "R.range"
category = "big"
kind = "deduction"
unit = "piece"
range = [0, 4294967295]
fine = "0.01"
charge = "window"
source = {{ clause = "R.range", quote = "q" }}

[[rule]]
code = "R.bonus"
kind = "bonus"
unit = "title"
choices = [4294967295, 0, 1]
fine = "999999999.99"
source = {{ clause = "R.bonus", quote = "q" }}

[[rule]]
code = "R.late"
category = "small"
kind = "deduction"
unit = "piece_day"
points = 4294967295
overdue = "piece_day"
prices = ["{id}:wd"]
source = {{ clause = "R.late", quote = "q" }}

[[rule]]
code = "R.piece"
category = "big"
kind = "deduction"
unit = "piece"
points = 1
overdue = "piece"
joint = "only"
prices = ["{id}:wd"]
source = {{ clause = "R.piece", quote = "q" }}

[[rule]]
code = "R.dated"
category = "small"
kind = "deduction"
unit = "occurrence"
source = {{ clause = "R.dated", quote = "q" }}
versions = [
  {{ from = 2004-01-01, until = 2025-12-31, points = 1 }},
  {{ from = 2026-01-01, points = 4294967295, fine = "1000000" }},
]

[[rule]]
code = "R.only"
kind = "effect_only"
unit = "discovery"
effects = ["out"]
source = {{ clause = "R.only", quote = "q" }}

[accountability]
repeat_months = 4294967295
repeat_escalation = "V.repeat"
complaint_threshold = 0
complaint_months = 4294967295
complaint_escalation = "V.complaints"
complaint_flag = "complaint"

[[tier]]
level = 1
name = "one"
measures = ["批评教育"]
source = {{ clause = "T1", quote = "q" }}

[[tier]]
level = 4294967295
name = "max"
measures = ["m"]
source = {{ clause = "Tmax", quote = "q" }}

[[flag]]
id = "complaint"
name = "投诉"
source = {{ clause = "F.1", quote = "q" }}

[[flag]]
id = "serious"
name = "情节严重"
adds_measures = ["移送"]
needs_review = true
source = {{ clause = "F.2", quote = "q" }}

[[violation]]
code = "V.base"
name = "base"
tier = 1
source = {{ clause = "V.base", quote = "q" }}

[[violation]]
code = "V.hi"
name = "refined high"
tier = 4294967295
refines = "V.base"
when_flags = ["serious"]
priority = 2147483647
source = {{ clause = "V.hi", quote = "q" }}

[[violation]]
code = "V.lo"
name = "refined low"
manual = true
refines = "V.base"
when_flags = ["serious"]
priority = -2147483648
source = {{ clause = "V.lo", quote = "q" }}

[[violation]]
code = "V.a"
name = "conflict a"
tier = 1
refines = "V.base"
when_flags = ["complaint"]
source = {{ clause = "V.a", quote = "q" }}

[[violation]]
code = "V.b"
name = "conflict b"
tier = 4294967295
refines = "V.base"
when_flags = ["complaint", "serious"]
source = {{ clause = "V.b", quote = "q" }}

[[flag]]
id = "third"
name = "第三"
source = {{ clause = "F.3", quote = "q" }}

[[violation]]
code = "V.q"
name = "refined on other flags"
tier = 1
refines = "V.base"
when_flags = ["serious", "third"]
source = {{ clause = "V.q", quote = "q" }}

[[violation]]
code = "V.manual"
name = "manual"
manual = true
source = {{ clause = "V.manual", quote = "q" }}

[[violation]]
code = "V.repeat"
name = "repeat"
tier = 4294967295
candidate_only = true
source = {{ clause = "V.repeat", quote = "q" }}

[[violation]]
code = "V.complaints"
name = "complaints"
tier = 4294967295
candidate_only = true
source = {{ clause = "V.complaints", quote = "q" }}
"#
    )
}

/// Load `(name, text)` pairs, failing the test with every diagnostic when they do not load.
pub fn load(sources: &[(&str, &str)]) -> PolicySet {
    match PolicySet::from_sources(sources) {
        Ok(ps) => ps,
        Err(e) => {
            let all: Vec<String> = e.diagnostics().iter().map(ToString::to_string).collect();
            panic!("fixture does not load: {e}\n{}", all.join("\n"));
        }
    }
}
