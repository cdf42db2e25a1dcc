//! Result wrappers: one frozen Python class per core result type, with typed getters and
//! `to_dict()` / `to_json()` in the core's serde form (the CLI's JSON field names).

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyList;
use zhidu::Start;

use crate::convert::{self, to_dict, to_json_text};
use crate::error::OrRaise;

/// What a due date was computed from, to explain it on demand.
pub(crate) struct Origin {
    pub(crate) policy: Arc<zhidu::Policy>,
    pub(crate) class: String,
    pub(crate) start: Start,
    pub(crate) days: Option<u32>,
}

/// A due date and the instant the case falls due.
#[pyclass(frozen, module = "zhidu", name = "Due")]
pub(crate) struct Due {
    pub(crate) due: zhidu::Due,
    pub(crate) origin: Option<Origin>,
    pub(crate) explained: PyOnceLock<Py<DueExplanation>>,
}

impl Due {
    pub(crate) fn new(due: zhidu::Due, origin: Option<Origin>) -> Due {
        Due {
            due,
            origin,
            explained: PyOnceLock::new(),
        }
    }
}

#[pymethods]
impl Due {
    /// The last day of the limit, in the calendar's zone.
    #[getter]
    fn due_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::date(py, self.due.due_date)
    }

    /// The instant the limit ends (24:00 of the due day is 00:00 of the next).
    #[getter]
    fn due_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::datetime(py, self.due.due_at)
    }

    /// The limit used, in `unit`.
    #[getter]
    fn limit(&self) -> u32 {
        self.due.limit
    }

    /// The class's unit: `working_days`, `calendar_days`, `minutes`, `office_minutes`, `hours`.
    #[getter]
    fn unit(&self) -> String {
        self.due.unit.to_string()
    }

    /// What a person should look at, as dicts `{code, message, clause, default}`; the answer
    /// stands (e.g. `outside_usual_range`: a promised limit outside the class's usual range,
    /// A3). Empty for most answers.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.due.warnings)
    }

    /// Whether the computation touched a provisional year (after the calendar's last State
    /// Council notice, derived from the statute).
    #[getter]
    fn provisional(&self) -> bool {
        self.due.provisional
    }

    /// For a provisional answer, the basis of each provisional year it touched.
    #[getter]
    fn basis(&self) -> Vec<String> {
        self.due.basis.clone()
    }

    /// The full explanation (computed on first use): every day counted or skipped and why,
    /// with the clauses and defaults used. `None` when the due date has no single origin.
    #[getter]
    fn explanation(&self, py: Python<'_>) -> PyResult<Option<Py<DueExplanation>>> {
        let Some(o) = &self.origin else {
            return Ok(None);
        };
        self.explained
            .get_or_try_init(py, || {
                let ex = o
                    .policy
                    .explain_due(&o.class, o.start, o.days)
                    .or_raise(py)?;
                Py::new(py, DueExplanation { inner: ex })
            })
            .map(|e| Some(e.clone_ref(py)))
    }

    /// `{due_date, due_at, limit, unit}` with a `datetime.date` and an aware `datetime`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.due)
    }

    /// The CLI's JSON for this due date.
    fn to_json(&self) -> PyResult<String> {
        to_json_text(&self.due)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Due>().is_ok_and(|o| o.get().due == self.due)
    }

    fn __repr__(&self) -> String {
        format!(
            "Due(due_date={}, due_at={}, limit={}, unit='{}'{})",
            self.due.due_date,
            self.due.due_at.to_rfc3339(),
            self.due.limit,
            self.due.unit,
            if self.due.provisional {
                ", provisional=True"
            } else {
                ""
            }
        )
    }
}

/// A due date with the reasoning behind it.
#[pyclass(frozen, module = "zhidu", name = "DueExplanation")]
pub(crate) struct DueExplanation {
    pub(crate) inner: zhidu::DueExplanation,
}

#[pymethods]
impl DueExplanation {
    /// The policy's id.
    #[getter]
    fn policy(&self) -> &str {
        &self.inner.policy
    }

    /// The policy's version.
    #[getter]
    fn policy_version(&self) -> &str {
        &self.inner.policy_version
    }

    /// The class or service item id (`class` in `to_dict()`).
    #[getter]
    fn class_id(&self) -> &str {
        &self.inner.class
    }

    /// The class's or item's name, such as 承诺件.
    #[getter]
    fn class_name(&self) -> &str {
        &self.inner.class_name
    }

    /// The instant the clock started.
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::datetime(py, self.inner.start)
    }

    /// The result.
    #[getter]
    fn due(&self) -> Due {
        Due::new(self.inner.due.clone(), None)
    }

    /// For day units, every day after the start day up to the due day: dicts with `date`,
    /// `kind` (`workday`, `makeup_workday`, `weekend`, `holiday`), `festival`, `counted`
    /// (the day's position in the count, or None) and `note`.
    #[getter]
    fn days<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.days)
    }

    /// Every clause the answer rests on: dicts with `clause` and `quote`.
    #[getter]
    fn clauses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.clauses)
    }

    /// The ids of every clause used, related clauses included.
    #[getter]
    fn clause_ids(&self) -> Vec<String> {
        self.inner.clause_ids.clone()
    }

    /// Every default (open parameter) used: dicts with `key`, `param` and `note`.
    #[getter]
    fn defaults<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.defaults)
    }

    /// The State Council notices of the holidays and make-up days met.
    #[getter]
    fn notices(&self) -> Vec<String> {
        self.inner.notices.clone()
    }

    /// The counting rules applied, in words.
    #[getter]
    fn rules(&self) -> Vec<String> {
        self.inner.rules.clone()
    }

    /// The whole explanation as the CLI's JSON has it, with Python dates and datetimes.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    /// The CLI's JSON (`zhidu due --format json`).
    fn to_json(&self) -> PyResult<String> {
        to_json_text(&self.inner)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<DueExplanation>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "DueExplanation(policy='{}', class_id='{}', due_date={}, days={})",
            self.inner.policy,
            self.inner.class,
            self.inner.due.due_date,
            self.inner.days.len()
        )
    }
}

/// A case's status at an instant.
#[pyclass(frozen, module = "zhidu", name = "CaseStatus")]
pub(crate) struct CaseStatus {
    pub(crate) inner: zhidu::CaseStatus,
}

#[pymethods]
impl CaseStatus {
    /// The case's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The class or item id (`class` in `to_dict()`).
    #[getter]
    fn class_id(&self) -> &str {
        &self.inner.class
    }

    /// `not_yet_accepted` (accepted after the as-of instant: not yet known), `not_started`,
    /// `on_track`, `yellow`, `red`, `suspended`, `done_on_time` or `done_late`.
    #[getter]
    fn status(&self) -> String {
        self.inner.status.to_string()
    }

    /// The due day (None while not started or suspended).
    #[getter]
    fn due_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .due_date
            .map(|d| convert::date(py, d))
            .transpose()
    }

    /// The due instant.
    #[getter]
    fn due_at<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .due_at
            .map(|t| convert::datetime(py, t))
            .transpose()
    }

    /// The limit in force, with extensions, in `unit`.
    #[getter]
    fn limit(&self) -> u32 {
        self.inner.limit
    }

    /// The class's unit.
    #[getter]
    fn unit(&self) -> String {
        self.inner.unit.to_string()
    }

    /// Units left for an open case that is not red (rounded up).
    #[getter]
    fn remaining(&self) -> Option<u64> {
        self.inner.remaining
    }

    /// Working days past due (at least 1 when late), else 0.
    #[getter]
    fn overdue_days(&self) -> u32 {
        self.inner.overdue_days
    }

    /// The due day under the legal limit (法定时限), when there is one.
    #[getter]
    fn legal_due_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .legal_due_date
            .map(|d| convert::date(py, d))
            .transpose()
    }

    /// When the case was completed, if it was by the instant asked about.
    #[getter]
    fn completed_at<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .completed_at
            .map(|t| convert::datetime(py, t))
            .transpose()
    }

    /// The handling person.
    #[getter]
    fn handler(&self) -> Option<&str> {
        self.inner.handler.as_deref()
    }

    /// The window (窗口).
    #[getter]
    fn window(&self) -> Option<&str> {
        self.inner.window.as_deref()
    }

    /// The clause ids the status rests on.
    #[getter]
    fn clauses(&self) -> Vec<String> {
        self.inner.clauses.clone()
    }

    /// What a person should look at, as dicts `{code, message, clause, default}`; the status
    /// stands (`outside_usual_range`, `clock_never_started`, `late_extension_ignored`,
    /// `late_suspension_ignored`). Empty for most cases.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.warnings)
    }

    /// Whether the computation touched a provisional year (see `Due.provisional`).
    #[getter]
    fn provisional(&self) -> bool {
        self.inner.provisional
    }

    /// For a provisional status, the basis of each provisional year it touched.
    #[getter]
    fn basis(&self) -> Vec<String> {
        self.inner.basis.clone()
    }

    /// The status as the CLI's JSON has it (`zhidu cases --format json`), with Python dates.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    /// The CLI's JSON for this status.
    fn to_json(&self) -> PyResult<String> {
        to_json_text(&self.inner)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<CaseStatus>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "CaseStatus(id='{}', status='{}', due_date={}, remaining={}, overdue_days={})",
            self.inner.id,
            self.inner.status,
            self.inner
                .due_date
                .map_or_else(|| "None".to_owned(), |d| d.to_string()),
            self.inner
                .remaining
                .map_or_else(|| "None".to_owned(), |d| d.to_string()),
            self.inner.overdue_days
        )
    }
}

/// One located problem in a policy file.
#[pyclass(frozen, module = "zhidu", name = "Diagnostic")]
pub(crate) struct Diagnostic {
    pub(crate) inner: zhidu::Diagnostic,
}

impl From<zhidu::Diagnostic> for Diagnostic {
    fn from(inner: zhidu::Diagnostic) -> Self {
        Diagnostic { inner }
    }
}

pub(crate) fn diagnostics<'py>(
    py: Python<'py>,
    list: &[zhidu::Diagnostic],
) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, list.iter().cloned().map(Diagnostic::from))
}

#[pymethods]
impl Diagnostic {
    /// `error` or `warning`.
    #[getter]
    fn severity(&self) -> String {
        self.inner.severity.to_string()
    }

    /// The file name as given to the loader.
    #[getter]
    fn file(&self) -> &str {
        &self.inner.file
    }

    /// 1-based line (0 when the problem has no place in the file).
    #[getter]
    fn line(&self) -> u32 {
        self.inner.line
    }

    /// 1-based column in characters (0 when the problem has no place in the file).
    #[getter]
    fn column(&self) -> u32 {
        self.inner.column
    }

    /// TOML key path such as `class[2].unit`.
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }

    /// What is wrong.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// How to fix it, when the loader can tell.
    #[getter]
    fn help(&self) -> Option<&str> {
        self.inner.help.as_deref()
    }

    /// `{severity, file, line, column, path, message, help}` as `zhidu check --format json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Diagnostic>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "Diagnostic(severity='{}', file={:?}, line={}, column={}, path={:?}, message={:?})",
            self.inner.severity,
            self.inner.file,
            self.inner.line,
            self.inner.column,
            self.inner.path,
            self.inner.message
        )
    }
}
