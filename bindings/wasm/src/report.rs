//! `Policy.report` and `Policy.reportFromFiles`: the monthly report over JavaScript row
//! objects or over the texts of the files a user picked, as the report object and its HTML.
//!
//! Files are read by the core (`zhidu::rows::read_named`, `read_roster`): CSV or JSON Lines
//! by the file's name, bad rows kept as row errors, exactly as `zhidu report` reads its paths.

use std::sync::Arc;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use zhidu::rows::{FromRow, Lined};
use zhidu::{Case, Error, Incident, Lang, Period, ViolationRecord};

use crate::Policy;
use crate::convert::{self, Fields, MAX_COLUMN_TEXT, MAX_FIELD, text, to_js};
use crate::error::js;
use crate::scoring;

const REPORT_EXAMPLE: &str = r#"{ period: "2026-10", cases: [{ id: "C1", class: "promised", acceptedAt: "2026-10-12", days: 5 }], lang: "zh" }"#;

const FILES_EXAMPLE: &str =
    r#"{ period: "2026-10", cases: { name: "cases.jsonl", text: await file.text() } }"#;

const FILE_EXAMPLE: &str = r#"{ name: "cases.jsonl", text: await file.text() }"#;

/// The keys of both requests: the files request has the same keys with files for rows.
const KEYS: &[&str] = &[
    "period",
    "cases",
    "incidents",
    "violations",
    "roster",
    "asOf",
    "casePolicy",
    "previousCases",
    "previousIncidents",
    "lang",
];

/// `{ period, cases?, incidents?, violations?, roster?, asOf?, casePolicy?, previousCases?,
/// previousIncidents?, lang? }` of `report`.
struct ReportInput {
    period: Period,
    cases: Vec<Result<Case, Error>>,
    incidents: Vec<Result<Incident, Error>>,
    violations: Vec<Result<ViolationRecord, Error>>,
    /// A roster file's bad entries are row errors in their places (the core's
    /// `read_roster`); entries given as JS values were checked when converted.
    roster: Vec<zhidu::rows::RosterRow>,
    as_of: Option<String>,
    case_policy: Option<String>,
    previous_cases: Option<Vec<Result<Case, Error>>>,
    previous_incidents: Option<Vec<Result<Incident, Error>>>,
    lang: Lang,
}

/// A field that may be absent (`undefined` or `null`).
fn given(value: JsValue) -> Option<JsValue> {
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

impl ReportInput {
    fn read(value: &JsValue) -> Result<Self, Error> {
        let f = Fields::new(value, "request", KEYS, REPORT_EXAMPLE)?;
        let period: Period = text(&f.get("period")?, "period", MAX_FIELD)?.parse()?;
        Ok(ReportInput {
            period,
            cases: given(f.get("cases")?)
                .map(|v| scoring::case_rows(&v))
                .transpose()?
                .unwrap_or_default(),
            incidents: given(f.get("incidents")?)
                .map(|v| scoring::incident_rows(&v))
                .transpose()?
                .unwrap_or_default(),
            violations: given(f.get("violations")?)
                .map(|v| scoring::violation_rows(&v))
                .transpose()?
                .unwrap_or_default(),
            roster: scoring::roster_rows(&f.get("roster")?)?
                .into_iter()
                .map(Ok)
                .collect(),
            as_of: given(f.get("asOf")?)
                .map(|v| crate::convert::instant_text(&v, "asOf"))
                .transpose()?,
            case_policy: opt_text(&f, "casePolicy")?,
            previous_cases: given(f.get("previousCases")?)
                .map(|v| scoring::case_rows(&v))
                .transpose()?,
            previous_incidents: given(f.get("previousIncidents")?)
                .map(|v| scoring::incident_rows(&v))
                .transpose()?,
            lang: lang(&f)?,
        })
    }

    /// `{ period, cases, incidents?, violations?, roster?, asOf?, casePolicy?,
    /// previousCases?, previousIncidents?, lang? }` of `reportFromFiles`: the same request
    /// with a file `{ name, text }` for each kind of rows, read by the core.
    fn from_files(value: &JsValue) -> Result<Self, Error> {
        let f = Fields::new(value, "request", KEYS, FILES_EXAMPLE)?;
        let period: Period = text(&f.get("period")?, "period", MAX_FIELD)?.parse()?;
        let cases = f.get("cases")?;
        if cases.is_undefined() || cases.is_null() {
            return Err(convert::wrong_type(
                "cases",
                &format!("the case log as a file such as {FILE_EXAMPLE}"),
                &JsValue::UNDEFINED,
            ));
        }
        let roster = match given(f.get("roster")?) {
            Some(v) => {
                let (name, bytes) = file(&v, "roster")?;
                zhidu::rows::read_roster(&name, bytes.as_slice())?
            }
            None => Vec::new(),
        };
        Ok(ReportInput {
            period,
            cases: file_rows(&cases, "cases")?,
            incidents: opt_file_rows(&f, "incidents")?.unwrap_or_default(),
            violations: opt_file_rows(&f, "violations")?.unwrap_or_default(),
            roster,
            as_of: given(f.get("asOf")?)
                .map(|v| crate::convert::instant_text(&v, "asOf"))
                .transpose()?,
            case_policy: opt_text(&f, "casePolicy")?,
            previous_cases: opt_file_rows(&f, "previousCases")?,
            previous_incidents: opt_file_rows(&f, "previousIncidents")?,
            lang: lang(&f)?,
        })
    }
}

/// An optional text field.
fn opt_text(f: &Fields<'_>, key: &'static str) -> Result<Option<String>, Error> {
    given(f.get(key)?)
        .map(|v| text(&v, key, MAX_FIELD))
        .transpose()
}

/// The HTML's language: Chinese unless asked otherwise (a report is read by the centre's
/// staff).
fn lang(f: &Fields<'_>) -> Result<Lang, Error> {
    Ok(opt_text(f, "lang")?
        .map(|l| l.parse())
        .transpose()?
        .unwrap_or(Lang::Zh))
}

/// A picked file `{ name, text }`: its name and its text as UTF-8.
fn file(value: &JsValue, what: &'static str) -> Result<(String, Vec<u8>), Error> {
    let f = Fields::new(value, what, &["name", "text"], FILE_EXAMPLE)?;
    let name = text(&f.get("name")?, "name", MAX_FIELD)?;
    let body = f.get("text")?;
    let Some(body) = body.dyn_ref::<js_sys::JsString>() else {
        return Err(convert::wrong_type(
            &format!("{what}.text"),
            "the file's text (`await file.text()`)",
            &body,
        ));
    };
    Ok((name, convert::long_text(body, what, MAX_COLUMN_TEXT)?))
}

/// The rows of the file of `key`, if one is given.
fn opt_file_rows<T: FromRow>(
    f: &Fields<'_>,
    key: &'static str,
) -> Result<Option<Vec<Result<T, Error>>>, Error> {
    given(f.get(key)?).map(|v| file_rows(&v, key)).transpose()
}

/// The rows of a picked file, CSV or JSON Lines by its name, each value or its row error in
/// its place (as `zhidu report` reads a path).
fn file_rows<T: FromRow>(
    value: &JsValue,
    what: &'static str,
) -> Result<Vec<Result<T, Error>>, Error> {
    let (name, bytes) = file(value, what)?;
    let rows: Vec<Lined<T>> = zhidu::rows::read_named(&name, bytes.as_slice())?;
    Ok(rows
        .into_iter()
        .map(|(_, r)| r.map_err(Error::from))
        .collect())
}

#[wasm_bindgen]
impl Policy {
    /// The report of a period: `{ period, cases?, incidents?, violations?, roster?, asOf?,
    /// casePolicy?, previousCases?, previousIncidents?, lang? }` → `{ report, html }`: the
    /// report object (the CLI's `--format json` shape: rates, means and money as strings)
    /// and the self-contained HTML report with labels in `lang` (`"zh"`, the default, or
    /// `"en"`). Bad rows are in the report's `case_errors`, `assessment.errors` and
    /// `decision_errors`, never thrown.
    #[wasm_bindgen(unchecked_return_type = "ReportResult")]
    pub fn report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReportRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| self.run(&ReportInput::read(&request)?))
    }

    /// The report of a period from the files a user picked: `{ period, cases, incidents?,
    /// violations?, roster?, previousCases?, previousIncidents?, asOf?, casePolicy?, lang? }`
    /// with each file as `{ name, text }` (`text` from `await file.text()`) → `{ report, html }`
    /// as `report` gives them. A file is JSON Lines when its name ends in `.jsonl`, `.ndjson` or
    /// `.json` and CSV otherwise, read by the core as `zhidu report` reads its paths: bad rows
    /// are in the report, never thrown; a header without a required column or a roster entry
    /// that cannot be read throws, naming the file.
    #[wasm_bindgen(js_name = reportFromFiles, unchecked_return_type = "ReportResult")]
    pub fn report_from_files(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReportFilesRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| self.run(&ReportInput::from_files(&request)?))
    }

    /// What-if (`zhidu diff`): the same request as `report` under this policy (before) and
    /// `after` → `{ diff, html }`: every case, scorecard, ranking and decision that changes,
    /// with both values and the rules responsible (the core's `WhatIf`, as `zhidu diff
    /// --format json` writes it), and its self-contained HTML page in `lang`.
    #[wasm_bindgen(js_name = whatIf, unchecked_return_type = "WhatIfResult")]
    pub fn what_if(
        &self,
        after: &Policy,
        #[wasm_bindgen(unchecked_param_type = "ReportRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let r = ReportInput::read(&request)?;
            let mut req = zhidu::ReportRequest::new(r.period)
                .cases(&r.cases)
                .incidents(&r.incidents)
                .violations(&r.violations)
                .roster_rows(&r.roster);
            if let Some(a) = &r.as_of {
                req = req.as_of(zhidu::Start::parse_instant(
                    a,
                    self.inner.calendar().offset(),
                )?);
            }
            let diff = self.inner.what_if(&after.inner, &req)?;
            let out = Object::new();
            for (key, value) in [
                ("diff", to_js(&diff)?),
                ("html", JsValue::from_str(&diff.to_html(r.lang))),
            ] {
                Reflect::set(&out, &JsValue::from_str(key), &value)
                    .map_err(|_| convert::input(format!("cannot set `{key}`"), None))?;
            }
            Ok(out.into())
        })
    }
}

impl Policy {
    /// The report of a request read from either shape, and its HTML.
    fn run(&self, r: &ReportInput) -> Result<JsValue, Error> {
        let case_policy = match &r.case_policy {
            Some(id) => self.set.policy_arc(id)?,
            None => Arc::clone(&self.inner),
        };
        let mut req = zhidu::ReportRequest::new(r.period)
            .case_policy(&case_policy)
            .cases(&r.cases)
            .incidents(&r.incidents)
            .violations(&r.violations)
            .roster_rows(&r.roster);
        if let Some(a) = &r.as_of {
            req = req.as_of(zhidu::Start::parse_instant(
                a,
                self.inner.calendar().offset(),
            )?);
        }
        if let Some(rows) = &r.previous_cases {
            req = req.previous_cases(rows);
        }
        if let Some(rows) = &r.previous_incidents {
            req = req.previous_incidents(rows);
        }
        let report = self.inner.report(&req)?;
        let out = Object::new();
        let set = |key: &str, value: &JsValue| -> Result<(), Error> {
            Reflect::set(&out, &JsValue::from_str(key), value)
                .map(|_| ())
                .map_err(|_| convert::input(format!("cannot set `{key}`"), None))
        };
        set("report", &to_js(&report)?)?;
        set("html", &JsValue::from_str(&report.to_html(r.lang)))?;
        Ok(out.into())
    }
}
