//! Result classes of `assess`, `rank` and `decide`: `Assessment` (a sequence of
//! `Scorecard`s), `WindowRank`, `Decisions` (a sequence of `Decision`s).
//!
//! Each wraps the core's result behind an `Arc`, so a card or a decision taken from its
//! sequence copies nothing. Getters convert one field; `to_dict()` is the core's serde form
//! (the CLI's JSON field names) with dates and instants as Python values and money as
//! `decimal.Decimal`.

use std::sync::Arc;

use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::types::{PyInt, PyList, PySlice};

use crate::convert::{self, to_dict, to_json_text, two_places};
use crate::error::{self, OrRaise};

/// A serde enum's name (`person`, `window`).
fn serde_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// `RowError`s for the core's row errors.
fn row_errors<'py>(py: Python<'py>, errors: &[zhidu::RowError]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for e in errors {
        list.append(error::row_error(py, e)?)?;
    }
    Ok(list)
}

/// Items `index` selects among `len`: one position (negative counts from the end) or a
/// slice.
enum Pick {
    One(usize),
    Many(Vec<usize>),
}

fn pick(index: &Bound<'_, PyAny>, len: usize) -> PyResult<Pick> {
    if let Ok(slice) = index.cast::<PySlice>() {
        let n = isize::try_from(len).unwrap_or(isize::MAX);
        let ix = slice.indices(n)?;
        let mut out = Vec::new();
        let mut at = ix.start;
        for _ in 0..ix.slicelength {
            if let Ok(i) = usize::try_from(at) {
                out.push(i);
            }
            at += ix.step;
        }
        return Ok(Pick::Many(out));
    }
    let i: isize = if index.is_instance_of::<PyInt>() {
        index.extract()?
    } else {
        index.call_method0("__index__")?.extract()?
    };
    let n = isize::try_from(len).unwrap_or(isize::MAX);
    let i = if i < 0 { i + n } else { i };
    usize::try_from(i)
        .ok()
        .filter(|&i| i < len)
        .map(Pick::One)
        .ok_or_else(|| PyIndexError::new_err("index out of range"))
}

/// The scorecards of a period, in the core's order (person cards by subject, then window
/// cards by window), with the rows that could not be scored.
#[pyclass(frozen, sequence, module = "zhidu", name = "Assessment")]
pub(crate) struct Assessment {
    pub(crate) inner: Arc<zhidu::Assessment>,
    pub(crate) policy: Arc<zhidu::Policy>,
}

impl Assessment {
    pub(crate) fn rank_under(
        &self,
        py: Python<'_>,
        policy: &zhidu::Policy,
    ) -> PyResult<Vec<WindowRank>> {
        let ranks = policy.rank(&self.inner).or_raise(py)?;
        Ok(ranks
            .into_iter()
            .map(|inner| WindowRank { inner })
            .collect())
    }

    fn scorecard(&self, i: usize) -> Scorecard {
        Scorecard {
            assessment: Arc::clone(&self.inner),
            i,
        }
    }
}

#[pymethods]
impl Assessment {
    /// The policy's id.
    #[getter]
    fn policy(&self) -> &str {
        &self.inner.policy
    }

    /// The period, such as `2026-10`, `2026-Q4` or `2026`.
    #[getter]
    fn period(&self) -> &str {
        &self.inner.period
    }

    /// Every scorecard.
    #[getter]
    fn scorecards(&self) -> Vec<Scorecard> {
        (0..self.inner.scorecards.len())
            .map(|i| self.scorecard(i))
            .collect()
    }

    /// Rows that could not be scored (`RowError`: input, 1-based row, error); every other
    /// row is scored.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        row_errors(py, &self.inner.errors)
    }

    /// How many incidents fall outside the period (counted, not used).
    #[getter]
    fn outside_period(&self) -> usize {
        self.inner.outside_period
    }

    /// Their 1-based rows.
    #[getter]
    fn outside_rows(&self) -> Vec<usize> {
        self.inner.outside_rows.clone()
    }

    /// How many late cases of the period no overdue rule prices (complaint replies,
    /// 即收即办 …): counted, not charged.
    #[getter]
    fn unpriced_late(&self) -> usize {
        self.inner.unpriced_late
    }

    /// Their 1-based case rows.
    #[getter]
    fn unpriced_rows(&self) -> Vec<usize> {
        self.inner.unpriced_rows.clone()
    }

    /// The person card of `subject`, or None.
    fn card(&self, subject: &Bound<'_, PyAny>) -> Option<Scorecard> {
        let subject = subject
            .cast::<pyo3::types::PyString>()
            .ok()?
            .to_cow()
            .ok()?;
        let found = self.inner.card(&subject)?;
        let i = self
            .inner
            .scorecards
            .iter()
            .position(|c| std::ptr::eq(c, found))?;
        Some(self.scorecard(i))
    }

    /// The window ranking (红旗窗口) under the policy that scored this.
    fn rank(&self, py: Python<'_>) -> PyResult<Vec<WindowRank>> {
        self.rank_under(py, &self.policy)
    }

    /// `{policy, period, scorecards, errors, outside_period, outside_rows, unpriced_late,
    /// unpriced_rows}` as `zhidu assess
    /// --format json` writes each part, money as `Decimal`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &*self.inner)
    }

    /// The whole assessment as JSON text.
    fn to_json(&self) -> PyResult<String> {
        to_json_text(&*self.inner)
    }

    fn __len__(&self) -> usize {
        self.inner.scorecards.len()
    }

    fn __getitem__<'py>(&self, index: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = index.py();
        match pick(index, self.inner.scorecards.len())? {
            Pick::One(i) => Ok(Bound::new(py, self.scorecard(i))?.into_any()),
            Pick::Many(is) => {
                Ok(PyList::new(py, is.into_iter().map(|i| self.scorecard(i)))?.into_any())
            }
        }
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyList::new(py, self.scorecards())?.try_iter()?.into_any())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Assessment>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "Assessment(policy='{}', period='{}', scorecards={}, errors={}, outside_period={})",
            self.inner.policy,
            self.inner.period,
            self.inner.scorecards.len(),
            self.inner.errors.len(),
            self.inner.outside_period
        )
    }
}

/// A subject's scorecard for a period.
#[pyclass(frozen, module = "zhidu", name = "Scorecard")]
pub(crate) struct Scorecard {
    assessment: Arc<zhidu::Assessment>,
    i: usize,
}

impl Scorecard {
    fn card(&self) -> PyResult<&zhidu::Scorecard> {
        self.assessment
            .scorecards
            .get(self.i)
            .ok_or_else(|| PyIndexError::new_err("scorecard index out of range"))
    }
}

#[pymethods]
impl Scorecard {
    /// The person, or the window for a window's own card.
    #[getter]
    fn subject(&self) -> PyResult<&str> {
        Ok(&self.card()?.subject)
    }

    /// `person` or `window` (a window's own card: window-charged rules, A19).
    #[getter]
    fn kind(&self) -> PyResult<String> {
        Ok(serde_name(&self.card()?.kind))
    }

    /// The window the person works at (the roster's, else the one most incidents name).
    #[getter]
    fn window(&self) -> PyResult<Option<&str>> {
        Ok(self.card()?.window.as_deref())
    }

    /// The period.
    #[getter]
    fn period(&self) -> PyResult<&str> {
        Ok(&self.card()?.period)
    }

    /// `Σ category scores + bonus` (may pass 100).
    #[getter]
    fn total(&self) -> PyResult<i64> {
        Ok(self.card()?.total)
    }

    /// Bonus points, outside the categories.
    #[getter]
    fn bonus(&self) -> PyResult<i64> {
        Ok(self.card()?.bonus)
    }

    /// Fines in yuan, exact, as a `decimal.Decimal` with two places.
    #[getter]
    fn fines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        two_places(py, &self.card()?.fines)
    }

    /// Yuan withheld from the month's bonus (扣除当月奖励, S14.att.6), apart from fines, as
    /// a `decimal.Decimal` with two places.
    #[getter]
    fn withholdings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        two_places(py, &self.card()?.withholdings)
    }

    /// Each category: dicts with `id`, `name`, `maximum`, `floor`, `raw_deductions`,
    /// `applied_deductions` and `score`.
    #[getter]
    fn categories<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.card()?.categories)
    }

    /// Effects in time order: dicts with `id`, `name`, `rule` and `at`.
    #[getter]
    fn effects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.card()?.effects)
    }

    /// Every line in time order (empty when scored with `lines=False`): dicts with `rule`,
    /// `imported_from` (the policy that defines an imported rule, else `None`), `quote`,
    /// `category`, `kind`, `unit`, `quantity`, `points_each`, `points`, `fine` and
    /// `withholding` (`Decimal`), `basis`, `ref`, `superseded`, `effects`, `at`, `case`,
    /// `note`, `source` and `defaults`.
    #[getter]
    fn lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.card()?.lines)
    }

    /// The card as `zhidu assess --format json` writes it, with `fines`, `withholdings` and
    /// each line's `fine` and `withholding` as `Decimal` and instants as aware datetimes.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, self.card()?)
    }

    /// The card as the CLI's JSON (money as two-place decimal strings).
    fn to_json(&self) -> PyResult<String> {
        to_json_text(self.card()?)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Scorecard>()
            .is_ok_and(|o| matches!((o.get().card(), self.card()), (Ok(a), Ok(b)) if a == b))
    }

    fn __repr__(&self) -> PyResult<String> {
        let c = self.card()?;
        Ok(format!(
            "Scorecard(subject={:?}, kind='{}', window={}, total={}, bonus={}, fines=Decimal('{:.2}'), withholdings=Decimal('{:.2}'))",
            c.subject,
            serde_name(&c.kind),
            c.window
                .as_ref()
                .map_or_else(|| "None".to_owned(), |w| format!("{w:?}")),
            c.total,
            c.bonus,
            c.fines,
            c.withholdings
        ))
    }
}

/// A window's place in the ranking.
#[pyclass(frozen, module = "zhidu", name = "WindowRank")]
pub(crate) struct WindowRank {
    inner: zhidu::WindowRank,
}

#[pymethods]
impl WindowRank {
    /// 1-based; equal scores share a rank (1, 2, 2, 4).
    #[getter]
    fn rank(&self) -> usize {
        self.inner.rank
    }

    /// The window.
    #[getter]
    fn window(&self) -> &str {
        &self.inner.window
    }

    /// The mean of the members' totals plus the window's own lines, rounded half away from
    /// zero to two places, as a `decimal.Decimal`.
    #[getter]
    fn score<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        two_places(py, &self.inner.score)
    }

    /// Members counted.
    #[getter]
    fn members(&self) -> usize {
        self.inner.members
    }

    /// Whether the window may be 红旗窗口 this period.
    #[getter]
    fn eligible(&self) -> bool {
        self.inner.eligible
    }

    /// Why not: dicts with `effect`, `name`, `rule`, `imported_from` (the policy that defines
    /// an imported rule, else `None`) and `subject`.
    #[getter]
    fn disqualified_by<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.disqualified_by)
    }

    /// As `zhidu rank --format json` writes it, `score` as `Decimal`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    /// The CLI's JSON.
    fn to_json(&self) -> PyResult<String> {
        to_json_text(&self.inner)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<WindowRank>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "WindowRank(rank={}, window={:?}, score=Decimal('{:.2}'), members={}, eligible={})",
            self.inner.rank,
            self.inner.window,
            self.inner.score,
            self.inner.members,
            if self.inner.eligible { "True" } else { "False" }
        )
    }
}

/// The decisions for a history of violations, in time order, with the rows that could not be
/// decided.
#[pyclass(frozen, sequence, module = "zhidu", name = "Decisions")]
pub(crate) struct Decisions {
    pub(crate) inner: Arc<zhidu::Decisions>,
}

impl Decisions {
    fn decision(&self, i: usize) -> Decision {
        Decision {
            decisions: Arc::clone(&self.inner),
            i,
        }
    }
}

#[pymethods]
impl Decisions {
    /// The policy's id.
    #[getter]
    fn policy(&self) -> &str {
        &self.inner.policy
    }

    /// Every decision, in time order (ties: input order).
    #[getter]
    fn decisions(&self) -> Vec<Decision> {
        (0..self.inner.decisions.len())
            .map(|i| self.decision(i))
            .collect()
    }

    /// Rows that could not be decided (`RowError`: input, 1-based row, error), such as
    /// unknown codes or flags and conflicts (`ConflictError`).
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        row_errors(py, &self.inner.errors)
    }

    /// Per subject: dicts with `subject`, `highest_tier`, `decisions` and `needs_review`.
    #[getter]
    fn subjects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.subjects)
    }

    /// Records after `as_of`: not yet known, not decided.
    #[getter]
    fn after_as_of(&self) -> usize {
        self.inner.after_as_of
    }

    /// `{policy, decisions, errors, subjects, after_as_of}` as `zhidu decide --format json`
    /// writes each part.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &*self.inner)
    }

    /// The whole result as JSON text.
    fn to_json(&self) -> PyResult<String> {
        to_json_text(&*self.inner)
    }

    fn __len__(&self) -> usize {
        self.inner.decisions.len()
    }

    fn __getitem__<'py>(&self, index: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = index.py();
        match pick(index, self.inner.decisions.len())? {
            Pick::One(i) => Ok(Bound::new(py, self.decision(i))?.into_any()),
            Pick::Many(is) => {
                Ok(PyList::new(py, is.into_iter().map(|i| self.decision(i)))?.into_any())
            }
        }
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyList::new(py, self.decisions())?.try_iter()?.into_any())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Decisions>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "Decisions(policy='{}', decisions={}, errors={}, after_as_of={})",
            self.inner.policy,
            self.inner.decisions.len(),
            self.inner.errors.len(),
            self.inner.after_as_of
        )
    }
}

/// The decision for one violation.
#[pyclass(frozen, module = "zhidu", name = "Decision")]
pub(crate) struct Decision {
    decisions: Arc<zhidu::Decisions>,
    i: usize,
}

impl Decision {
    fn d(&self) -> PyResult<&zhidu::Decision> {
        self.decisions
            .decisions
            .get(self.i)
            .ok_or_else(|| PyIndexError::new_err("decision index out of range"))
    }
}

#[pymethods]
impl Decision {
    /// 1-based row of the record among the violations given.
    #[getter]
    fn row(&self) -> PyResult<usize> {
        Ok(self.d()?.row)
    }

    /// The person.
    #[getter]
    fn subject(&self) -> PyResult<&str> {
        Ok(&self.d()?.subject)
    }

    /// When, as an aware datetime in the calendar's zone.
    #[getter]
    fn at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::datetime(py, self.d()?.at)
    }

    /// The recorded violation's clause id.
    #[getter]
    fn violation(&self) -> PyResult<&str> {
        Ok(&self.d()?.violation)
    }

    /// The clause that decided the tier: the violation, or the exception that refined it.
    #[getter]
    fn applied(&self) -> PyResult<&str> {
        Ok(&self.d()?.applied)
    }

    /// The tier (1, 2, 3 …), or None when a person decides (`needs_review`).
    #[getter]
    fn tier(&self) -> PyResult<Option<u32>> {
        Ok(self.d()?.tier)
    }

    /// The tier's name, such as 通报批评.
    #[getter]
    fn tier_name(&self) -> PyResult<Option<&str>> {
        Ok(self.d()?.tier_name.as_deref())
    }

    /// The tier's measures, then those the flags add (移送司法机关, 赔偿责任 …).
    #[getter]
    fn measures(&self) -> PyResult<Vec<String>> {
        Ok(self.d()?.measures.clone())
    }

    /// Whether a person must review or decide.
    #[getter]
    fn needs_review(&self) -> PyResult<bool> {
        Ok(self.d()?.needs_review)
    }

    /// Why, in words.
    #[getter]
    fn review_reasons(&self) -> PyResult<Vec<String>> {
        Ok(self.d()?.review_reasons.clone())
    }

    /// The escalation that applied, or None: a dict with `kind` (`repeat` or `complaints`),
    /// `clause`, `refers_to` (the earlier decision: `row`, `at`, `violation`, `tier`) and
    /// `count`.
    #[getter]
    fn escalation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.d()?.escalation)
    }

    /// A higher tier a person should consider (多次受到投诉: never applied automatically).
    #[getter]
    fn candidate_tier(&self) -> PyResult<Option<u32>> {
        Ok(self.d()?.candidate_tier)
    }

    /// The flags recorded.
    #[getter]
    fn flags(&self) -> PyResult<Vec<String>> {
        Ok(self.d()?.flags.clone())
    }

    /// Every clause id used, in order.
    #[getter]
    fn clauses(&self) -> PyResult<Vec<String>> {
        Ok(self.d()?.clauses.clone())
    }

    /// The record's note.
    #[getter]
    fn note(&self) -> PyResult<Option<&str>> {
        Ok(self.d()?.note.as_deref())
    }

    /// The decision as `zhidu decide --format json` writes it, instants as aware datetimes.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, self.d()?)
    }

    /// The CLI's JSON.
    fn to_json(&self) -> PyResult<String> {
        to_json_text(self.d()?)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Decision>()
            .is_ok_and(|o| matches!((o.get().d(), self.d()), (Ok(a), Ok(b)) if a == b))
    }

    fn __repr__(&self) -> PyResult<String> {
        let d = self.d()?;
        Ok(format!(
            "Decision(subject={:?}, at={}, violation='{}', applied='{}', tier={}, needs_review={})",
            d.subject,
            d.at.to_rfc3339(),
            d.violation,
            d.applied,
            d.tier.map_or_else(|| "None".to_owned(), |t| t.to_string()),
            if d.needs_review { "True" } else { "False" }
        ))
    }
}
