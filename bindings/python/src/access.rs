//! Result classes of `Policy.access` and `Policy.retention` (issue #15 points 4 and 6):
//! `AccessDecisions` (a sequence of `AccessDecision`s) and `Retention` (a sequence of
//! `RetentionLine`s), each declared once with [`result_class!`].

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::labels::RowLabels;
use crate::result_class::result_class;
use crate::scoring::row_errors;

/// The answers to a batch of access requests, in row order, with the rows that could not be
/// answered.
#[pyclass(frozen, sequence, module = "zhidu", name = "AccessDecisions")]
pub(crate) struct AccessDecisions {
    pub(crate) inner: Arc<zhidu::AccessDecisions>,
    /// The labels of the request rows (a DataFrame's index), for `errors`.
    pub(crate) labels: Arc<RowLabels>,
}

result_class! {
    AccessDecisions.inner: zhidu::AccessDecisions {
        /// The policy's id.
        policy,
    }
    repr { policy }
    counts { decisions, errors }
    sequence decisions of AccessDecision
    methods {
        /// Rows that could not be answered (`RowError`: input, 1-based row, error), such as
        /// an unknown role, level, scope item, action or fact.
        #[getter]
        fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            row_errors(py, &self.inner.errors, &self.labels)
        }
    }
}

/// The answer to one access request.
#[pyclass(frozen, module = "zhidu", name = "AccessDecision")]
pub(crate) struct AccessDecision {
    all: Arc<zhidu::AccessDecisions>,
    i: usize,
}

impl AccessDecision {
    fn element(all: Arc<zhidu::AccessDecisions>, i: usize) -> AccessDecision {
        AccessDecision { all, i }
    }
}

result_class! {
    AccessDecision in decisions: zhidu::AccessDecision {
        /// 1-based row of the request.
        row,
        /// The person.
        subject,
        /// The role, as the policy names it (its id).
        role,
        /// The action.
        action,
        /// The item, or None.
        item,
        /// The secrecy level used (its id), or None.
        level,
        /// `allow`, `deny` or `allow_with_approval`.
        decision,
        /// The approvals needed: dicts with `id`, `name`, `by` and `given`.
        approvals,
        /// Obligations that come with it: dicts with `id` and `text`.
        conditions,
        /// The ids of the rules that decided (empty when the policy's `otherwise` answered).
        rules,
        /// Why, in the rules' words.
        reasons,
        /// Every clause id used, in order.
        clauses,
        /// The defaults used: dicts with `key`, `param` and `note`.
        defaults,
        /// The request's note.
        note,
    }
    repr { row, subject, action, decision }
}

/// Keep-until days of a batch of records on one day, with the rows that could not be read.
#[pyclass(frozen, sequence, module = "zhidu", name = "Retention")]
pub(crate) struct Retention {
    pub(crate) inner: Arc<zhidu::Retention>,
    /// The labels of the record rows (a DataFrame's index), for `errors`.
    pub(crate) labels: Arc<RowLabels>,
}

result_class! {
    Retention.inner: zhidu::Retention {
        /// The policy's id.
        policy,
        /// The day asked, a `datetime.date`.
        as_of,
        /// The ids of the records past their keep-until day or to destroy, in row order.
        past,
    }
    repr { policy, as_of }
    counts { records, errors }
    sequence records of RetentionLine
    methods {
        /// Rows that could not be answered (`RowError`), such as an unknown record kind or a
        /// period rule's record without a date.
        #[getter]
        fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            row_errors(py, &self.inner.errors, &self.labels)
        }
    }
}

/// One record's keep-until day and status.
#[pyclass(frozen, module = "zhidu", name = "RetentionLine")]
pub(crate) struct RetentionLine {
    all: Arc<zhidu::Retention>,
    i: usize,
}

impl RetentionLine {
    fn element(all: Arc<zhidu::Retention>, i: usize) -> RetentionLine {
        RetentionLine { all, i }
    }
}

result_class! {
    RetentionLine in records: zhidu::RetentionLine {
        /// 1-based row of the record.
        row,
        /// The record's id.
        id,
        /// Its kind.
        kind,
        /// The rule that keeps it.
        rule,
        /// The rule's name.
        rule_name,
        /// The record's date, a `datetime.date`, or None.
        date,
        /// The last day it is kept, a `datetime.date`; None while it waits for an event.
        keep_until,
        /// The event it is kept until while that has not happened (`public` …), or None.
        until_event,
        /// `keep`, `past` or `destroy` on the day asked.
        status,
        /// The rule's clause ids.
        clauses,
        /// The rule's defaults: dicts with `key`, `param` and `note`.
        defaults,
        /// The record's note.
        note,
    }
    repr { id, kind, keep_until, status }
}
