//! `Report`: the monthly report of `Policy.report`, wrapping the core's `Report`.
//!
//! Declared once with [`result_class!`]: each getter converts one part (the core's serde
//! form, with dates and instants as Python values and rates, means and money as
//! `decimal.Decimal`); `to_text`, `to_html` and `to_json` are the core's renderers;
//! `frames()` gives its tables as pandas DataFrames.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::Obj;
use crate::convert::to_dict;
use crate::error::OrRaise;
use crate::labels::RowLabels;
use crate::result_class::{View, result_class};
use crate::scoring::{Assessment, row_errors};

impl Report {
    pub(crate) fn new(
        inner: zhidu::Report,
        policy: &Arc<zhidu::Policy>,
        labels: RowLabels,
    ) -> Report {
        let policy = Arc::clone(policy);
        Report {
            inner: Arc::new(inner),
            policy,
            labels: Arc::new(labels),
        }
    }
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
    labels: Arc<RowLabels>,
}

impl View for Report {
    type Of = zhidu::Report;
    fn view(&self) -> PyResult<&zhidu::Report> {
        Ok(&self.inner)
    }
    /// The whole report as `zhidu report --format json` writes it (indented).
    fn json(&self) -> PyResult<String> {
        Ok(self.inner.to_json())
    }
}

impl Report {
    /// `Report(policy="…", period="…", received=…, completed=…, on_time_rate=…)`.
    pub(crate) fn repr_of(r: &zhidu::Report) -> String {
        let f = &r.figures;
        let rate = f.on_time_rate.percent;
        format!(
            "Report(policy={:?}, period={:?}, received={}, completed={}, on_time_rate={})",
            r.policy,
            r.period,
            f.received,
            f.completed,
            rate.map_or_else(|| "None".to_owned(), |p| format!("Decimal('{p}')"))
        )
    }
}

result_class! {
    Report: zhidu::Report {
        /// The policy's id.
        policy,
        /// The period, such as `2026-10`.
        period,
        /// The instant statuses and decisions are taken at.
        as_of,
        /// The period's cases plus the case rows with errors.
        cases_total,
        /// The figures over every case of the period (a dict).
        figures,
        /// The figures per window.
        by_window,
        /// The figures per deadline class.
        by_class,
        /// The figures per service item.
        by_item,
        /// The figures of the complaints.
        complaints,
        /// The windows with the highest 按时办结率.
        top_windows,
        /// The windows with the lowest 按时办结率, lowest first.
        bottom_windows,
        /// Open cases within their warning threshold (dicts as `zhidu cases` has them).
        yellow,
        /// Open cases past due, longest overdue first.
        red,
        /// The ten longest-overdue open cases.
        longest_overdue,
        /// The previous period's figures, when its cases were given.
        previous,
        /// This period minus the previous one, when its cases were given.
        change,
        /// The people's mean score.
        mean_score,
        /// The window ranking (红旗窗口), as dicts.
        ranking,
        /// The accountability decisions dated in the period, as dicts.
        decisions,
        /// The rules it was computed under: `policy`, `version`, `effective_from`, `hash`.
        stamp,
    }
    repr custom
    methods {
        /// The scorecards, when the policy has a deduction table.
        #[getter]
        fn assessment(&self) -> Option<Assessment> {
            self.inner.assessment.as_ref().map(|a| Assessment {
                inner: Arc::new(a.clone()),
                policy: Arc::clone(&self.policy),
                labels: Arc::clone(&self.labels),
            })
        }

        /// Case rows that could not be read or evaluated (`RowError`s, each error's `label`
        /// the row's DataFrame index label).
        #[getter]
        fn case_errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            row_errors(py, &self.inner.case_errors, &self.labels)
        }

        /// Violation rows that could not be decided (`RowError`s, labelled likewise).
        #[getter]
        fn decision_errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            row_errors(py, &self.inner.decision_errors, &self.labels)
        }

        /// Whether any input row could not be used.
        fn has_errors(&self) -> bool {
            self.inner.has_errors()
        }

        /// The report as plain text, labels in `lang` (`"zh"` or `"en"`).
        #[pyo3(signature = (lang = "zh"))]
        fn to_text(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
            Ok(self.inner.to_text(self::lang(lang, py)?))
        }

        /// The report as one self-contained HTML file (inline CSS and SVG, A4), labels in
        /// `lang`.
        #[pyo3(signature = (lang = "zh"))]
        fn to_html(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
            Ok(self.inner.to_html(self::lang(lang, py)?))
        }

        /// The report's tables as pandas DataFrames, by name (`by_window`, `by_class`,
        /// `by_item`, `red`, `yellow`, `longest_overdue`, `scorecards`, `ranking`,
        /// `decisions`), each with the same columns and dtypes for every period, an empty one
        /// included. Needs pandas.
        fn frames<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
            let d = to_dict(py, &*self.inner)?;
            // The scorecards' score columns, known even when no one was scored.
            let categories: Vec<String> = self
                .policy
                .deduction_table()
                .map(|t| t.categories.into_iter().map(|c| c.id).collect())
                .unwrap_or_default();
            py.import("zhidu._report")?
                .call_method1("frames", (d, categories))
        }
    }
}
