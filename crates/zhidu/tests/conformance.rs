//! Runs the conformance corpus `tests/cases/**/*.toml` against the core crate.
//!
//! Each file is one scenario with hand-computed expectations; the same files run under the
//! CLI, Python and Node runners. A failure names the file and the field that differs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::path::{Path, PathBuf};

use serde_json::Value;
use zhidu::{Case, PolicySet, Start};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// Compare the expected error (code, optional message) with an actual one.
fn check_error(expect: &Value, err: &zhidu::Error) -> Result<(), String> {
    let code = s(expect, "error").unwrap_or("");
    if err.code() != code {
        return Err(format!(
            "expected error `{code}`, got `{}`: {err}",
            err.code()
        ));
    }
    if let Some(msg) = s(expect, "message") {
        if err.to_string() != msg {
            return Err(format!("expected message `{msg}`, got `{err}`"));
        }
    }
    Ok(())
}

fn expect_field(expect: &Value, key: &str, actual: Option<String>, errors: &mut Vec<String>) {
    if let Some(want) = expect.get(key) {
        let want = match want {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let got = actual.unwrap_or_else(|| "null".to_owned());
        if want != got {
            errors.push(format!("{key}: expected {want}, got {got}"));
        }
    }
}

fn run_due(ps: &PolicySet, scenario: &Value) -> Result<(), String> {
    let input = &scenario["input"];
    let expect = &scenario["expect"];
    let result = (|| {
        let p = ps.policy(s(scenario, "policy").unwrap_or(""))?;
        let start: Start = s(input, "accepted_at").unwrap_or("").parse()?;
        let days = input
            .get("days")
            .and_then(Value::as_u64)
            .map(|d| u32::try_from(d).unwrap());
        p.due(s(input, "class").unwrap_or(""), start, days)
    })();
    match (result, expect.get("error")) {
        (Err(e), Some(_)) => check_error(expect, &e),
        (Err(e), None) => Err(format!("unexpected error `{}`: {e}", e.code())),
        (Ok(due), Some(_)) => Err(format!("expected an error, got due {}", due.due_date)),
        (Ok(due), None) => {
            let mut errors = Vec::new();
            expect_field(
                expect,
                "due_date",
                Some(due.due_date.to_string()),
                &mut errors,
            );
            expect_field(expect, "due_at", Some(due.due_at.to_rfc3339()), &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(errors.join("; "))
            }
        }
    }
}

fn run_case(ps: &PolicySet, scenario: &Value) -> Result<(), String> {
    let input = &scenario["input"];
    let expect = &scenario["expect"];
    let result = (|| {
        let p = ps.policy(s(scenario, "policy").unwrap_or(""))?;
        let case: Case =
            serde_json::from_value(input["case"].clone()).map_err(|e| zhidu::Error::Input {
                message: e.to_string(),
                hint: None,
            })?;
        let as_of = Start::parse_instant(s(input, "as_of").unwrap_or(""), p.calendar().offset())?;
        p.case_status(&case, as_of)
    })();
    match (result, expect.get("error")) {
        (Err(e), Some(_)) => check_error(expect, &e),
        (Err(e), None) => Err(format!("unexpected error `{}`: {e}", e.code())),
        (Ok(st), Some(_)) => Err(format!("expected an error, got status {}", st.status)),
        (Ok(st), None) => {
            let mut errors = Vec::new();
            expect_field(expect, "status", Some(st.status.to_string()), &mut errors);
            expect_field(
                expect,
                "due_date",
                st.due_date.map(|d| d.to_string()),
                &mut errors,
            );
            expect_field(
                expect,
                "due_at",
                st.due_at.map(|d| d.to_rfc3339()),
                &mut errors,
            );
            expect_field(
                expect,
                "remaining",
                st.remaining.map(|r| r.to_string()),
                &mut errors,
            );
            expect_field(
                expect,
                "overdue_days",
                Some(st.overdue_days.to_string()),
                &mut errors,
            );
            expect_field(
                expect,
                "legal_due_date",
                st.legal_due_date.map(|d| d.to_string()),
                &mut errors,
            );
            if errors.is_empty() {
                Ok(())
            } else {
                Err(errors.join("; "))
            }
        }
    }
}

fn run_load(scenario: &Value) -> Result<(), String> {
    let files: Vec<(String, String)> = scenario["input"]["files"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let expect = &scenario["expect"];
    match (PolicySet::from_sources(&refs), expect.get("error")) {
        (Ok(_), None) => Ok(()),
        (Ok(_), Some(_)) => Err("expected a load error, the files loaded".to_owned()),
        (Err(e), None) => Err(format!("unexpected load error: {e}")),
        (Err(e), Some(_)) => {
            check_error(expect, &e)?;
            let got: Vec<_> = e
                .diagnostics()
                .iter()
                .filter(|d| d.severity == zhidu::Severity::Error)
                .collect();
            let want = expect
                .get("diagnostics")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            if !want.is_empty() && want.len() != got.len() {
                return Err(format!(
                    "expected {} diagnostics, got {}: {:#?}",
                    want.len(),
                    got.len(),
                    got
                ));
            }
            for (w, g) in want.iter().zip(&got) {
                let mut errors = Vec::new();
                expect_field(w, "line", Some(g.line.to_string()), &mut errors);
                expect_field(w, "column", Some(g.column.to_string()), &mut errors);
                expect_field(w, "path", Some(g.path.clone()), &mut errors);
                expect_field(w, "message", Some(g.message.clone()), &mut errors);
                expect_field(w, "file", Some(g.file.clone()), &mut errors);
                if !errors.is_empty() {
                    return Err(format!("{} (diagnostic: {g})", errors.join("; ")));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn conformance_corpus() {
    let mut paths = Vec::new();
    files(&corpus_dir(), &mut paths);
    let ps = PolicySet::builtin().unwrap();
    let mut failures = Vec::new();
    let mut ran = 0;
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let scenario: Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let outcome = match s(&scenario, "kind") {
            Some("due") => run_due(&ps, &scenario),
            Some("case") => run_case(&ps, &scenario),
            Some("load") => run_load(&scenario),
            // Kinds of later features are run by their own tests.
            _ => continue,
        };
        ran += 1;
        if let Err(e) = outcome {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(
        ran >= 1,
        "no conformance cases found under {}",
        corpus_dir().display()
    );
    assert!(
        failures.is_empty(),
        "{} of {ran} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("conformance: {ran} cases passed");
}
