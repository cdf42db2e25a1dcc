//! `Report`: the monthly report of `Policy.report`, wrapping the core's `Report`.
//!
//! Getters convert one part each (the core's serde form, with dates and instants as Python
//! values and rates, means and money as `decimal.Decimal`); `to_text`, `to_html` and
//! `to_json` are the core's renderers; `frames()` gives its tables as pandas DataFrames.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::convert::{self, to_dict};
use crate::error::{self, OrRaise};
use crate::scoring::Assessment;

/// What `Policy.report` read, converted before the GIL is released.
pub(crate) struct Inputs {
    pub(crate) period: zhidu::Period,
    pub(crate) as_of: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub(crate) case_policy: Option<Arc<zhidu::Policy>>,
    pub(crate) cases: Vec<Result<zhidu::Case, zhidu::Error>>,
    pub(crate) incidents: Vec<Result<zhidu::Incident, zhidu::Error>>,
    pub(crate) violations: Vec<Result<zhidu::ViolationRecord, zhidu::Error>>,
    pub(crate) roster: Vec<(String, String)>,
    pub(crate) previous_cases: Option<Vec<Result<zhidu::Case, zhidu::Error>>>,
    pub(crate) previous_incidents: Option<Vec<Result<zhidu::Incident, zhidu::Error>>>,
}

/// Run the core's report with the GIL released.
pub(crate) fn run(py: Python<'_>, policy: &Arc<zhidu::Policy>, inputs: Inputs) -> PyResult<Report> {
    let result = py.detach(|| {
        let mut req = zhidu::ReportRequest::new(inputs.period)
            .cases(&inputs.cases)
            .incidents(&inputs.incidents)
            .violations(&inputs.violations)
            .roster(&inputs.roster);
        if let Some(p) = &inputs.case_policy {
            req = req.case_policy(p);
        }
        if let Some(t) = inputs.as_of {
            req = req.as_of(t);
        }
        if let Some(rows) = &inputs.previous_cases {
            req = req.previous_cases(rows);
        }
        if let Some(rows) = &inputs.previous_incidents {
            req = req.previous_incidents(rows);
        }
        policy.report(&req)
    });
    Ok(Report {
        inner: Arc::new(result.or_raise(py)?),
        policy: Arc::clone(policy),
    })
}

fn lang(lang: &str, py: Python<'_>) -> PyResult<zhidu::Lang> {
    lang.parse().or_raise(py)
}

/// A period's report: the supervisor's figures, case lists, scorecards, ranking and
/// decisions.
#[pyclass(frozen, module = "zhidu", name = "Report")]
pub(crate) struct Report {
    inner: Arc<zhidu::Report>,
    policy: Arc<zhidu::Policy>,
}

#[pymethods]
impl Report {
    /// The policy's id.
    #[getter]
    fn policy(&self) -> &str {
        &self.inner.policy
    }

    /// The period, such as `2026-10`.
    #[getter]
    fn period(&self) -> &str {
        &self.inner.period
    }

    /// The instant statuses and decisions are taken at.
    #[getter]
    fn as_of(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.inner.as_of
    }

    /// The period's cases plus the case rows with errors.
    #[getter]
    fn cases_total(&self) -> u64 {
        self.inner.cases_total
    }

    /// The figures over every case of the period (a dict).
    #[getter]
    fn figures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.figures)
    }

    /// The figures per window.
    #[getter]
    fn by_window<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.by_window)
    }

    /// The figures per deadline class.
    #[getter]
    fn by_class<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.by_class)
    }

    /// The figures per service item.
    #[getter]
    fn by_item<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.by_item)
    }

    /// The figures of the complaints.
    #[getter]
    fn complaints<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.complaints)
    }

    /// The windows with the highest 按时办结率.
    #[getter]
    fn top_windows(&self) -> Vec<String> {
        self.inner.top_windows.clone()
    }

    /// The windows with the lowest 按时办结率, lowest first.
    #[getter]
    fn bottom_windows(&self) -> Vec<String> {
        self.inner.bottom_windows.clone()
    }

    /// Open cases within their warning threshold (dicts as `zhidu cases` has them).
    #[getter]
    fn yellow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.yellow)
    }

    /// Open cases past due, longest overdue first.
    #[getter]
    fn red<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.red)
    }

    /// The ten longest-overdue open cases.
    #[getter]
    fn longest_overdue<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.longest_overdue)
    }

    /// The previous period's figures, when its cases were given.
    #[getter]
    fn previous<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.previous)
    }

    /// This period minus the previous one, when its cases were given.
    #[getter]
    fn change<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.change)
    }

    /// Case rows that could not be read or evaluated.
    #[getter]
    fn case_errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        row_errors(py, &self.inner.case_errors)
    }

    /// The scorecards, when the policy has a deduction table.
    #[getter]
    fn assessment(&self) -> Option<Assessment> {
        self.inner.assessment.as_ref().map(|a| Assessment {
            inner: Arc::new(a.clone()),
            policy: Arc::clone(&self.policy),
        })
    }

    /// The people's mean score.
    #[getter]
    fn mean_score<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .mean_score
            .map(|m| convert::decimal(py, &m.to_string()))
            .transpose()
    }

    /// The window ranking (红旗窗口), as dicts.
    #[getter]
    fn ranking<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.ranking)
    }

    /// The accountability decisions dated in the period, as dicts.
    #[getter]
    fn decisions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.decisions)
    }

    /// Violation rows that could not be decided.
    #[getter]
    fn decision_errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        row_errors(py, &self.inner.decision_errors)
    }

    /// Whether any input row could not be used.
    fn has_errors(&self) -> bool {
        self.inner.has_errors()
    }

    /// The whole report as `zhidu report --format json` writes it, with Python values.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &*self.inner)
    }

    /// The whole report as JSON text, as `zhidu report --format json` writes it.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The report as plain text, labels in `lang` (`"zh"` or `"en"`).
    #[pyo3(signature = (lang = "zh"))]
    fn to_text(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        Ok(self.inner.to_text(self::lang(lang, py)?))
    }

    /// The report as one self-contained HTML file (inline CSS and SVG, A4), labels in `lang`.
    #[pyo3(signature = (lang = "zh"))]
    fn to_html(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        Ok(self.inner.to_html(self::lang(lang, py)?))
    }

    /// The report's tables as pandas DataFrames, by name (`by_window`, `by_class`,
    /// `by_item`, `red`, `yellow`, `longest_overdue`, `scorecards`, `ranking`, `decisions`).
    /// Needs pandas.
    fn frames<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.to_dict(py)?;
        py.import("zhidu._report")?.call_method1("frames", (d,))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Report>()
            .is_ok_and(|o| *o.get().inner == *self.inner)
    }

    fn __repr__(&self) -> String {
        let f = &self.inner.figures;
        format!(
            "Report(policy={:?}, period={:?}, received={}, completed={}, on_time_rate={})",
            self.inner.policy,
            self.inner.period,
            f.received,
            f.completed,
            f.on_time_rate
                .percent
                .map_or_else(|| "None".to_owned(), |p| format!("Decimal('{p}')"))
        )
    }
}

fn row_errors<'py>(py: Python<'py>, errors: &[zhidu::SkippedRow]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for e in errors {
        list.append(error::row_error(py, e)?)?;
    }
    Ok(list)
}
