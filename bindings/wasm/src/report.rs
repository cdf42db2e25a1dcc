//! `Policy.report`: the monthly report over JavaScript row objects, as the report object and
//! its HTML — ready for a report tab that reads the user's files in the browser.

use std::sync::Arc;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use zhidu::{Case, Error, Incident, Lang, Period, ViolationRecord};

use crate::Policy;
use crate::convert::{self, Fields, MAX_FIELD, text, to_js};
use crate::error::js;
use crate::scoring;

const REPORT_EXAMPLE: &str = r#"{ period: "2026-10", cases: [{ id: "C1", class: "promised", acceptedAt: "2026-10-12", days: 5 }], lang: "zh" }"#;

/// `{ period, cases?, incidents?, violations?, roster?, asOf?, casePolicy?, previousCases?,
/// previousIncidents?, lang? }` of `report`.
struct ReportInput {
    period: Period,
    cases: Vec<Result<Case, Error>>,
    incidents: Vec<Result<Incident, Error>>,
    violations: Vec<Result<ViolationRecord, Error>>,
    roster: Vec<(String, String)>,
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
        let f = Fields::new(
            value,
            "request",
            &[
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
            ],
            REPORT_EXAMPLE,
        )?;
        let period: Period = text(&f.get("period")?, "period", MAX_FIELD)?.parse()?;
        let opt_text = |key: &'static str| -> Result<Option<String>, Error> {
            given(f.get(key)?)
                .map(|v| text(&v, key, MAX_FIELD))
                .transpose()
        };
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
            roster: scoring::roster_rows(&f.get("roster")?)?,
            as_of: opt_text("asOf")?,
            case_policy: opt_text("casePolicy")?,
            previous_cases: given(f.get("previousCases")?)
                .map(|v| scoring::case_rows(&v))
                .transpose()?,
            previous_incidents: given(f.get("previousIncidents")?)
                .map(|v| scoring::incident_rows(&v))
                .transpose()?,
            lang: opt_text("lang")?
                .map(|l| l.parse())
                .transpose()?
                // A report is read by the centre's staff: Chinese unless asked otherwise.
                .unwrap_or(Lang::Zh),
        })
    }
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
        js(|| {
            let r = ReportInput::read(&request)?;
            let case_policy = match &r.case_policy {
                Some(id) => self.set.policy_arc(id)?,
                None => Arc::clone(&self.inner),
            };
            let mut req = zhidu::ReportRequest::new(r.period)
                .case_policy(&case_policy)
                .cases(&r.cases)
                .incidents(&r.incidents)
                .violations(&r.violations)
                .roster(&r.roster);
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
        })
    }
}
