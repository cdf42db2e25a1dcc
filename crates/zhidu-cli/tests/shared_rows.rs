//! The shared row fixtures (`tests/rows/`): one input of each kind, good and bad rows mixed,
//! read by the core (CSV and the same rows as JSON objects) and by the CLI, against the
//! hand-worked answers of `tests/rows/expected.json`. The pytest and the node test run the
//! same fixtures and must give the same results and row errors.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly on a broken fixture"
)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{Value, json};
use zhidu::rows::{FromRow, Lined, RosterEntry, RowError, read_csv, read_json};
use zhidu::{Case, Incident, PolicySet, ViolationRecord};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/rows")
}

fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir().join("expected.json")).unwrap()).unwrap()
}

fn path(name: &str) -> String {
    dir().join(name).display().to_string()
}

fn zhidu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhidu"))
        .args(args)
        .output()
        .expect("the zhidu binary runs")
}

/// `{kind, row, field, code}` of a row error, as the fixtures write them.
fn shape(e: &RowError) -> Value {
    json!({"kind": e.kind, "row": e.row, "field": e.field, "code": e.code()})
}

/// The rows of the CSV fixture and of the same rows as JSON objects: both must read alike.
fn both<T: FromRow + PartialEq + std::fmt::Debug>(name: &str) -> Vec<Result<T, RowError>> {
    let csv: Vec<Lined<T>> = read_csv(
        std::fs::File::open(dir().join(format!("{name}.csv")))
            .map(std::io::BufReader::new)
            .unwrap(),
    )
    .unwrap();
    let objects: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join(format!("{name}.json"))).unwrap())
            .unwrap();
    let from_objects: Vec<Result<T, RowError>> = objects
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, v)| read_json(v, i + 1))
        .collect();
    let csv: Vec<Result<T, RowError>> = csv
        .into_iter()
        .map(|(_, r)| {
            r.map_err(|mut e| {
                // Objects have no file line; everything else must match.
                e.line = None;
                e
            })
        })
        .collect();
    assert_eq!(csv.len(), from_objects.len(), "{name}: rows");
    for (i, (a, b)) in csv.iter().zip(&from_objects).enumerate() {
        match (a, b) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{name} row {}", i + 1),
            (Err(a), Err(b)) => assert_eq!(shape(a), shape(b), "{name} row {}", i + 1),
            _ => panic!("{name} row {}: CSV {a:?}, object {b:?}", i + 1),
        }
    }
    csv
}

fn errors<T>(rows: &[Result<T, RowError>]) -> Value {
    Value::Array(
        rows.iter()
            .filter_map(|r| r.as_ref().err())
            .map(shape)
            .collect(),
    )
}

#[test]
fn cases_read_alike_in_the_core_and_the_cli() {
    let want = &expected()["case"];
    let rows: Vec<Result<Case, RowError>> = both("cases");
    assert_eq!(rows.len(), 6);
    assert_eq!(errors(&rows), want["errors"]);
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let as_of = want["as_of"].as_str().unwrap().parse().unwrap();
    for (row, good) in want["good"].as_object().unwrap() {
        let case = rows[row.parse::<usize>().unwrap() - 1].as_ref().unwrap();
        let s = p.case_status(case, as_of).unwrap();
        let got = serde_json::to_value(&s).unwrap();
        for (k, v) in good.as_object().unwrap() {
            assert_eq!(&got[k], v, "case row {row}: {k}");
        }
    }
    // The CLI: one answer per row, the bad ones with the same row error.
    let o = zhidu(&[
        "cases",
        "--policy",
        "s2-service-center",
        "--as-of",
        want["as_of"].as_str().unwrap(),
        &path("cases.csv"),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    // The list of the answer's envelope (`{"cases": [...], "stamp": …}`).
    let out = serde_json::from_slice::<Value>(&o.stdout).unwrap()["cases"].clone();
    let out = out.as_array().unwrap();
    assert_eq!(out.len(), 6);
    let cli_errors: Vec<Value> = out
        .iter()
        .filter_map(|v| v.get("error"))
        .map(|e| {
            let r = &e["row"];
            json!({"kind": r["kind"], "row": r["row"], "field": r["field"], "code": r["code"]})
        })
        .collect();
    assert_eq!(Value::Array(cli_errors), want["errors"]);
    for (row, good) in want["good"].as_object().unwrap() {
        let got = &out[row.parse::<usize>().unwrap() - 1];
        for (k, v) in good.as_object().unwrap() {
            assert_eq!(&got[k], v, "cli case row {row}: {k}");
        }
    }
}

#[test]
fn incidents_read_alike_in_the_core_and_the_cli() {
    let want = &expected()["incident"];
    let rows: Vec<Result<Incident, RowError>> = both("incidents");
    assert_eq!(errors(&rows), want["errors"]);
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let mixed: Vec<Result<Incident, zhidu::Error>> = rows
        .into_iter()
        .map(|r| r.map_err(zhidu::Error::from))
        .collect();
    let a = p
        .assess(&zhidu::AssessRequest::new("2026-10".parse().unwrap()).incident_rows(&mixed))
        .unwrap();
    let totals: BTreeMap<String, i64> = a
        .scorecards
        .iter()
        .map(|c| (c.subject.clone(), c.total))
        .collect();
    assert_eq!(serde_json::to_value(&totals).unwrap(), want["totals"]);
    let from_assess: Vec<Value> = a
        .errors
        .iter()
        .map(|e| shape(e.error.row().expect("a row error")))
        .collect();
    assert_eq!(Value::Array(from_assess), want["errors"]);
    let o = zhidu(&[
        "assess",
        "--policy",
        "s2-service-center",
        "--period",
        "2026-10",
        "--incidents",
        &path("incidents.csv"),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let cards = serde_json::from_slice::<Value>(&o.stdout).unwrap()["scorecards"].clone();
    let cli: BTreeMap<String, i64> = cards
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["subject"].as_str().unwrap().to_owned(),
                c["total"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(cli, totals);
    let stderr = String::from_utf8_lossy(&o.stderr);
    for e in want["errors"].as_array().unwrap() {
        assert!(
            stderr.contains(&format!(
                "incident row {}: `{}`",
                e["row"],
                e["field"].as_str().unwrap()
            )),
            "{stderr}"
        );
    }
}

#[test]
fn violations_read_alike_in_the_core_and_the_cli() {
    let want = &expected()["violation"];
    let rows: Vec<Result<ViolationRecord, RowError>> = both("violations");
    assert_eq!(errors(&rows), want["errors"]);
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let mixed: Vec<Result<ViolationRecord, zhidu::Error>> = rows
        .into_iter()
        .map(|r| r.map_err(zhidu::Error::from))
        .collect();
    let d = p.decide(&mixed, None).unwrap();
    let decided: BTreeMap<String, String> = d
        .decisions
        .iter()
        .map(|x| (x.row.to_string(), x.violation.clone()))
        .collect();
    assert_eq!(serde_json::to_value(&decided).unwrap(), want["decided"]);
    let o = zhidu(&[
        "decide",
        "--policy",
        "s2-service-center",
        "--violations",
        &path("violations.csv"),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let cli = serde_json::from_slice::<Value>(&o.stdout).unwrap()["decisions"].clone();
    let cli: BTreeMap<String, String> = cli
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["row"].to_string(),
                x["violation"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(cli, decided);
    let stderr = String::from_utf8_lossy(&o.stderr);
    for e in want["errors"].as_array().unwrap() {
        assert!(
            stderr.contains(&format!(
                "violation row {}: `{}`",
                e["row"],
                e["field"].as_str().unwrap()
            )),
            "{stderr}"
        );
    }
}

#[test]
fn rosters_read_alike_and_a_bad_entry_is_a_row_error() {
    let want = &expected()["roster"];
    let good: Vec<Result<RosterEntry, RowError>> = both("roster");
    assert!(good.iter().all(Result::is_ok));
    let bad: Vec<Result<RosterEntry, RowError>> = both("roster_bad");
    assert_eq!(errors(&bad), json!([want["bad"]]));
    let o = zhidu(&[
        "assess",
        "--policy",
        "s2-service-center",
        "--period",
        "2026-10",
        "--incidents",
        &path("incidents.csv"),
        "--roster",
        &path("roster_bad.csv"),
    ]);
    // A bad roster entry is one row error (exit 1); every other row is still answered.
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("roster row 2: `window` is missing"));
    assert!(!o.stdout.is_empty());
    let o = zhidu(&[
        "assess",
        "--policy",
        "s2-service-center",
        "--period",
        "2026-10",
        "--incidents",
        &path("incidents.csv"),
        "--roster",
        &path("roster.csv"),
        "--format",
        "json",
    ]);
    let cards = serde_json::from_slice::<Value>(&o.stdout).unwrap()["scorecards"].clone();
    for (who, total) in want["totals"].as_object().unwrap() {
        let card = cards
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["subject"] == who.as_str())
            .unwrap();
        assert_eq!(&card["total"], total, "{who}");
    }
}

#[test]
fn due_rows_read_alike_in_the_core_and_the_cli() {
    let want = &expected()["due"];
    let rows: Vec<Lined<zhidu::rows::DueRow>> = read_csv(
        std::fs::File::open(dir().join("due.csv"))
            .map(std::io::BufReader::new)
            .unwrap(),
    )
    .unwrap();
    let rows: Vec<Result<zhidu::rows::DueRow, RowError>> = rows
        .into_iter()
        .map(|(_, r)| {
            r.map_err(|mut e| {
                e.line = None;
                e
            })
        })
        .collect();
    assert_eq!(errors(&rows), want["errors"]);
    let ps = PolicySet::builtin().unwrap();
    let class = ps
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    for (row, date) in want["good"].as_object().unwrap() {
        let r = rows[row.parse::<usize>().unwrap() - 1].as_ref().unwrap();
        assert_eq!(
            class
                .due(r.accepted_at, r.days)
                .unwrap()
                .due_date
                .to_string(),
            date.as_str().unwrap()
        );
    }
    let o = zhidu(&[
        "due",
        "--policy",
        "s2-service-center",
        "--class",
        "promised",
        "--input",
        &path("due.csv"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let mut rdr = csv::Reader::from_reader(o.stdout.as_slice());
    let out: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(out.len(), 5);
    for (row, date) in want["good"].as_object().unwrap() {
        assert_eq!(
            &out[row.parse::<usize>().unwrap() - 1][2],
            date.as_str().unwrap()
        );
    }
    for e in want["errors"].as_array().unwrap() {
        let n = e["row"].as_u64().unwrap();
        assert!(
            out[n as usize - 1][6]
                .starts_with(&format!("row {n}: `{}`", e["field"].as_str().unwrap()))
        );
    }
}
