//! Hostile inputs: each test feeds the core one kind of broken or extreme input and asserts
//! the exact error kind (`Error::code()`) and, where there is one, the location (file, line,
//! column, key path) — or that the input is accepted and answered correctly.
//!
//! Measurements print with `--nocapture` (100,000 rules, 10^9 days); they are asserted only
//! loosely, against hangs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use zhidu::{
    AssessRequest, Case, CaseEvent, Diagnostic, Error, Incident, MAX_BATCH, MAX_ENTRIES,
    MAX_EVENTS_PER_CASE, MAX_FILE_BYTES, MAX_FILES, MAX_ID_LEN, MAX_NESTING, MAX_QUANTITY,
    MAX_SET_BYTES, PolicySet, Severity, Start,
};

use common::check_error;

/// A valid policy file; line numbers below refer to it.
const TOWN: &str = r#"[policy]
id = "town"
name = "镇便民服务中心"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "local rules"

[[class]]
id = "permit"
name = "许可件"
unit = "working_days"
limit = 20
source = { clause = "X.1", quote = "20个工作日内办结" }
"#;

/// `TOWN` with the line starting `key =` replaced by `line`.
fn town_with(key: &str, line: &str) -> String {
    let mut found = false;
    let out: Vec<String> = TOWN
        .lines()
        .map(|l| {
            if !found && l.starts_with(&format!("{key} =")) {
                found = true;
                line.to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect();
    assert!(found, "no line `{key} =`");
    out.join("\n") + "\n"
}

/// The error of loading `files`, checked for shape and location.
fn load_err(files: &[(&str, &str)]) -> Error {
    match PolicySet::from_sources(files) {
        Ok(_) => panic!("loaded, but should not have"),
        Err(e) => {
            check_error(&e, files);
            e
        }
    }
}

/// The only error diagnostic of loading `text` as `town.toml`.
fn one(text: &str) -> Diagnostic {
    let e = load_err(&[("town.toml", text)]);
    assert_eq!(e.code(), "policy");
    let errors: Vec<&Diagnostic> = e
        .diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{:#?}", e.diagnostics());
    errors[0].clone()
}

/// (line, column, path, message) of a diagnostic.
fn at(d: &Diagnostic) -> (u32, u32, &str, &str) {
    (d.line, d.column, d.path.as_str(), d.message.as_str())
}

fn town() -> PolicySet {
    common::load(&[("town.toml", TOWN)])
}

fn start(s: &str) -> Start {
    s.parse().unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhidu-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fast<T>(limit: Duration, what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    let took = t.elapsed();
    println!("{what}: {took:?}");
    assert!(took < limit, "{what} took {took:?}");
    out
}

// ---- TOML that does not parse ----

#[test]
fn truncated_toml_points_at_the_cut() {
    let cut = &TOWN[..TOWN.find("working_d").unwrap()];
    let d = one(cut);
    // The text ends right after the opening quote: the closing one is missing there.
    assert_eq!((d.file.as_str(), d.line, d.column), ("town.toml", 12, 9));
    assert_eq!(d.message, "invalid basic string, expected `\"`");
    // Cut inside a table header.
    let d = one("[policy]\nid = \"a\"\n[[cla");
    assert_eq!((d.line, d.column), (3, 6));
}

#[test]
fn invalid_toml_is_reported_where_it_is() {
    let e = load_err(&[("town.toml", &town_with("limit", "limit = = 20"))]);
    let d = &e.diagnostics()[0];
    assert_eq!(
        (d.line, d.column, d.path.as_str(), d.message.as_str()),
        (13, 9, "", "extra `=`, expected nothing")
    );
    let d = one(&town_with("name", "name 许可件"));
    assert_eq!((d.line, d.path.as_str()), (3, ""));
    // A key given twice is a TOML error too.
    let d = one(&town_with("version", "version = \"1\"\nversion = \"2\""));
    assert_eq!((d.line, d.message.as_str()), (5, "duplicate key"));
}

#[test]
fn wrong_types_name_the_key_and_what_was_expected() {
    let d = one(&town_with("limit", "limit = \"thirty\""));
    assert_eq!(
        at(&d),
        (
            13,
            9,
            "class[0].limit",
            "invalid type: string `\"thirty\"`, expected a whole number from 0 to 4294967295"
        )
    );
    let d = one(&town_with("calendar", "calendar = 8"));
    assert_eq!(
        at(&d),
        (
            6,
            12,
            "policy.calendar",
            "invalid type: integer `8`, expected a string"
        )
    );
    let d = one(&town_with(
        "effective_from",
        "effective_from = \"2024-01-01\"",
    ));
    assert_eq!(
        (d.line, d.column, d.path.as_str()),
        (5, 18, "policy.effective_from")
    );
    let d = one(&town_with("unit", "unit = \"weeks\""));
    assert_eq!(at(&d).2, "class[0].unit");
    assert_eq!(d.message, "unknown value `weeks`");
}

#[test]
fn unknown_keys_and_sections_get_a_did_you_mean() {
    let d = one(&town_with("unit", "untis = \"working_days\""));
    assert_eq!(at(&d), (12, 1, "class[0].untis", "unknown key `untis`"));
    assert_eq!(d.help.as_deref(), Some("did you mean `unit`?"));
    let d = one(&TOWN.replace("[[class]]", "[[clas]]"));
    assert_eq!(at(&d), (9, 3, "clas", "unknown section `clas`"));
    assert_eq!(d.help.as_deref(), Some("did you mean `class`?"));
}

// ---- numbers ----

#[test]
fn numbers_past_i64_and_u32_are_refused_where_they_are() {
    // Past i64: named as it is written, without Rust type names.
    let d = one(&town_with("limit", "limit = 99999999999999999999"));
    assert_eq!(
        at(&d),
        (
            13,
            9,
            "class[0].limit",
            "invalid type: integer `99999999999999999999`, expected a whole number from 0 to 4294967295"
        )
    );
    // Past u32, and negative: the key's type says what fits.
    for value in [
        "9223372036854775807",
        "4294967296",
        "-5",
        "-9223372036854775808",
    ] {
        let d = one(&town_with("limit", &format!("limit = {value}")));
        assert_eq!(
            at(&d),
            (
                13,
                9,
                "class[0].limit",
                format!(
                    "invalid value: integer `{value}`, expected a whole number from 0 to 4294967295"
                )
                .as_str()
            ),
            "{value}"
        );
    }
    // A float is a type error, not a rounded number.
    let d = one(&town_with("limit", "limit = 20.0"));
    assert_eq!(at(&d).2, "class[0].limit");
}

#[test]
fn the_largest_u32_limit_loads_and_is_a_clean_coverage_error() {
    let text = town_with("limit", "limit = 4294967295");
    let ps = common::load(&[("town.toml", &text)]);
    let c = ps.policy("town").unwrap().class("permit").unwrap();
    let e = fast(Duration::from_millis(200), "due, limit u32::MAX", || {
        c.due(start("2026-09-30"), None).unwrap_err()
    });
    assert_eq!(e.code(), "coverage");
    assert_eq!(e.to_string(), "calendar `cn-mainland` does not cover 2101");
}

#[test]
fn zero_days_is_due_at_the_end_of_the_start_day() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let due = p
        .due("promised", start("2026-09-30T10:00:00+08:00"), Some(0))
        .unwrap();
    assert_eq!(due.due_date.to_string(), "2026-09-30");
    assert_eq!(due.due_at.to_rfc3339(), "2026-10-01T00:00:00+08:00");
    // On a holiday too: 0 working days add nothing (次日起算 counts none).
    let due = p.due("promised", start("2026-10-03"), Some(0)).unwrap();
    assert_eq!(due.due_date.to_string(), "2026-10-03");
    let text = town_with("limit", "limit = 0");
    let ps = common::load(&[("town.toml", &text)]);
    let due = ps
        .policy("town")
        .unwrap()
        .due("permit", start("2026-03-02"), None)
        .unwrap();
    assert_eq!(
        (due.due_date.to_string(), due.limit),
        ("2026-03-02".to_owned(), 0)
    );
}

#[test]
fn negative_days_are_input_errors_in_every_form() {
    // `days` is a `u32` in Rust; a case log or row gives text or JSON.
    let e = serde_json::from_str::<Case>(
        r#"{"id":"C","class":"promised","accepted_at":"2026-09-30","days":-5}"#,
    )
    .unwrap_err();
    assert!(e.to_string().contains("invalid value: integer `-5`"), "{e}");
    let e = CaseEvent::parse_list("extend 2026-10-15 -2").unwrap_err();
    assert_eq!(e.code(), "input");
    assert_eq!(
        e.to_string(),
        "`-2` in event `extend 2026-10-15 -2` is not a whole number of days"
    );
}

/// 10^9 days in every unit, for `due`, `explain`, `yellow_from` and a case status: a clean
/// `coverage` error at once, never a loop over the days.
#[test]
fn a_billion_days_is_an_immediate_coverage_error() {
    let cal = common::calendar_with_festival("wide", "+08:00", 1949, 2200);
    let policy = common::all_units_policy("all", "wide", false, "17:00");
    let ps = common::load(&[("wide.toml", &cal), ("all.toml", &policy)]);
    let p = ps.policy("all").unwrap();
    let at = start("2026-10-12T10:00:00+08:00");
    for class in ["wd", "cd", "cd_plain", "min", "om", "hr"] {
        let c = p.class(class).unwrap();
        let t = Instant::now();
        for days in [1_000_000_000, u32::MAX] {
            let e = c.due(at, Some(days)).unwrap_err();
            assert_eq!(e.code(), "coverage", "{class}: {e}");
            assert_eq!(c.explain(at, Some(days)).unwrap_err().code(), "coverage");
            assert_eq!(
                c.yellow_from(at, Some(days)).unwrap_err().code(),
                "coverage"
            );
            let s = p.case_status(
                &Case::new("C", class, at, Some(days)),
                at.instant_in(chrono::FixedOffset::east_opt(8 * 3600).unwrap())
                    .unwrap(),
            );
            assert_eq!(s.unwrap_err().code(), "coverage", "{class}");
        }
        let took = t.elapsed();
        println!("10^9 and u32::MAX days, {class}: {took:?} for 8 calls");
        assert!(took < Duration::from_millis(500), "{class}: {took:?}");
    }
    // Where the count runs out is named: the year after the calendar's last.
    let e = p
        .class("wd")
        .unwrap()
        .due(at, Some(1_000_000_000))
        .unwrap_err();
    assert_eq!(e.to_string(), "calendar `wide` does not cover 2201");
    // An extension of 10^9 days on a case: the same.
    let builtin = PolicySet::builtin().unwrap();
    let s2 = builtin.policy("s2-service-center").unwrap();
    let mut case = Case::new("C", "wd", at, Some(5));
    case.events = vec![CaseEvent::Extend {
        at: start("2026-10-13T09:00:00+08:00"),
        days: 1_000_000_000,
        approved_by: None,
        reason: None,
    }];
    let as_of = start("2026-10-20T09:00")
        .instant_in(p.calendar().offset())
        .unwrap();
    assert_eq!(p.case_status(&case, as_of).unwrap_err().code(), "coverage");
    case.class = "promised".to_owned();
    let e = s2.case_status(&case, as_of).unwrap_err();
    assert_eq!(e.code(), "input");
    assert!(e.to_string().contains("over the cap of 5"), "{e}");
}

// ---- dates, times, offsets ----

#[test]
fn dates_in_year_0_9999_and_2027() {
    // A policy in force from year 0 loads: part of it is covered.
    let text = town_with("effective_from", "effective_from = 0000-01-01");
    let ps = common::load(&[("town.toml", &text)]);
    let p = ps.policy("town").unwrap();
    for (date, year) in [
        ("0000-06-01", 0),
        ("9999-12-31", 9999),
        ("2101-01-04", 2101),
        ("2003-12-31", 2003),
    ] {
        let e = p.due("permit", start(date), None).unwrap_err();
        assert_eq!(e.code(), "coverage", "{date}");
        assert_eq!(
            e.to_string(),
            format!("calendar `cn-mainland` does not cover {year}")
        );
        assert!(e.help().unwrap().contains("2004–2100"));
    }
    // One in force only from 9999 or 2101 covers no date of the calendar.
    for from in ["9999-12-31", "2101-01-01"] {
        let d = one(&town_with(
            "effective_from",
            &format!("effective_from = {from}"),
        ));
        assert_eq!(
            at(&d),
            (
                5,
                18,
                "policy.effective_from",
                "no date the policy is in force on is covered by calendar `cn-mainland` (2004–2100)"
            )
        );
    }
    // Before `effective_from` but inside the calendar: not in force.
    let e = town()
        .policy("town")
        .unwrap()
        .due("permit", start("2023-12-29"), None)
        .unwrap_err();
    assert_eq!(
        (e.code(), e.to_string().as_str()),
        (
            "not_in_force",
            "policy `town` is not in force on 2023-12-29"
        )
    );
    // A calendar may not cover year 0 or 9999.
    let cal = common::calendar_toml("c", "+08:00", 0, 9999);
    let e = load_err(&[("c.toml", &cal)]);
    let d = &e.diagnostics()[0];
    assert_eq!(
        (d.line, d.column, d.path.as_str(), d.message.as_str()),
        (5, 14, "calendar.first_year", "year 0 is out of range")
    );
    assert_eq!(d.help.as_deref(), Some("calendars cover years 1949–2200"));
    assert_eq!(e.diagnostics()[1].message, "year 9999 is out of range");
}

#[test]
fn february_30th_is_refused_in_files_and_in_requests() {
    let d = one(&town_with("effective_from", "effective_from = 2026-02-30"));
    assert_eq!((d.line, d.column, d.path.as_str()), (5, 18, ""));
    assert_eq!(d.message, "invalid date, expected day between 01 and 28");
    let e = "2026-02-30".parse::<Start>().unwrap_err();
    assert_eq!(
        (e.code(), e.to_string().as_str()),
        ("input", "`2026-02-30` is not a date or an instant")
    );
    let e = "2024-02-30T10:00:00+08:00".parse::<Start>().unwrap_err();
    assert_eq!(e.code(), "input");
    // February 29th is a date in a leap year only.
    assert!("2024-02-29".parse::<Start>().is_ok());
    assert_eq!("2026-02-29".parse::<Start>().unwrap_err().code(), "input");
}

#[test]
fn twenty_four_hundred_is_the_end_of_a_session_and_nothing_else() {
    // As the end of an office session it is midnight.
    let cal = common::calendar_with_festival("late", "+08:00", 2026, 2026);
    let policy = common::all_units_policy("p", "late", true, "24:00");
    let ps = common::load(&[("late.toml", &cal), ("p.toml", &policy)]);
    let due = ps
        .policy("p")
        .unwrap()
        .due("wd", start("2026-10-12T10:00"), Some(1))
        .unwrap();
    assert_eq!(due.due_at.to_rfc3339(), "2026-10-14T00:00:00+08:00");
    // As a start it is not a time.
    let bad = common::all_units_policy("bad", "late", false, "17:00")
        .replace("[\"08:30\", \"11:00\"]", "[\"24:00\", \"08:00\"]");
    let e = load_err(&[("late.toml", &cal), ("bad.toml", &bad)]);
    let d = &e.diagnostics()[0];
    assert_eq!(
        (d.line, d.path.as_str(), d.message.as_str()),
        (
            11,
            "policy.office_sessions.sessions[0]",
            "session `24:00`–`08:00` ends before it starts"
        )
    );
    for text in [
        "2026-10-12T24:00",
        "2026-10-12 24:00",
        "2026-10-12T24:00:00+08:00",
    ] {
        let e = text.parse::<Start>().unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("`{text}` is not a date or an instant")
        );
    }
    // In TOML, a time of day must be below 24:00.
    let d = one(&town_with(
        "effective_from",
        "effective_from = 2026-10-01T24:00:00",
    ));
    assert_eq!(
        (d.line, d.message.as_str()),
        (5, "invalid time, expected hour between 00 and 23")
    );
}

#[test]
fn offsets_from_minus_12_to_plus_14_and_no_further() {
    for (offset, ok) in [
        ("+14:00", true),
        ("-12:00", true),
        ("+05:45", true),
        ("+15:00", false),
        ("-12:30", false),
        ("+14:01", false),
        ("08:00", false),
        ("+8", false),
    ] {
        let cal = common::calendar_toml("c", offset, 2026, 2026);
        match PolicySet::from_sources(&[("c.toml", &cal)]) {
            Ok(ps) => {
                assert!(ok, "{offset} loaded");
                let secs = ps.calendar("c").unwrap().offset().local_minus_utc();
                assert_eq!(
                    chrono::FixedOffset::east_opt(secs).unwrap().to_string(),
                    offset
                );
            }
            Err(e) => {
                assert!(!ok, "{offset}: {e}");
                check_error(&e, &[("c.toml", &cal)]);
                let d = &e.diagnostics()[0];
                assert_eq!(
                    (d.line, d.column, d.path.as_str()),
                    (4, 14, "calendar.utc_offset")
                );
                assert_eq!(d.message, format!("`{offset}` is not a UTC offset"));
                assert_eq!(
                    d.help.as_deref(),
                    Some("write it as `+08:00`, from `-12:00` to `+14:00`")
                );
            }
        }
    }
    // Instants at the extreme offsets are the same instants in the calendar's zone.
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let east = p
        .due("promised", start("2026-10-13T01:00:00+14:00"), Some(3))
        .unwrap();
    let same = p
        .due("promised", start("2026-10-12T19:00:00+08:00"), Some(3))
        .unwrap();
    let west = p
        .due("promised", start("2026-10-11T23:00:00-12:00"), Some(3))
        .unwrap();
    assert_eq!((east, west), (same.clone(), same.clone()));
    assert_eq!(same.due_date.to_string(), "2026-10-15");
}

// ---- encodings and line endings ----

#[test]
fn invalid_utf8_is_an_io_error_naming_the_byte() {
    let dir = temp_dir("utf8");
    let path = dir.join("bad.toml");
    let mut bytes = TOWN.as_bytes().to_vec();
    bytes.splice(11..11, [0xff, 0xfe]);
    std::fs::write(&path, &bytes).unwrap();
    for e in [
        PolicySet::load(&path).unwrap_err(),
        PolicySet::load(&dir).unwrap_err(),
        PolicySet::read_paths(std::slice::from_ref(&path)).unwrap_err(),
    ] {
        check_error(&e, &[]);
        assert_eq!(e.code(), "io");
        assert_eq!(
            e.to_string(),
            format!(
                "cannot read `{}`: the file is not UTF-8 (first bad byte at offset 11)",
                path.display()
            )
        );
    }
}

#[test]
fn a_byte_order_mark_and_crlf_change_no_answer_and_no_location() {
    let variants = [
        TOWN.to_owned(),
        format!("\u{feff}{TOWN}"),
        TOWN.replace('\n', "\r\n"),
        format!("\u{feff}{}", TOWN.replace('\n', "\r\n")),
    ];
    for v in &variants {
        let ps = common::load(&[("town.toml", v)]);
        let due = ps
            .policy("town")
            .unwrap()
            .due("permit", start("2026-09-30"), None)
            .unwrap();
        assert_eq!(due.due_date.to_string(), "2026-11-03");
    }
    for v in &variants {
        let broken = v
            .replace("unit = ", "untis = ")
            .replace("[policy]", "[polcy]");
        let e = load_err(&[("town.toml", &broken)]);
        let places: Vec<(u32, u32, &str)> = e
            .diagnostics()
            .iter()
            .map(|d| (d.line, d.column, d.path.as_str()))
            .collect();
        assert_eq!(
            places,
            [(1, 2, "polcy"), (12, 1, "class[0].untis")],
            "{v:?}"
        );
        let broken = v.replace("unit = ", "untis = ");
        let d = one(&broken);
        assert_eq!(
            (d.line, d.column, d.path.as_str()),
            (12, 1, "class[0].untis")
        );
    }
}

// ---- sizes ----

#[test]
fn a_100_mb_file_is_refused_before_it_is_read() {
    let dir = temp_dir("big");
    let path = dir.join("big.toml");
    // A sparse file: 100 MB long, nothing written.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let e = fast(Duration::from_secs(1), "100 MB file", || {
        PolicySet::load(&path).unwrap_err()
    });
    check_error(&e, &[]);
    assert_eq!(e.code(), "too_large");
    assert_eq!(
        e.to_string(),
        format!(
            "`{}` is 104857600 bytes, over the limit of {MAX_FILE_BYTES} bytes",
            path.display()
        )
    );
    // In memory: refused before parsing.
    let text = "#".repeat(100 * 1024 * 1024);
    let e = fast(Duration::from_secs(1), "100 MB string", || {
        load_err(&[("big.toml", &text)])
    });
    assert_eq!(
        (e.code(), e.to_string()),
        (
            "too_large",
            format!("`big.toml` is 104857600 bytes, over the limit of {MAX_FILE_BYTES} bytes")
        )
    );
    // Exactly at the limit is parsed (a comment).
    let text = format!("#{}", " ".repeat(MAX_FILE_BYTES - 1));
    let e = load_err(&[("limit.toml", &text)]);
    assert_eq!(e.code(), "policy");
}

#[test]
fn a_policy_set_over_64_mib_or_1000_files_is_refused() {
    let chunk = "#".repeat(MAX_FILE_BYTES);
    let names: Vec<String> = (0..9).map(|i| format!("f{i}.toml")).collect();
    let files: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), chunk.as_str())).collect();
    let e = load_err(&files);
    assert_eq!(e.code(), "too_large");
    assert_eq!(
        e.to_string(),
        format!(
            "the policy set is {} bytes, over the limit of {MAX_SET_BYTES} bytes",
            9 * MAX_FILE_BYTES
        )
    );
    let names: Vec<String> = (0..=MAX_FILES).map(|i| format!("f{i}.toml")).collect();
    let files: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "")).collect();
    let e = load_err(&files);
    assert_eq!(e.code(), "too_large");
    assert_eq!(
        e.to_string(),
        "the policy set is 1001 files, over the limit of 1000 files"
    );
}

/// 100,000 rules (the entries limit) in one file under 8 MiB: loads, in seconds.
#[test]
fn a_hundred_thousand_rules_load_quickly() {
    // Written compactly to fit in one file: a top-level array of inline tables is `[[rule]]`.
    let mut text = String::from("rule = [\n");
    for i in 0..MAX_ENTRIES {
        let _ = writeln!(
            text,
            "{{code=\"R{i}\",kind=\"effect_only\",unit=\"item\",source={{clause=\"R{i}\",quote=\"\"}}}},"
        );
    }
    text.push_str("]\n[policy]\nid = \"big\"\nname = \"x\"\nversion = \"1\"\neffective_from = 2024-01-01\ncalendar = \"cn-mainland\"\nsource = \"s\"\n[assessment]\n");
    assert!(text.len() <= MAX_FILE_BYTES, "{} bytes", text.len());
    let ps = fast(Duration::from_secs(60), "load 100,000 rules", || {
        common::load(&[("big.toml", &text)])
    });
    let table = ps.policy("big").unwrap().deduction_table().unwrap();
    assert_eq!(table.rules.len(), MAX_ENTRIES);
    // Scoring with them works.
    let incidents: Vec<Incident> = (0..1000)
        .map(|i| Incident::new("甲", format!("R{}", i * 97), start("2026-10-12")))
        .collect();
    let a = ps
        .policy("big")
        .unwrap()
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents))
        .unwrap();
    assert!(a.errors.is_empty());
    // One more is a diagnostic at the array's key, not a slow load.
    let over = text.replacen("rule = [\n", "rule = [\n{},\n", 1);
    let d = fast(Duration::from_secs(60), "refuse 100,001 rules", || {
        one(&over)
    });
    assert_eq!(
        at(&d),
        (
            1,
            1,
            "rule",
            "`rule` has 100001 entries, over the limit of 100000"
        )
    );
}

#[test]
fn nesting_past_32_levels_is_a_diagnostic_and_never_a_stack_overflow() {
    let nested = |depth: usize| format!("x = {}1{}\n", "[".repeat(depth), "]".repeat(depth));
    // 31 arrays inside the top-level table are 32 levels: only the unknown section remains.
    let d = one(&nested(MAX_NESTING - 1));
    assert_eq!(d.message, "unknown section `x`");
    let d = one(&nested(MAX_NESTING));
    // At the value past the limit (`1`, inside 32 arrays after `x = `), under its key.
    assert_eq!(
        (d.line, d.column, d.path.as_str(), d.message.as_str()),
        (
            1,
            37,
            "x",
            "values are nested 33 levels deep, over the limit of 32"
        )
    );
    for depth in [1_000, 1_000_000] {
        let d = fast(Duration::from_secs(30), "deep nesting", || {
            one(&nested(depth))
        });
        assert_eq!(
            (d.line, d.message.as_str()),
            (1, "cannot recurse further; max recursion depth met")
        );
    }
    let tables = format!(
        "{}\n",
        (0..200)
            .map(|i| format!("[t{}]", ".a".repeat(i)))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let e = load_err(&[("t.toml", &tables)]);
    assert_eq!(e.code(), "policy");
}

// ---- references ----

#[test]
fn a_policy_naming_itself_or_another_policy_as_calendar() {
    let d = one(&town_with("calendar", "calendar = \"town\""));
    assert_eq!(at(&d), (6, 12, "policy.calendar", "no calendar `town`"));
    // Two policies naming each other: neither is a calendar, so there is no cycle to follow.
    let a = town_with("calendar", "calendar = \"b\"").replace("id = \"town\"", "id = \"a\"");
    let b = town_with("calendar", "calendar = \"a\"").replace("id = \"town\"", "id = \"b\"");
    let e = load_err(&[("a.toml", &a), ("b.toml", &b)]);
    let places: Vec<(&str, u32, &str)> = e
        .diagnostics()
        .iter()
        .map(|d| (d.file.as_str(), d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        places,
        [
            ("a.toml", 6, "no calendar `b`"),
            ("b.toml", 6, "no calendar `a`")
        ]
    );
    // A calendar may share a policy's id: calendars and policies are apart.
    let cal = common::calendar_toml("town", "+08:00", 2024, 2026);
    let ps = common::load(&[
        ("cal.toml", &cal),
        ("town.toml", &town_with("calendar", "calendar = \"town\"")),
    ]);
    assert_eq!(ps.policy("town").unwrap().calendar().id(), "town");
    // A file both calendar and policy is refused.
    let both = format!(
        "{TOWN}\n{}",
        common::calendar_toml("c", "+08:00", 2026, 2026)
    );
    let e = load_err(&[("both.toml", &both)]);
    assert_eq!(
        e.diagnostics()[0].message,
        "a file cannot be both a calendar and a policy"
    );
}

#[test]
fn ids_with_path_separators_or_too_long_are_refused() {
    for id in [
        "../etc/passwd",
        "a/b",
        "a\\\\b",
        "",
        " a",
        "a b",
        "中文",
        "-a",
        "a:b",
    ] {
        let d = one(&town_with("id", &format!("id = \"{id}\"")));
        let shown = id.replace("\\\\", "\\");
        assert_eq!(
            at(&d),
            (
                2,
                6,
                "policy.id",
                format!("`{shown}` is not a valid id").as_str()
            ),
            "{id}"
        );
    }
    let long = "a".repeat(MAX_ID_LEN);
    assert!(
        PolicySet::from_sources(&[("town.toml", &town_with("id", &format!("id = \"{long}\"")))])
            .is_ok()
    );
    let d = one(&town_with("id", &format!("id = \"{long}a\"")));
    assert_eq!(at(&d).2, "policy.id");
    assert_eq!(
        d.help.as_deref(),
        Some(
            "ids are 1–128 ASCII letters, digits, `-`, `_` or `.`, starting with a letter or digit"
        )
    );
    // A class id too.
    let text = TOWN.replace("id = \"permit\"", "id = \"per/mit\"");
    let d = one(&text);
    assert_eq!(
        at(&d),
        (10, 6, "class[0].id", "`per/mit` is not a valid id")
    );
}

/// A directory load reads plain `.toml` files under the directory only: symbolic links (to
/// files or directories outside it) are skipped, and file names cannot climb out.
#[test]
fn a_directory_load_never_leaves_the_directory() {
    let outside = temp_dir("outside");
    let secret = town_with("id", "id = \"outside\"");
    std::fs::write(outside.join("secret.toml"), &secret).unwrap();
    std::fs::create_dir_all(outside.join("more")).unwrap();
    std::fs::write(
        outside.join("more/also.toml"),
        town_with("id", "id = \"also-outside\""),
    )
    .unwrap();
    let dir = temp_dir("inside");
    std::fs::write(dir.join("town.toml"), TOWN).unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/s.toml"), town_with("id", "id = \"sub\"")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.toml"), dir.join("evil.toml")).unwrap();
    std::os::unix::fs::symlink(outside.join("more"), dir.join("linked")).unwrap();
    std::os::unix::fs::symlink(
        Path::new("../zhidu-hostile-nowhere/x.toml"),
        dir.join("dangling.toml"),
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "not toml").unwrap();
    let ps = PolicySet::load(&dir).unwrap();
    let ids: Vec<&str> = ps.policies().map(|p| p.id()).collect();
    assert_eq!(ids, ["sub", "town"]);
    let files = PolicySet::read_paths(std::slice::from_ref(&dir)).unwrap();
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(
        names,
        [
            dir.join("sub/s.toml").display().to_string(),
            dir.join("town.toml").display().to_string()
        ]
    );
    // A path the caller writes with `..` is the caller's choice, read as given.
    let climbing = dir.join("sub").join("..").join("town.toml");
    assert!(PolicySet::load(&climbing).is_ok());
    // A file named explicitly is read even through a link (the caller chose it).
    assert_eq!(
        PolicySet::load(dir.join("evil.toml"))
            .unwrap()
            .policies()
            .next()
            .unwrap()
            .id(),
        "outside"
    );
    // A missing path is an io error naming it.
    let e = PolicySet::load(dir.join("missing.toml")).unwrap_err();
    assert_eq!(e.code(), "io");
    assert!(
        e.to_string().starts_with(&format!(
            "cannot read `{}`: ",
            dir.join("missing.toml").display()
        )),
        "{e}"
    );
}

// ---- cases, incidents, batches ----

#[test]
fn more_than_1000_events_is_an_input_error_for_that_case() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let off = p.calendar().offset();
    let accepted = Start::parse_instant("2026-09-30T10:00", off).unwrap();
    let mut case = Case::new("C", "promised", accepted, Some(5));
    let event = |i: usize| {
        let at = (accepted + chrono::Duration::minutes(i as i64 + 1)).into();
        if i % 2 == 0 {
            CaseEvent::Suspend {
                at,
                reason: "hearing".to_owned(),
            }
        } else {
            CaseEvent::Resume { at }
        }
    };
    case.events = (0..MAX_EVENTS_PER_CASE).map(event).collect();
    let as_of = Start::parse_instant("2026-12-01", off).unwrap();
    assert!(p.case_status(&case, as_of).is_ok());
    case.events.push(event(MAX_EVENTS_PER_CASE));
    let e = p.case_status(&case, as_of).unwrap_err();
    assert_eq!(
        (e.code(), e.to_string().as_str()),
        ("input", "case `C` has 1001 events, over the limit of 1000")
    );
    let text = vec!["resume 2026-10-01"; MAX_EVENTS_PER_CASE + 1].join(";");
    let e = CaseEvent::parse_list(&text).unwrap_err();
    assert_eq!(
        (e.code(), e.to_string().as_str()),
        ("input", "more than 1000 events")
    );
}

#[test]
fn quantities_past_the_limit_are_row_errors_and_the_other_rows_are_scored() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let mk = |q: i64| {
        let mut i = Incident::new("甲", "S2.assess.qin.1", start("2026-10-12"));
        i.quantity = Some(q);
        i
    };
    let incidents = [
        mk(1),
        mk(MAX_QUANTITY + 1),
        mk(MAX_QUANTITY),
        mk(0),
        mk(-1),
        mk(i64::MAX),
    ];
    let a = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents))
        .unwrap();
    let rows: Vec<usize> = a.errors.iter().map(|e| e.row).collect();
    assert_eq!(rows, [2, 4, 5, 6]);
    assert_eq!(
        a.errors[0].error.to_string(),
        "quantity `1000001` of rule `S2.assess.qin.1` is not a count of units"
    );
    assert_eq!(a.card("甲").unwrap().lines.len(), 2);
}

#[test]
fn a_batch_over_max_batch_rows_is_refused_before_any_row() {
    let ps = PolicySet::builtin().unwrap();
    let c = ps
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    let n = MAX_BATCH + 1;
    let starts = vec![20_726i64; n];
    let mut out = vec![None; n];
    let e = fast(
        Duration::from_secs(5),
        "refuse a column over MAX_BATCH",
        || c.due_epoch_days(&starts, &[], &mut out).unwrap_err(),
    );
    assert_eq!(
        (e.code(), e.to_string()),
        (
            "input",
            format!("a column of {n} rows is over the limit of {MAX_BATCH} rows per call")
        )
    );
    assert!(out.iter().all(Option::is_none));
    drop((starts, out));
    let day = Start::Date(NaiveDate::from_ymd_opt(2026, 9, 30).unwrap());
    let starts = vec![day; n];
    let e = c.due_many(&starts, &[]).unwrap_err();
    assert_eq!(e.code(), "input");
    // At the limit, rows are answered (checked on a short column: same code path).
    assert_eq!(c.due_many(&starts[..3], &[]).unwrap().len(), 3);
}

/// A device or pipe reports size 0 and never ends: reading stops at the limit.
#[test]
fn an_endless_file_is_refused_at_the_limit() {
    let e = fast(Duration::from_secs(10), "/dev/zero", || {
        PolicySet::load("/dev/zero").unwrap_err()
    });
    check_error(&e, &[]);
    assert_eq!(
        e.to_string(),
        format!(
            "`/dev/zero` is {} bytes, over the limit of {MAX_FILE_BYTES} bytes",
            MAX_FILE_BYTES + 1
        )
    );
}

/// A directory walk refuses, rather than skips, what is past its limits: directories nested
/// deeper than 16 levels, and more than 1,000 policy files.
#[test]
fn a_directory_past_the_walk_limits_is_an_error() {
    let dir = temp_dir("deep");
    let mut deep = dir.clone();
    for i in 0..17 {
        deep = deep.join(format!("d{i}"));
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("town.toml"), TOWN).unwrap();
    let e = PolicySet::load(&dir).unwrap_err();
    check_error(&e, &[]);
    assert_eq!(
        e.to_string(),
        format!(
            "cannot read `{}`: directories nest deeper than 16 levels",
            deep.display()
        )
    );
    // 16 levels are read.
    std::fs::rename(
        deep.join("town.toml"),
        deep.parent().unwrap().join("town.toml"),
    )
    .unwrap();
    std::fs::remove_dir(&deep).unwrap();
    assert!(PolicySet::load(&dir).is_ok());

    let dir = temp_dir("many");
    for i in 0..=MAX_FILES + 9 {
        std::fs::write(dir.join(format!("f{i:04}.toml")), "").unwrap();
    }
    let e = fast(Duration::from_secs(10), "1,010 files", || {
        PolicySet::read_paths(std::slice::from_ref(&dir)).unwrap_err()
    });
    assert_eq!(e.code(), "too_large");
    assert_eq!(
        e.to_string(),
        "the policy set is 1010 files, over the limit of 1000 files"
    );
}
