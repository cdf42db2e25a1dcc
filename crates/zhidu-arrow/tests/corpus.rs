//! The conformance corpus's `assess` scenarios (tests/cases/assess, hand-computed; their
//! expectations are checked by crates/zhidu/tests/conformance.rs) as Arrow batches: the
//! answer of `zhidu_arrow::assess` equals the core's over the same rows read as every host
//! reads them. Texts that repeat are dictionary-encoded and dates are `Date32` or
//! `Timestamp`s where every row has one, so the column path is the one exercised; a scenario
//! whose column has another type (a quantity written as a word) goes through the row reader.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::path::PathBuf;
use std::sync::Arc;

use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, Date32Array, DictionaryArray, Int64Array, RecordBatch, StringArray,
    TimestampSecondArray,
};
use serde_json::Value;
use zhidu::rows::Cell;
use zhidu::{AssessRequest, Incident, PolicySet, Start};

const TEXTS: [&str; 8] = [
    "subject",
    "window",
    "department",
    "rule",
    "case",
    "note",
    "basis",
    "ref",
];

fn text_column(name: &str, rows: &[Value]) -> ArrayRef {
    let values: Vec<Option<String>> = rows
        .iter()
        .map(|r| match r.get(name) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
        .collect();
    if ["subject", "window", "rule"].contains(&name) {
        let dict: DictionaryArray<Int32Type> = values.iter().map(|v| v.as_deref()).collect();
        Arc::new(dict)
    } else {
        Arc::new(StringArray::from(values))
    }
}

/// `at` as Date32 when every row is a date, as a Timestamp (wall time, or instant with its
/// zone) when every row is one of those, else as text.
fn at_column(rows: &[Value], offset: chrono::FixedOffset) -> ArrayRef {
    let texts: Vec<Option<&str>> = rows.iter().map(|r| r["at"].as_str()).collect();
    let starts: Vec<Option<Start>> = texts
        .iter()
        .map(|t| t.and_then(|t| t.parse::<Start>().ok()))
        .collect();
    if starts.iter().all(|s| matches!(s, Some(Start::Date(_)))) {
        return Arc::new(Date32Array::from_iter(starts.iter().map(|s| match s {
            Some(Start::Date(d)) => Some(zhidu::columns::epoch_day(*d) as i32),
            _ => None,
        })));
    }
    if starts.iter().all(|s| matches!(s, Some(Start::Local(_)))) {
        return Arc::new(TimestampSecondArray::from_iter(starts.iter().map(
            |s| match s {
                Some(Start::Local(t)) => Some(t.and_utc().timestamp()),
                _ => None,
            },
        )));
    }
    if starts.iter().all(|s| matches!(s, Some(Start::Instant(_)))) {
        return Arc::new(
            TimestampSecondArray::from_iter(starts.iter().map(|s| match s {
                Some(Start::Instant(t)) => Some(t.timestamp()),
                _ => None,
            }))
            .with_timezone(offset.to_string()),
        );
    }
    Arc::new(StringArray::from(texts))
}

fn whole_column(name: &str, rows: &[Value]) -> ArrayRef {
    let all_ints = rows
        .iter()
        .all(|r| r.get(name).is_none_or(|v| v.is_i64() || v.is_null()));
    if all_ints {
        Arc::new(Int64Array::from_iter(
            rows.iter().map(|r| r.get(name).and_then(Value::as_i64)),
        ))
    } else {
        Arc::new(StringArray::from_iter(rows.iter().map(|r| {
            r.get(name).map(|v| match v {
                Value::String(s) => s.clone(),
                v => v.to_string(),
            })
        })))
    }
}

fn batch(rows: &[Value], offset: chrono::FixedOffset) -> RecordBatch {
    let has = |name: &str| rows.iter().any(|r| r.get(name).is_some());
    let mut columns: Vec<(&str, ArrayRef)> = Vec::new();
    for name in TEXTS {
        if has(name) || ["subject", "rule"].contains(&name) {
            columns.push((name, text_column(name, rows)));
        }
    }
    columns.push(("at", at_column(rows, offset)));
    for name in ["quantity", "points"] {
        if has(name) {
            columns.push((name, whole_column(name, rows)));
        }
    }
    RecordBatch::try_from_iter(columns).unwrap()
}

#[test]
fn every_assess_scenario_scores_alike_from_arrow() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases/assess");
    let builtin = PolicySet::builtin().unwrap();
    let mut checked = 0;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let scenario: Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let input = &scenario["input"];
        let Some(rows) = input.get("incidents").and_then(Value::as_array) else {
            continue;
        };
        // Case logs and rosters are read by the same row reader in both paths; the
        // scenarios without them are the ones about the incidents.
        if input.get("cases").is_some() || input.get("roster").is_some() || rows.is_empty() {
            continue;
        }
        let ps = match input.get("files").and_then(Value::as_object) {
            None => builtin.clone(),
            Some(files) => {
                let mut sources: Vec<(&str, &str)> = PolicySet::builtin_sources().to_vec();
                sources.extend(files.iter().map(|(k, v)| (k.as_str(), v.as_str().unwrap())));
                match PolicySet::from_sources(&sources) {
                    Ok(ps) => ps,
                    Err(_) => continue,
                }
            }
        };
        let Ok(p) = ps.policy(scenario["policy"].as_str().unwrap()) else {
            continue;
        };
        let period = input["period"].as_str().unwrap().parse().unwrap();
        let read: Vec<Result<Incident, zhidu::Error>> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                zhidu::rows::read::<Incident>(Cell::from_json(r), i + 1).map_err(Into::into)
            })
            .collect();
        let by_rows = p.assess(&AssessRequest::new(period).incident_rows(&read));
        let by_arrow = zhidu_arrow::assess(
            p,
            &batch(rows, p.calendar().offset()),
            period,
            &Default::default(),
        );
        match (by_rows, by_arrow) {
            (Ok(a), Ok(b)) => assert_eq!(b, a, "{}", path.display()),
            (Err(a), Err(zhidu_arrow::Error::Zhidu(b))) => assert_eq!(b, a, "{}", path.display()),
            (a, b) => panic!("{}: {a:?} / {b:?}", path.display()),
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} scenarios checked");
}
