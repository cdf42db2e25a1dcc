//! Result classes of due dates, cases and policy files: `Due`, `DueExplanation`,
//! `CaseStatus`, `Diagnostic`, each declared once with [`result_class!`].

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyList;
use zhidu::Start;

use crate::Obj;
use crate::error::{Localized, OrRaise};
use crate::result_class::{Field, result_class};
use crate::stamped;

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
    /// The rules it was computed under (None only for a `Due` built without a policy).
    pub(crate) stamp: Option<stamped::Shared>,
}

impl Due {
    pub(crate) fn new(due: zhidu::Due, origin: Option<Origin>) -> Due {
        let stamp = origin.as_ref().map(|o| Arc::new(o.policy.stamp()));
        Due {
            due,
            origin,
            explained: PyOnceLock::new(),
            stamp,
        }
    }
}

/// `DueExplanation.due`: a `Due` without an origin of its own.
impl Field for zhidu::Due {
    fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        Ok(Bound::new(py, Due::new(self.clone(), None))?.into_any())
    }
    fn repr(&self, out: &mut String) {
        out.push_str(&Due::repr_of(self));
    }
}

result_class! {
    Due.due: zhidu::Due {
        /// The last day of the limit, in the calendar's zone.
        due_date,
        /// The instant the limit ends (24:00 of the due day is 00:00 of the next).
        due_at,
        /// The limit used, in `unit`.
        limit,
        /// The class's unit: `working_days`, `calendar_days`, `minutes`, `office_minutes`,
        /// `hours`.
        unit,
        /// What a person should look at, as dicts `{code, message, clause, default}`; the
        /// answer stands (e.g. `outside_usual_range`: a promised limit outside the class's
        /// usual range, A3). Empty for most answers.
        warnings,
        /// Whether the computation touched a provisional year (after the calendar's last State
        /// Council notice, derived from the statute).
        provisional,
        /// For a provisional answer, the basis of each provisional year it touched.
        basis,
    }
    repr { due_date, due_at, limit, unit, provisional }
    methods {
        /// The rules this due date was computed under (`Policy.stamp`): a dict with
        /// `policy`, `version`, `effective_from` and `hash`.
        #[getter]
        fn stamp<'py>(&self, py: Python<'py>) -> PyResult<Option<Obj<'py>>> {
            stamped::getter(py, self.stamp.as_ref())
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
                    let ex = o.policy.explain_due(&o.class, o.start, o.days).or_raise(py)?;
                    let stamp = self.stamp.clone().unwrap_or_else(|| Arc::new(o.policy.stamp()));
                    Py::new(py, DueExplanation::new(ex.localized(py), stamp))
                })
                .map(|e| Some(e.clone_ref(py)))
        }
    }
}

/// A due date with the reasoning behind it.
#[pyclass(frozen, module = "zhidu", name = "DueExplanation")]
pub(crate) struct DueExplanation {
    pub(crate) inner: zhidu::DueExplanation,
    pub(crate) stamp: stamped::Shared,
}

impl DueExplanation {
    pub(crate) fn new(inner: zhidu::DueExplanation, stamp: stamped::Shared) -> DueExplanation {
        DueExplanation { inner, stamp }
    }
}

result_class! {
    DueExplanation.inner: zhidu::DueExplanation {
        /// The policy's id.
        policy,
        /// The policy's version.
        policy_version,
        /// The class or service item id (`class` in `to_dict()`).
        class_id = class,
        /// The class's or item's name, such as 承诺件.
        class_name,
        /// The instant the clock started.
        start,
        /// For day units, every day after the start day up to the due day: dicts with `date`,
        /// `kind` (`workday`, `makeup_workday`, `weekend`, `holiday`), `festival`, `counted`
        /// (the day's position in the count, or None) and `note`.
        days,
        /// Every clause the answer rests on: dicts with `clause` and `quote`.
        clauses,
        /// The ids of every clause used, related clauses included.
        clause_ids,
        /// Every default (open parameter) used: dicts with `key`, `param` and `note`.
        defaults,
        /// The State Council notices of the holidays and make-up days met.
        notices,
        /// The counting rules applied, in words.
        rules,
    }
    repr { policy, class_id = class, start, due }
    counts { days }
    methods {
        /// The result, a `Due` with this explanation's `stamp`.
        #[getter]
        fn due(&self, py: Python<'_>) -> PyResult<Py<Due>> {
            let mut due = Due::new(self.inner.due.clone(), None);
            due.stamp = Some(Arc::clone(&self.stamp));
            Py::new(py, due)
        }

        /// The rules this explanation was computed under (`Policy.stamp`).
        #[getter]
        fn stamp<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
            stamped::dict(py, &self.stamp)
        }
    }
}

/// A case's status at an instant.
#[pyclass(frozen, module = "zhidu", name = "CaseStatus")]
pub(crate) struct CaseStatus {
    pub(crate) inner: zhidu::CaseStatus,
    /// The rules it was computed under, shared by every status of one call.
    pub(crate) stamp: stamped::Shared,
}

result_class! {
    CaseStatus.inner: zhidu::CaseStatus {
        /// The case's id.
        id,
        /// The class or item id (`class` in `to_dict()`).
        class_id = class,
        /// `not_yet_accepted` (accepted after the as-of instant: not yet known),
        /// `not_started`, `on_track`, `yellow`, `red`, `suspended`, `done_on_time` or
        /// `done_late`.
        status,
        /// The due day (None while not started or suspended).
        due_date,
        /// The due instant.
        due_at,
        /// The limit in force, with extensions, in `unit`.
        limit,
        /// The class's unit.
        unit,
        /// Units left for an open case that is not red (rounded up).
        remaining,
        /// Working days past due (at least 1 when late), else 0.
        overdue_days,
        /// The due day under the legal limit (法定时限), when there is one.
        legal_due_date,
        /// When the case was completed, if it was by the instant asked about.
        completed_at,
        /// The handling person.
        handler,
        /// The window (窗口).
        window,
        /// The clause ids the status rests on.
        clauses,
        /// What a person should look at, as dicts `{code, message, clause, default}`; the
        /// status stands (`outside_usual_range`, `clock_never_started`,
        /// `late_extension_ignored`, `late_suspension_ignored`). Empty for most cases.
        warnings,
        /// Whether the computation touched a provisional year (see `Due.provisional`).
        provisional,
        /// For a provisional status, the basis of each provisional year it touched.
        basis,
    }
    repr { id, status, due_date, remaining, overdue_days }
    methods {
        /// The rules this status was computed under (`Policy.stamp`): a dict with `policy`,
        /// `version`, `effective_from` and `hash`.
        #[getter]
        fn stamp<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
            stamped::dict(py, &self.stamp)
        }
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

/// Diagnostics as a list of `Diagnostic`s.
pub(crate) fn diagnostics<'py>(
    py: Python<'py>,
    list: &[zhidu::Diagnostic],
) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, list.iter().cloned().map(Diagnostic::from))
}

result_class! {
    Diagnostic.inner: zhidu::Diagnostic {
        /// `error` or `warning`.
        severity,
        /// The file name as given to the loader.
        file,
        /// 1-based line (0 when the problem has no place in the file).
        line,
        /// 1-based column in characters (0 when the problem has no place in the file).
        column,
        /// TOML key path such as `class[2].unit`.
        path,
        /// What is wrong.
        message,
        /// How to fix it, when the loader can tell.
        help,
    }
    repr { severity, file, line, column, path, message }
    methods {
        fn __str__(&self) -> String {
            self.inner.to_string()
        }
    }
}
