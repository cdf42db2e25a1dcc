//! Result classes of `assess`, `rank` and `decide`: `Assessment` (a sequence of
//! `Scorecard`s), `WindowRank`, `Decisions` (a sequence of `Decision`s), each declared once
//! with [`result_class!`].
//!
//! A sequence keeps the core's result behind an `Arc`, so a card or a decision taken from it
//! copies nothing: the element holds the `Arc` and its position.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::Obj;
use crate::error::OrRaise;
use crate::labels::RowLabels;
use crate::result_class::{Sequence, result_class};
use pyo3::sync::PyOnceLock;

/// The scorecards of a period, in the core's order (person cards by subject, then window
/// cards by window), with the rows that could not be scored.
#[pyclass(frozen, sequence, module = "zhidu", name = "Assessment")]
pub(crate) struct Assessment {
    pub(crate) inner: Arc<zhidu::Assessment>,
    pub(crate) policy: Arc<zhidu::Policy>,
    /// The labels of the input rows (a DataFrame's index), for `errors`.
    pub(crate) labels: Arc<RowLabels>,
}

/// Skipped rows as `zhidu.RowError`s, each error labelled with its row's label.
pub(crate) fn row_errors<'py>(
    py: Python<'py>,
    skipped: &[zhidu::SkippedRow],
    labels: &RowLabels,
) -> PyResult<Bound<'py, PyList>> {
    let errors = skipped
        .iter()
        .map(|e| crate::error::row_error(py, e, labels));
    PyList::new(py, errors.collect::<PyResult<Vec<_>>>()?)
}

impl Assessment {
    /// The ranking as a `zhidu.StampedList` of `WindowRank`s with `policy`'s stamp.
    pub(crate) fn rank_under<'py>(
        &self,
        py: Python<'py>,
        policy: &zhidu::Policy,
    ) -> PyResult<Obj<'py>> {
        let ranks = policy.rank(&self.inner).or_raise(py)?;
        let items = ranks
            .into_iter()
            .map(|inner| Bound::new(py, WindowRank { inner }))
            .collect::<PyResult<Vec<_>>>()?;
        crate::stamped::list(PyList::new(py, items)?.into_any(), &policy.stamp())
    }
}

result_class! {
    Assessment.inner: zhidu::Assessment {
        /// The policy's id.
        policy,
        /// The period, such as `2026-10`, `2026-Q4` or `2026`.
        period,
        /// How many incidents fall outside the period (counted, not used).
        outside_period,
        /// Their 1-based rows.
        outside_rows,
        /// How many late cases of the period no overdue rule prices (complaint replies,
        /// 即收即办 …): counted, not charged.
        unpriced_late,
        /// Their 1-based case rows.
        unpriced_rows,
    }
    repr { policy, period, outside_period }
    counts { scorecards, errors }
    sequence scorecards of Scorecard
    methods {
        /// Rows that could not be scored (`RowError`: input, 1-based row, error; the error's
        /// `label` is the row's DataFrame index label); every other row is scored.
        #[getter]
        fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            row_errors(py, &self.inner.errors, &self.labels)
        }

        /// The rules these cards were scored under (`Policy.stamp`): a dict with `policy`,
        /// `version`, `effective_from` and `hash`.
        #[getter]
        fn stamp<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
            crate::convert::to_dict(py, &self.policy.stamp())
        }

        /// The person card of `subject`, or None.
        fn card(&self, subject: &Obj) -> Option<Scorecard> {
            let subject = subject.cast::<PyString>().ok()?.to_cow().ok()?;
            let found = self.inner.card(&subject)?;
            let i = self.inner.scorecards.iter().position(|c| std::ptr::eq(c, found))?;
            Some(self.item(i))
        }

        /// Every card's lines as columns for `zhidu.pandas.lines_frame`: `(names, lists,
        /// the calendar's UTC offset in seconds)`.
        fn _lines_columns<'py>(
            &self,
            py: Python<'py>,
        ) -> PyResult<crate::lines::Table<'py>> {
            let offset = self.policy.calendar().offset().local_minus_utc();
            let columns = crate::lines::columns(py, &self.inner)?;
            Ok((crate::lines::COLUMNS.to_vec(), columns, offset))
        }

        /// The scorecards as a ``pyarrow.Table`` (pyarrow needed), one row per card.
        ///
        /// Parameters
        /// ----------
        /// kind : {"person", "window", None}, default "person"
        ///     The people's cards, the windows' own (A19), or both.
        ///
        /// Returns
        /// -------
        /// pyarrow.Table
        ///     ``subject``, ``kind``, ``window``, ``period`` (text), one ``int64`` score per
        ///     category of the deduction table (by its id, in the table's order), ``bonus`` and
        ///     ``total`` (``int64``), ``fines`` and ``withholdings`` (``decimal128``, exact),
        ///     ``effects`` (the effects' names); the same columns with no card. The schema
        ///     metadata holds the policy's stamp as JSON (``b"zhidu:stamp"``).
        #[pyo3(signature = (kind = Some("person")), text_signature = "($self, /, kind='person')")]
        fn to_arrow<'py>(&self, py: Python<'py>, kind: Option<&str>) -> PyResult<Obj<'py>> {
            let kind = match kind {
                None => None,
                Some("person") => Some(zhidu::SubjectKind::Person),
                Some("window") => Some(zhidu::SubjectKind::Window),
                Some(other) => {
                    let got = format!("'{other}'");
                    let message = format!("`kind` must be \"person\", \"window\" or None, not {got}");
                    return Err(crate::error::raise(py, &crate::error::input(message, None), None));
                }
            };
            let table = zhidu_arrow::scorecards(&self.policy, &self.inner, kind);
            crate::arrow::to_pyarrow(py, table.map_err(crate::arrow::core_error).or_raise(py)?)
        }

        /// The deduction table's categories in order, `{id: name}` (考勤 …): the headers of
        /// `zhidu.pandas.scorecard_frame`'s category columns, known even with no card.
        #[getter]
        fn category_names<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
            let table = self.policy.deduction_table().or_raise(py)?;
            let names = PyDict::new(py);
            for c in &table.categories {
                names.set_item(&c.id, &c.name)?;
            }
            Ok(names)
        }

        /// The window ranking (红旗窗口) under the policy that scored this.
        fn rank<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
            self.rank_under(py, &self.policy)
        }
    }
}

/// A subject's scorecard for a period.
#[pyclass(frozen, module = "zhidu", name = "Scorecard")]
pub(crate) struct Scorecard {
    all: Arc<zhidu::Assessment>,
    i: usize,
    /// `lines`, converted on first access and kept: a card's lines never change, and a
    /// million of them take seconds to convert.
    lines: PyOnceLock<Py<PyList>>,
}

impl Scorecard {
    fn element(all: Arc<zhidu::Assessment>, i: usize) -> Scorecard {
        Scorecard {
            all,
            i,
            lines: PyOnceLock::new(),
        }
    }
}

result_class! {
    Scorecard in scorecards: zhidu::Scorecard {
        /// The person, or the window for a window's own card.
        subject,
        /// `person` or `window` (a window's own card: window-charged rules, A19).
        kind,
        /// The window the person works at (the roster's, else the one most incidents name).
        window,
        /// The period.
        period,
        /// `Σ category scores + bonus` (may pass 100).
        total,
        /// Bonus points, outside the categories.
        bonus,
        /// Fines in yuan, exact, as a `decimal.Decimal` with two places.
        fines,
        /// Yuan withheld from the month's bonus (扣除当月奖励, S14.att.6), apart from fines, as
        /// a `decimal.Decimal` with two places.
        withholdings,
        /// Each category: dicts with `id`, `name`, `maximum`, `floor`, `raw_deductions`,
        /// `applied_deductions` and `score`.
        categories,
        /// Effects in time order: dicts with `id`, `name`, `rule` and `at`.
        effects,
    }
    repr {
        subject, kind, window, total, bonus, fines, withholdings,
    }
    methods {
        /// Every line in time order (empty when scored with `lines=False`): dicts with `rule`,
        /// `imported_from` (the policy that defines an imported rule, else `None`), `quote`,
        /// `category`, `kind`, `unit`, `quantity`, `points_each`, `points`, `fine` and
        /// `withholding` (`Decimal`), `basis`, `ref`, `superseded`, `effects`, `at`, `case`,
        /// `note`, `source` and `defaults`. Built on first access and kept: the same list
        /// every time (`zhidu.pandas.lines_frame` gives every card's lines as one frame).
        #[getter]
        fn lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            use crate::result_class::{Field as _, View as _};
            let list = self.lines.get_or_try_init(py, || {
                let _paused = crate::gc_pause::GcPause::new(py)?;
                let list = self.view()?.lines.py(py)?.cast_into::<PyList>()?;
                Ok::<_, PyErr>(list.unbind())
            })?;
            Ok(list.bind(py).clone())
        }
    }
}

/// A window's place in the ranking.
#[pyclass(frozen, module = "zhidu", name = "WindowRank")]
pub(crate) struct WindowRank {
    inner: zhidu::WindowRank,
}

result_class! {
    WindowRank.inner: zhidu::WindowRank {
        /// 1-based; equal scores share a rank (1, 2, 2, 4).
        rank,
        /// The window.
        window,
        /// The mean of the members' totals plus the window's own lines, rounded half away from
        /// zero to two places, as a `decimal.Decimal`.
        score,
        /// Members counted.
        members,
        /// Whether the window may be 红旗窗口 this period.
        eligible,
        /// Why not: dicts with `effect`, `name`, `rule`, `imported_from` (the policy that
        /// defines an imported rule, else `None`) and `subject`.
        disqualified_by,
    }
    repr { rank, window, score, members, eligible }
}

/// The decisions for a history of violations, in time order, with the rows that could not be
/// decided.
#[pyclass(frozen, sequence, module = "zhidu", name = "Decisions")]
pub(crate) struct Decisions {
    pub(crate) inner: Arc<zhidu::Decisions>,
    /// The labels of the violation rows (a DataFrame's index), for `errors`.
    pub(crate) labels: Arc<RowLabels>,
    /// The policy's calendar's offset from UTC: the zone of the decisions' instants.
    pub(crate) utc_offset: chrono::TimeDelta,
    /// The rules the decisions were taken under (the policy's stamp).
    pub(crate) stamp: zhidu::Stamp,
}

result_class! {
    Decisions.inner: zhidu::Decisions {
        /// The policy's id.
        policy,
        /// Per subject: dicts with `subject`, `highest_tier`, `decisions` and `needs_review`.
        subjects,
        /// Records after `as_of`: not yet known, not decided.
        after_as_of,
    }
    repr { policy, after_as_of }
    counts { decisions, errors }
    sequence decisions of Decision
    methods {
        /// Rows that could not be decided (`RowError`: input, 1-based row, error; the error's
        /// `label` is the row's DataFrame index label), such as unknown codes or flags and
        /// conflicts (`ConflictError`).
        #[getter]
        fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            row_errors(py, &self.inner.errors, &self.labels)
        }

        /// The offset from UTC of the policy's calendar (the zone of `at`), so a frame of no
        /// decisions has the same tz-aware `at` column as any other.
        #[getter]
        fn utc_offset(&self) -> chrono::TimeDelta {
            self.utc_offset
        }

        /// The rules these decisions were taken under (`Policy.stamp`): a dict with
        /// `policy`, `version`, `effective_from` and `hash`.
        #[getter]
        fn stamp<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
            crate::convert::to_dict(py, &self.stamp)
        }
    }
}

/// The decision for one violation.
#[pyclass(frozen, module = "zhidu", name = "Decision")]
pub(crate) struct Decision {
    all: Arc<zhidu::Decisions>,
    i: usize,
}

impl Decision {
    fn element(all: Arc<zhidu::Decisions>, i: usize) -> Decision {
        Decision { all, i }
    }
}

result_class! {
    Decision in decisions: zhidu::Decision {
        /// 1-based row of the record among the violations given.
        row,
        /// The person.
        subject,
        /// When, as an aware datetime in the calendar's zone.
        at,
        /// The recorded violation's clause id.
        violation,
        /// The clause that decided the tier: the violation, or the exception that refined it.
        applied,
        /// The tier (1, 2, 3 …), or None when a person decides (`needs_review`).
        tier,
        /// The tier's name, such as 通报批评.
        tier_name,
        /// The tier's measures, then those the flags add (移送司法机关, 赔偿责任 …).
        measures,
        /// Whether a person must review or decide.
        needs_review,
        /// Why, in words.
        review_reasons,
        /// The escalation that applied, or None: a dict with `kind` (`repeat` or
        /// `complaints`), `clause`, `refers_to` (the earlier decision: `row`, `at`,
        /// `violation`, `tier`) and `count`.
        escalation,
        /// A higher tier a person should consider (多次受到投诉: never applied automatically).
        candidate_tier,
        /// The flags recorded.
        flags,
        /// Every clause id used, in order.
        clauses,
        /// The record's note.
        note,
        /// What the subject pays at the original price (照价赔偿), as a `decimal.Decimal`:
        /// the record's `amount` when the clause carries compensation, else None.
        compensation,
    }
    repr { subject, at, violation, applied, tier, needs_review }
}
