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

/// The warnings' codes as the corpus writes them: a JSON list, `["outside_usual_range"]`.
fn warning_codes(warnings: &[zhidu::Warning]) -> String {
    Value::from(warnings.iter().map(|w| w.code.clone()).collect::<Vec<_>>()).to_string()
}

/// `provisional` (a bool) and `basis` (a list of lines), when the scenario expects them.
fn expect_provisional(
    expect: &Value,
    provisional: bool,
    basis: &[String],
    errors: &mut Vec<String>,
) {
    expect_field(expect, "provisional", Some(provisional.to_string()), errors);
    if let Some(want) = expect.get("basis") {
        let got = serde_json::to_value(basis).unwrap();
        if *want != got {
            errors.push(format!("basis: expected {want}, got {got}"));
        }
    }
}

/// A `notice_diff` scenario: the cases whose due date, status or overdue days move when the
/// scenario's notice file is loaded beside the builtin set.
fn run_notice_diff(ps: &PolicySet, scenario: &Value) -> Result<(), String> {
    let input = &scenario["input"];
    let with = with_files(ps, scenario).map_err(|e| format!("notice does not load: {e}"))?;
    let id = s(scenario, "policy").unwrap_or("");
    let (old, new) = (
        ps.policy(id).map_err(|e| e.to_string())?,
        with.policy(id).map_err(|e| e.to_string())?,
    );
    let as_of = Start::parse_instant(s(input, "as_of").unwrap_or(""), old.calendar().offset())
        .map_err(|e| e.to_string())?;
    let mut got = Vec::new();
    for c in input["cases"].as_array().cloned().unwrap_or_default() {
        let case: Case = serde_json::from_value(c).map_err(|e| e.to_string())?;
        if let Some(ch) = old
            .case_change(new, &case, as_of)
            .map_err(|e| e.to_string())?
        {
            got.push(serde_json::json!({
                "id": ch.id,
                "changed": ch.changed,
                "old_due_date": ch.old.due_date.map(|d| d.to_string()),
                "new_due_date": ch.new.due_date.map(|d| d.to_string()),
                "old_status": ch.old.status.to_string(),
                "new_status": ch.new.status.to_string(),
                "old_overdue_days": ch.old.overdue_days,
                "new_overdue_days": ch.new.overdue_days,
            }));
        }
    }
    let want = scenario["expect"]["changes"].clone();
    if Value::Array(got.clone()) == want {
        Ok(())
    } else {
        Err(format!(
            "changes: expected {want}, got {}",
            Value::Array(got)
        ))
    }
}

fn run_due(ps: &PolicySet, scenario: &Value) -> Result<(), String> {
    let ps = &with_files(ps, scenario).map_err(|e| format!("scenario files do not load: {e}"))?;
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
            expect_field(
                expect,
                "warnings",
                Some(warning_codes(&due.warnings)),
                &mut errors,
            );
            expect_provisional(expect, due.provisional, &due.basis, &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(errors.join("; "))
            }
        }
    }
}

fn run_case(ps: &PolicySet, scenario: &Value) -> Result<(), String> {
    let ps = &with_files(ps, scenario).map_err(|e| format!("scenario files do not load: {e}"))?;
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
                "warnings",
                Some(warning_codes(&st.warnings)),
                &mut errors,
            );
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
            expect_provisional(expect, st.provisional, &st.basis, &mut errors);
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
                expect_field(w, "help", g.help.clone(), &mut errors);
                if !errors.is_empty() {
                    return Err(format!("{} (diagnostic: {g})", errors.join("; ")));
                }
            }
            Ok(())
        }
    }
}

/// The builtin set plus the scenario's `[input.files]`, if it has any.
fn with_files(ps: &PolicySet, scenario: &Value) -> Result<PolicySet, zhidu::Error> {
    let Some(files) = scenario["input"].get("files").and_then(Value::as_object) else {
        return Ok(ps.clone());
    };
    let mut sources: Vec<(&str, &str)> = PolicySet::builtin_sources().to_vec();
    sources.extend(
        files
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or(""))),
    );
    PolicySet::from_sources(&sources)
}

/// Build the assessment of an `assess` or `rank` scenario.
fn assessment(
    ps: &PolicySet,
    scenario: &Value,
) -> Result<(zhidu::Assessment, &'static str), zhidu::Error> {
    let input = &scenario["input"];
    let p = ps.policy(s(scenario, "policy").unwrap_or(""))?;
    let period: zhidu::Period = s(input, "period").unwrap_or("").parse()?;
    // Rows are read one by one, as every host does: a row that does not parse is a row error.
    fn rows<T: serde::de::DeserializeOwned>(v: Option<&Value>) -> Vec<Result<T, zhidu::Error>> {
        v.and_then(Value::as_array)
            .map(|rows| {
                rows.iter()
                    .map(|r| {
                        serde_json::from_value(r.clone()).map_err(|e| zhidu::Error::Input {
                            message: e.to_string(),
                            hint: None,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    let incidents: Vec<Result<zhidu::Incident, zhidu::Error>> = rows(input.get("incidents"));
    let cases: Vec<Result<Case, zhidu::Error>> = rows(input.get("cases"));
    let roster: Vec<(String, String)> = input
        .get("roster")
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    (
                        s(r, "subject").unwrap_or("").to_owned(),
                        s(r, "window").unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let mut req = zhidu::AssessRequest::new(period)
        .incident_rows(&incidents)
        .roster(&roster);
    let case_policy;
    if !cases.is_empty() {
        case_policy =
            ps.policy(s(input, "case_policy").unwrap_or(s(scenario, "policy").unwrap_or("")))?;
        req = req.case_rows(case_policy, &cases);
    }
    Ok((p.assess(&req)?, "ok"))
}

fn run_assess(ps: &PolicySet, scenario: &Value) -> Result<(), String> {
    let expect = &scenario["expect"];
    let (a, _) = match (assessment(ps, scenario), expect.get("error")) {
        (Err(e), Some(_)) => return check_error(expect, &e),
        (Err(e), None) => return Err(format!("unexpected error `{}`: {e}", e.code())),
        (Ok(_), Some(_)) => return Err("expected an error, got an assessment".to_owned()),
        (Ok(a), None) => a,
    };
    let mut errors = Vec::new();
    expect_field(
        expect,
        "outside_period",
        Some(a.outside_period.to_string()),
        &mut errors,
    );
    expect_field(
        expect,
        "unpriced_late",
        Some(a.unpriced_late.to_string()),
        &mut errors,
    );
    if let Some(want) = expect.get("errors").and_then(Value::as_array) {
        let got: Vec<String> = a
            .errors
            .iter()
            .map(|e| format!("{} row {}: {} {}", e.input, e.row, e.error.code(), e.error))
            .collect();
        if want.len() != a.errors.len() {
            errors.push(format!(
                "expected {} row errors, got {}: {got:?}",
                want.len(),
                a.errors.len()
            ));
        }
        for w in want {
            let row = w.get("row").and_then(Value::as_u64).unwrap_or(0);
            let input = s(w, "input").unwrap_or("incident");
            let found = a
                .errors
                .iter()
                .find(|e| e.row as u64 == row && e.input == input);
            match found {
                None => errors.push(format!(
                    "expected an error at {input} row {row}, got {got:?}"
                )),
                Some(e) => {
                    if let Some(code) = s(w, "code") {
                        if e.error.code() != code {
                            errors.push(format!(
                                "row {row}: expected `{code}`, got `{}`",
                                e.error.code()
                            ));
                        }
                    }
                    if let Some(part) = s(w, "message_contains") {
                        let text = format!("{} {}", e.error, e.error.help().unwrap_or_default());
                        if !text.contains(part) {
                            errors.push(format!("row {row}: `{text}` does not contain `{part}`"));
                        }
                    }
                }
            }
        }
    }
    if let Some(cards) = expect.get("scorecards").and_then(Value::as_array) {
        for want in cards {
            let subject = s(want, "subject").unwrap_or("");
            let kind = s(want, "kind").unwrap_or("any");
            let Some(card) = a.scorecards.iter().find(|c| {
                c.subject == subject
                    && (kind == "any" || serde_json::to_value(c.kind).unwrap() == kind)
            }) else {
                errors.push(format!(
                    "no {kind} scorecard for `{subject}`; cards: {:?}",
                    a.scorecards.iter().map(|c| &c.subject).collect::<Vec<_>>()
                ));
                continue;
            };
            let v = serde_json::to_value(card).unwrap();
            let mut e = Vec::new();
            for key in ["total", "bonus", "fines", "withholdings", "window"] {
                expect_field(
                    want,
                    key,
                    v.get(key).map(|x| match x {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    }),
                    &mut e,
                );
            }
            if let Some(cats) = want.get("categories").and_then(Value::as_object) {
                for (id, score) in cats {
                    let got = card
                        .categories
                        .iter()
                        .find(|c| &c.id == id)
                        .map(|c| c.score);
                    if got.map(Value::from).as_ref() != Some(score) {
                        e.push(format!("category {id}: expected {score}, got {got:?}"));
                    }
                }
            }
            if let Some(want_effects) = want.get("effects").and_then(Value::as_array) {
                let mut w: Vec<&str> = want_effects.iter().filter_map(Value::as_str).collect();
                let mut g: Vec<&str> = card.effects.iter().map(|e| &*e.name).collect();
                w.sort_unstable();
                w.dedup();
                g.sort_unstable();
                g.dedup();
                if w != g {
                    e.push(format!("effects: expected {w:?}, got {g:?}"));
                }
            }
            if let Some(n) = want.get("lines").and_then(Value::as_u64) {
                if card.lines.len() as u64 != n {
                    e.push(format!("lines: expected {n}, got {}", card.lines.len()));
                }
            }
            // Provenance: every line of the rule names the policy it is imported from ("" for
            // the policy's own rules).
            if let Some(from) = want.get("imported_from").and_then(Value::as_object) {
                for (rule, policy) in from {
                    let lines: Vec<&str> = card
                        .lines
                        .iter()
                        .filter(|l| &*l.rule == rule)
                        .map(|l| l.imported_from.as_deref().unwrap_or(""))
                        .collect();
                    let want = policy.as_str().unwrap_or("");
                    if lines.is_empty() || lines.iter().any(|g| *g != want) {
                        e.push(format!(
                            "imported_from of {rule}: expected `{want}`, got {lines:?}"
                        ));
                    }
                }
            }
            errors.extend(e.into_iter().map(|x| format!("{subject}: {x}")));
        }
        if let Some(n) = expect.get("scorecard_count").and_then(Value::as_u64) {
            if a.scorecards.len() as u64 != n {
                errors.push(format!(
                    "expected {n} scorecards, got {}",
                    a.scorecards.len()
                ));
            }
        }
    }
    if let Some(ranking) = expect.get("ranking").and_then(Value::as_array) {
        let p = ps
            .policy(s(scenario, "policy").unwrap_or(""))
            .map_err(|e| e.to_string())?;
        let got = p.rank(&a).map_err(|e| e.to_string())?;
        for w in ranking {
            let window = s(w, "window").unwrap_or("");
            let Some(r) = got.iter().find(|r| r.window == window) else {
                errors.push(format!("window `{window}` not ranked"));
                continue;
            };
            let v = serde_json::to_value(r).unwrap();
            for key in ["rank", "score", "eligible", "members"] {
                expect_field(
                    w,
                    key,
                    v.get(key).map(|x| match x {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    }),
                    &mut errors,
                );
            }
            if let Some(want) = w.get("disqualified_by").and_then(Value::as_array) {
                let got: Vec<(String, String)> = r
                    .disqualified_by
                    .iter()
                    .map(|d| (d.rule.clone(), d.imported_from.clone().unwrap_or_default()))
                    .collect();
                let want: Vec<(String, String)> = want
                    .iter()
                    .map(|d| {
                        (
                            s(d, "rule").unwrap_or("").to_owned(),
                            s(d, "imported_from").unwrap_or("").to_owned(),
                        )
                    })
                    .collect();
                if want != got {
                    errors.push(format!(
                        "{window} disqualified_by: expected {want:?}, got {got:?}"
                    ));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

fn run_decide(ps: &PolicySet, scenario: &Value) -> Result<(), String> {
    let input = &scenario["input"];
    let expect = &scenario["expect"];
    let result = (|| {
        let p = ps.policy(s(scenario, "policy").unwrap_or(""))?;
        let records: Vec<Result<zhidu::ViolationRecord, zhidu::Error>> = input
            .get("violations")
            .and_then(Value::as_array)
            .map(|rows| {
                rows.iter()
                    .map(|r| {
                        serde_json::from_value(r.clone()).map_err(|e| zhidu::Error::Input {
                            message: e.to_string(),
                            hint: None,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let as_of = s(input, "as_of")
            .map(|a| Start::parse_instant(a, p.calendar().offset()))
            .transpose()?;
        p.decide(&records, as_of)
    })();
    let d = match (result, expect.get("error")) {
        (Err(e), Some(_)) => return check_error(expect, &e),
        (Err(e), None) => return Err(format!("unexpected error `{}`: {e}", e.code())),
        (Ok(_), Some(_)) => return Err("expected an error, got decisions".to_owned()),
        (Ok(d), None) => d,
    };
    let mut errors = Vec::new();
    let want_errors = expect
        .get("errors")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let got_errors: Vec<String> = d
        .errors
        .iter()
        .map(|e| format!("row {}: {} {}", e.row, e.error.code(), e.error))
        .collect();
    if want_errors.len() != d.errors.len() {
        errors.push(format!(
            "expected {} row errors, got {got_errors:?}",
            want_errors.len()
        ));
    }
    for w in &want_errors {
        let row = w.get("row").and_then(Value::as_u64).unwrap_or(0);
        match d.errors.iter().find(|e| e.row as u64 == row) {
            None => errors.push(format!(
                "expected an error at row {row}, got {got_errors:?}"
            )),
            Some(e) => {
                if let Some(code) = s(w, "code") {
                    if e.error.code() != code {
                        errors.push(format!(
                            "row {row}: expected `{code}`, got `{}`: {}",
                            e.error.code(),
                            e.error
                        ));
                    }
                }
                if let Some(part) = s(w, "message_contains") {
                    let text = format!("{} {}", e.error, e.error.help().unwrap_or_default());
                    if !text.contains(part) {
                        errors.push(format!("row {row}: `{text}` does not contain `{part}`"));
                    }
                }
            }
        }
    }
    if let Some(want) = expect.get("decisions").and_then(Value::as_array) {
        if want.len() != d.decisions.len() {
            errors.push(format!(
                "expected {} decisions, got {}",
                want.len(),
                d.decisions.len()
            ));
        }
        for (i, (w, g)) in want.iter().zip(&d.decisions).enumerate() {
            let mut e = Vec::new();
            expect_field(w, "subject", Some(g.subject.clone()), &mut e);
            if let Some(at) = s(w, "at") {
                let got = if at.len() == 10 {
                    g.at.date_naive().to_string()
                } else {
                    g.at.to_rfc3339()
                };
                if got != at {
                    e.push(format!("at: expected {at}, got {got}"));
                }
            }
            expect_field(w, "violation", Some(g.violation.clone()), &mut e);
            expect_field(w, "applied", Some(g.applied.clone()), &mut e);
            expect_field(w, "tier", Some(g.tier.unwrap_or(0).to_string()), &mut e);
            expect_field(w, "needs_review", Some(g.needs_review.to_string()), &mut e);
            // 照价赔偿: the record's original price, "" when the decision carries none.
            expect_field(
                w,
                "compensation",
                Some(g.compensation.map(|c| c.to_string()).unwrap_or_default()),
                &mut e,
            );
            expect_field(
                w,
                "escalation",
                Some(
                    g.escalation
                        .as_ref()
                        .map(|x| x.clause.clone())
                        .unwrap_or_default(),
                ),
                &mut e,
            );
            expect_field(
                w,
                "candidate_tier",
                Some(g.candidate_tier.unwrap_or(0).to_string()),
                &mut e,
            );
            // The explanation: exactly the clauses that applied, in order (issue #11).
            if let Some(c) = w.get("clauses").and_then(Value::as_array) {
                let want_c: Vec<&str> = c.iter().filter_map(Value::as_str).collect();
                if want_c != g.clauses {
                    e.push(format!("clauses: expected {want_c:?}, got {:?}", g.clauses));
                }
            }
            expect_field(
                w,
                "refers_to",
                Some(
                    g.escalation
                        .as_ref()
                        .and_then(|x| x.refers_to.as_ref())
                        .map(|p| p.at.date_naive().to_string())
                        .unwrap_or_default(),
                ),
                &mut e,
            );
            if let Some(part) = s(w, "review_contains") {
                let text = g.review_reasons.join("; ");
                if !text.contains(part) {
                    e.push(format!("review reasons `{text}` do not contain `{part}`"));
                }
            }
            if let Some(m) = w.get("measures").and_then(Value::as_array) {
                let want_m: Vec<&str> = m.iter().filter_map(Value::as_str).collect();
                if want_m != g.measures {
                    e.push(format!(
                        "measures: expected {want_m:?}, got {:?}",
                        g.measures
                    ));
                }
            }
            errors.extend(
                e.into_iter()
                    .map(|x| format!("decision {} ({} {}): {x}", i + 1, g.subject, g.violation)),
            );
        }
    }
    if let Some(want) = expect.get("highest").and_then(Value::as_array) {
        for w in want {
            let subject = s(w, "subject").unwrap_or("");
            let got = d
                .subjects
                .iter()
                .find(|x| x.subject == subject)
                .and_then(|x| x.highest_tier)
                .unwrap_or(0);
            let tier = w.get("tier").and_then(Value::as_u64).unwrap_or(0);
            if u64::from(got) != tier {
                errors.push(format!(
                    "highest tier of {subject}: expected {tier}, got {got}"
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// Whether the report's JSON `actual` holds what `expect` says: tables key by key, lists item
/// by item (a list of ids or row numbers against a list of cases or row errors), a rate by its
/// percentage, scalars by their text.
fn report_matches(path: &str, expect: &Value, actual: &Value, errors: &mut Vec<String>) {
    match (expect, actual) {
        (Value::Object(want), Value::Object(got)) => {
            for (k, w) in want {
                report_matches(
                    &format!("{path}.{k}"),
                    w,
                    got.get(k).unwrap_or(&Value::Null),
                    errors,
                );
            }
        }
        (Value::Array(want), Value::Array(got)) => {
            if want.len() != got.len() {
                errors.push(format!(
                    "{path}: expected {} items, got {}",
                    want.len(),
                    got.len()
                ));
            }
            for (i, (w, g)) in want.iter().zip(got).enumerate() {
                report_matches(&format!("{path}[{i}]"), w, g, errors);
            }
        }
        (w, Value::Object(got)) if !w.is_object() => {
            // A rate by its percentage, a case by its id, a row error by its row.
            let g = got
                .get("percent")
                .or_else(|| got.get("id"))
                .or_else(|| got.get("row"));
            report_matches(path, w, g.unwrap_or(&Value::Null), errors);
        }
        (w, g) => {
            let text = |v: &Value| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if text(w) != text(g) {
                errors.push(format!("{path}: expected {}, got {}", text(w), text(g)));
            }
        }
    }
}

fn run_report(ps: &PolicySet, scenario: &Value) -> Result<(), String> {
    let input = &scenario["input"];
    let p = ps
        .policy(s(scenario, "policy").unwrap_or(""))
        .map_err(|e| e.to_string())?;
    let period: zhidu::Period = s(input, "period")
        .unwrap_or("")
        .parse()
        .map_err(|e: zhidu::Error| e.to_string())?;
    fn rows<T: serde::de::DeserializeOwned>(v: Option<&Value>) -> Vec<Result<T, zhidu::Error>> {
        v.and_then(Value::as_array)
            .map(|rows| {
                rows.iter()
                    .map(|r| {
                        serde_json::from_value(r.clone()).map_err(|e| zhidu::Error::Input {
                            message: e.to_string(),
                            hint: None,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    let cases: Vec<Result<Case, zhidu::Error>> = rows(input.get("cases"));
    let incidents: Vec<Result<zhidu::Incident, zhidu::Error>> = rows(input.get("incidents"));
    let violations: Vec<Result<zhidu::ViolationRecord, zhidu::Error>> =
        rows(input.get("violations"));
    // `previous_cases = "cases"`: the same log (each period counts only its own cases).
    let previous: Option<Vec<Result<Case, zhidu::Error>>> = match input.get("previous_cases") {
        Some(Value::String(same)) if same == "cases" => Some(rows(input.get("cases"))),
        Some(v) => Some(rows(Some(v))),
        None => None,
    };
    let mut req = zhidu::ReportRequest::new(period)
        .cases(&cases)
        .incidents(&incidents)
        .violations(&violations);
    if let Some(a) = s(input, "as_of") {
        req = req.as_of(Start::parse_instant(a, p.calendar().offset()).map_err(|e| e.to_string())?);
    }
    if let Some(rows) = &previous {
        req = req.previous_cases(rows);
    }
    let report = p.report(&req).map_err(|e| e.to_string())?;
    let actual = serde_json::to_value(&report).map_err(|e| e.to_string())?;
    let mut errors = Vec::new();
    report_matches("", &scenario["expect"], &actual, &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// Rows of kind `T` from a scenario's list, read by the core's row reader as every host does.
fn schedule_rows<T: zhidu::rows::FromRow>(v: Option<&Value>) -> Vec<Result<T, zhidu::Error>> {
    let cells = v
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .map(zhidu::rows::Cell::from_json)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    zhidu::rows::read_all::<T>(cells)
        .into_iter()
        .map(|r| r.map_err(zhidu::Error::from))
        .collect()
}

/// `rota`, `patrols` and `obligations` scenarios: the answer's JSON holds `[expect]`, or the
/// call fails with `expect.error` (its code) and `expect.message`.
fn run_schedule(ps: &PolicySet, scenario: &Value) -> Result<(), String> {
    let input = &scenario["input"];
    let expect = &scenario["expect"];
    let p = ps
        .policy(s(scenario, "policy").unwrap_or(""))
        .map_err(|e| e.to_string())?;
    let windows: Result<Vec<zhidu::DutyWindow>, zhidu::Error> =
        schedule_rows(input.get("windows")).into_iter().collect();
    let answer = windows.and_then(|windows| match s(scenario, "kind") {
        Some("rota") => p
            .rota(
                input["year"].as_i64().unwrap_or(0) as i32,
                &windows,
                &schedule_rows(input.get("away")),
            )
            .map(|a| serde_json::to_value(a).unwrap()),
        Some("patrols") => s(input, "period").unwrap_or("").parse().and_then(|period| {
            p.patrol_failures(period, &windows, &schedule_rows(input.get("log")))
                .map(|a| serde_json::to_value(a).unwrap())
        }),
        _ => s(input, "period").unwrap_or("").parse().and_then(|period| {
            let log = input.get("log").map(|l| schedule_rows(Some(l)));
            p.obligations(period, log.as_deref())
                .map(|a| serde_json::to_value(a).unwrap())
        }),
    });
    match (answer, expect.get("error")) {
        (Err(e), Some(_)) => check_error(expect, &e),
        (Err(e), None) => Err(format!("unexpected error: {e}")),
        (Ok(_), Some(code)) => Err(format!("expected error {code}, got an answer")),
        (Ok(actual), None) => {
            let mut errors = Vec::new();
            report_matches("", expect, &actual, &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(errors.join("; "))
            }
        }
    }
}

/// Rows of kind `T` from the scenario's `[input]` list `key`, read by the core's row schema
/// (as every host reads them): a bad row keeps its place as an error.
fn schema_rows<T: zhidu::rows::FromRow>(input: &Value, key: &str) -> Vec<Result<T, zhidu::Error>> {
    input
        .get(key)
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, r)| zhidu::rows::read_json::<T>(r, i + 1).map_err(zhidu::Error::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Rows of a kind read as every host reads them: one JSON object per row through the core's
/// row schema, a row that does not read is a row error in its place.
fn json_rows<T: zhidu::rows::FromRow>(v: Option<&Value>) -> Vec<Result<T, zhidu::Error>> {
    v.and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, r)| {
                    zhidu::rows::read::<T>(zhidu::rows::Cell::from_json(r), i + 1)
                        .map_err(zhidu::Error::from)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// `kind = "access"`: `[input] requests`, `[expect]` a subset of the answer's JSON.
fn run_access(ps: &PolicySet, scenario: &Value) -> Result<(), String> {
    let p = ps
        .policy(s(scenario, "policy").unwrap_or(""))
        .map_err(|e| e.to_string())?;
    let requests = schema_rows::<zhidu::AccessRequest>(&scenario["input"], "requests");
    let answer = p.access(&requests).map_err(|e| e.to_string())?;
    let actual = serde_json::to_value(&answer).map_err(|e| e.to_string())?;
    let mut errors = Vec::new();
    report_matches("", &scenario["expect"], &actual, &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// `kind = "retention"`: `[input] records` and `as_of`, `[expect]` a subset of the answer's JSON.
fn run_retention(ps: &PolicySet, scenario: &Value) -> Result<(), String> {
    let p = ps
        .policy(s(scenario, "policy").unwrap_or(""))
        .map_err(|e| e.to_string())?;
    let input = &scenario["input"];
    let as_of = s(input, "as_of")
        .unwrap_or("")
        .parse::<chrono::NaiveDate>()
        .map_err(|e| e.to_string())?;
    let records = schema_rows::<zhidu::RetentionRecord>(input, "records");
    let answer = p.retention(&records, as_of).map_err(|e| e.to_string())?;
    let actual = serde_json::to_value(&answer).map_err(|e| e.to_string())?;
    let mut errors = Vec::new();
    report_matches("", &scenario["expect"], &actual, &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// A `triggers`, `subsidies` or `flow` scenario: the answer's JSON holds `[expect]`.
fn run_answer(ps: &PolicySet, scenario: &Value, kind: &str) -> Result<(), String> {
    let input = &scenario["input"];
    let p = ps
        .policy(s(scenario, "policy").unwrap_or(""))
        .map_err(|e| e.to_string())?;
    let answer = match kind {
        "triggers" => serde_json::to_value(p.triggers(&json_rows(input.get("facts")))),
        "subsidies" => serde_json::to_value(p.subsidies(&json_rows(input.get("trainees")))),
        _ => serde_json::to_value(p.flow_findings(&json_rows(input.get("cases")))),
    }
    .map_err(|e| e.to_string())?;
    let actual = answer
        .get("Ok")
        .cloned()
        .ok_or_else(|| format!("the call failed: {answer}"))?;
    let mut errors = Vec::new();
    report_matches("", &scenario["expect"], &actual, &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
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
            Some("due") => match with_files(&ps, &scenario) {
                Ok(set) => run_due(&set, &scenario),
                Err(e) => Err(format!("scenario files do not load: {e}")),
            },
            Some("case") => run_case(&ps, &scenario),
            Some("load") => run_load(&scenario),
            Some("notice_diff") => run_notice_diff(&ps, &scenario),
            Some("decide") => match with_files(&ps, &scenario) {
                Ok(set) => run_decide(&set, &scenario),
                Err(e) => Err(format!("scenario files do not load: {e}")),
            },
            Some("report") => run_report(&ps, &scenario),
            Some("rota" | "patrols" | "obligations") => match with_files(&ps, &scenario) {
                Ok(set) => run_schedule(&set, &scenario),
                Err(e) => Err(format!("scenario files do not load: {e}")),
            },
            Some("access") => match with_files(&ps, &scenario) {
                Ok(set) => run_access(&set, &scenario),
                Err(e) => Err(format!("scenario files do not load: {e}")),
            },
            Some("retention") => run_retention(&ps, &scenario),
            Some(kind @ ("triggers" | "subsidies" | "flow")) => run_answer(&ps, &scenario, kind),
            Some("assess" | "rank") => match with_files(&ps, &scenario) {
                Ok(set) => run_assess(&set, &scenario),
                Err(e) => Err(format!("scenario files do not load: {e}")),
            },
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
