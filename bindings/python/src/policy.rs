//! `Policy`: its properties, due dates, case statuses, scoring, decisions, the report and
//! pickling; each method reads its arguments (`args`), calls the core once and wraps the
//! answer.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::Obj;
use crate::args::{bad_argument, flag, opt, text};
use crate::arrow::Output;
use crate::batch::{self, Mode};
use crate::convert;
use crate::error::{Localized, OrRaise};
use crate::labels::{Labels, RowLabels};
use crate::policy_set::{PolicySet, Restore};
use crate::results::{CaseStatus, Due, DueExplanation, Origin};
use crate::row_batch::RowBatch;
use crate::rows;
use crate::scoring::{Assessment, Decisions};
use crate::stamped;

/// Cases read from an iterator at a time by `Policy.report` (as the CLI reads a log).
const REPORT_CHUNK: usize = 16_384;

/// One regulation as code, bound to its calendar.
#[pyclass(frozen, module = "zhidu", name = "Policy")]
pub(crate) struct Policy {
    pub(crate) set: zhidu::PolicySet,
    pub(crate) inner: Arc<zhidu::Policy>,
}

impl Policy {
    fn class(&self, class_id: &Obj) -> PyResult<zhidu::Class<'_>> {
        let py = class_id.py();
        let id = text(class_id, "class_id")?;
        self.inner.class(&id).or_raise(py)
    }

    /// The class, start and per-case limit that `due` and `explain` are asked for.
    fn request<'a>(
        &'a self,
        class_id: &Obj,
        accepted_at: &Obj,
        days: Option<&Obj>,
    ) -> PyResult<(zhidu::Class<'a>, zhidu::Start, Option<u32>)> {
        let py = class_id.py();
        let class = self.class(class_id)?;
        let start = convert::start(accepted_at).or_raise(py)?;
        let days = days.map_or(Ok(None), convert::days).or_raise(py)?;
        Ok((class, start, days))
    }

    /// Due dates (and, with `instants`, due instants) of a column call with the labels of
    /// its rows: what `due_many` answers in every form (numpy, Arrow, `zhidu.pandas`).
    fn due_column(
        &self,
        class_id: &Obj,
        accepted_at: &Obj,
        days: Option<&Obj>,
        instants: bool,
    ) -> PyResult<(zhidu::columns::DueColumns, Labels)> {
        let class = self.class(class_id)?;
        let columns = batch::due_columns(&class, accepted_at, days, instants)?;
        Ok((columns, Labels::of(accepted_at)?))
    }

    /// Read every case and compute every status with the GIL released (the core's column,
    /// in chunks on threads): what `case_statuses` answers in every form.
    fn status_column(
        &self,
        cases: &Obj,
        as_of: &Obj,
    ) -> PyResult<Vec<Result<zhidu::CaseStatus, zhidu::Error>>> {
        let py = cases.py();
        let as_of = self.as_of(as_of)?;
        let rows = rows::cases(cases)?;
        let (policy, threads) = (&self.inner, batch::threads());
        Ok(py.detach(|| policy.case_status_column(&rows, as_of, threads)))
    }

    /// Every status as a list (CaseStatus, or None for a bad case) and the bad cases.
    fn statuses<'py>(
        &self,
        cases: &Obj<'py>,
        as_of: &Obj<'py>,
    ) -> PyResult<(Bound<'py, PyList>, batch::RowErrors)> {
        let py = cases.py();
        let computed = self.status_column(cases, as_of)?;
        let mut bad = Vec::new();
        let list = PyList::empty(py);
        // One stamp for the call, a refcount in each status.
        let stamp = Arc::new(self.inner.stamp());
        for (i, result) in computed.into_iter().enumerate() {
            match result {
                Ok(inner) => list.append(CaseStatus {
                    inner: inner.localized(py),
                    stamp: Arc::clone(&stamp),
                })?,
                Err(e) => {
                    bad.push((i, e));
                    list.append(py.None())?;
                }
            }
        }
        Ok((list, bad))
    }

    /// An `as_of` instant. A bare date means 00:00 at the start of that day (the CLI's
    /// reading), which leaves the day itself out of month-end statuses: it is read so, with a
    /// `zhidu.AsOfWarning` that says how to write the end of the day (`zhidu.end_of_day`).
    fn as_of(&self, obj: &Obj) -> PyResult<chrono::DateTime<chrono::FixedOffset>> {
        let py = obj.py();
        let start = convert::start(obj).or_raise(py)?;
        if let zhidu::Start::Date(date) = start {
            let message = format!(
                "`as_of` `{date}` is 00:00 at the start of that day, so the day itself is not counted; pass `zhidu.end_of_day(\"{date}\")` for its end"
            );
            let message = crate::error::lang(py).translate(&message);
            let warning = crate::error::as_of_warning(py)?.call1((message,))?;
            // `stacklevel` 1: the line that called the native method.
            py.import("warnings")?
                .call_method1("warn", (warning, py.None(), 1))?;
        }
        start
            .instant_in(self.inner.calendar().offset())
            .or_raise(py)
    }

    /// `assess` of an Arrow table of incidents (with no cases, and no roster or an Arrow one)
    /// by `zhidu_arrow::assess`, which reads the columns in Rust, with the number of incident
    /// rows; None for any other input.
    fn assess_arrow(
        &self,
        incidents: &Obj,
        period: zhidu::Period,
        cases: Option<&Obj>,
        roster: Option<&Obj>,
        lines: bool,
    ) -> PyResult<Option<(zhidu::Assessment, usize)>> {
        let py = incidents.py();
        let roster = roster.filter(|r| !r.is_none());
        let arrow_roster = roster.is_none_or(crate::arrow::exports);
        if !crate::arrow::exports(incidents) || cases.is_some_and(|c| !c.is_none()) || !arrow_roster
        {
            return Ok(None);
        }
        let Some(batch) = crate::arrow::table_of(&crate::arrow::array(incidents, "incidents")?)
        else {
            return Ok(None);
        };
        let roster = match roster {
            Some(r) => crate::arrow::table_of(&crate::arrow::array(r, "roster")?),
            None => None,
        };
        let mut options = zhidu_arrow::AssessOptions::new().lines(lines);
        if let Some(r) = &roster {
            options = options.roster(r);
        }
        let policy = &self.inner;
        let result = py.detach(|| zhidu_arrow::assess(policy, &batch, period, &options));
        let assessment = result.map_err(crate::arrow::core_error).or_raise(py)?;
        Ok(Some((assessment, batch.num_rows())))
    }

    /// A policy argument (`case_policy`): a `Policy`, or the id of one of this policy's set.
    fn policy_of(&self, obj: &Obj) -> PyResult<Arc<zhidu::Policy>> {
        match obj.cast::<Policy>() {
            Ok(p) => Ok(Arc::clone(&p.get().inner)),
            Err(_) => self
                .set
                .policy_arc(&text(obj, "case_policy")?)
                .or_raise(obj.py()),
        }
    }
}

/// `Policy`'s one `#[pymethods]` block: its read-only properties, one line each (`name ->
/// type = |p| expression of the core policy p`), then the methods written out.
macro_rules! policy_methods {
    (
        $class:ident properties { $( $(#[$doc:meta])* $name:ident -> $t:ty = |$p:ident| $e:expr; )* }
        $($methods:tt)*
    ) => {
        #[pymethods]
        impl $class {
            $( $(#[$doc])* #[getter] fn $name(&self) -> $t { let $p = &*self.inner; $e } )*
            $($methods)*
        }
    };
}

policy_methods! {
    Policy properties {
        /// The policy's id.
        id -> &str = |p| p.id();
        /// The policy's name.
        name -> &str = |p| p.name();
        /// The policy's version.
        version -> &str = |p| p.version();
        /// The first day the policy is in force.
        effective_from -> chrono::NaiveDate = |p| p.effective().0;
        /// The last day the policy is in force, if it ends.
        effective_until -> Option<chrono::NaiveDate> = |p| p.effective().1;
        /// Where the policy comes from (the seed's lines).
        source -> &str = |p| p.source();
        /// The file the policy was loaded from.
        file -> &str = |p| p.file();
        /// The id of the policy's calendar.
        calendar_id -> &str = |p| p.calendar().id();
        /// The years the calendar covers, `(first, last)`.
        calendar_years -> (i32, i32) = |p| p.calendar().years();
        /// The first and last years with a State Council notice in the policy's calendar; the
        /// years after them, up to `calendar_years`' last, are provisional.
        calendar_notice_years -> (i32, i32) = |p| p.calendar().notice_years();
        /// The calendar's offset from UTC (+08:00 for `cn-mainland`): the zone of naive inputs.
        utc_offset -> chrono::TimeDelta =
            |p| chrono::TimeDelta::seconds(p.calendar().offset().local_minus_utc().into());
        /// The ids of the policy's deadline classes.
        class_ids -> Vec<String> = |p| p.classes().map(|c| c.id().to_owned()).collect();
        /// The ids of the policy's suspension reasons.
        suspension_ids -> Vec<String> = |p| p.suspensions().map(|s| s.id().to_owned()).collect();
        /// Whether the policy has a deduction table (`assess`, `rank`, `deduction_table`).
        has_deduction_table -> bool = |p| p.deduction_table().is_ok();
        /// Whether the policy has accountability rules (`decide`, `accountability_rules`).
        has_accountability_rules -> bool = |p| p.accountability_rules().is_ok();
    }

    /// The due date of an item of a deadline class (or service item).
    ///
    /// Parameters
    /// ----------
    /// class_id : str
    ///     The class's id (``"promised"`` …, see ``Policy.class_ids``) or a service item's.
    /// accepted_at : datetime.date | datetime.datetime | str
    ///     When the item was accepted: a date, a datetime (naive: the calendar's zone) or an ISO
    ///     8601 string.
    /// days : int, optional
    ///     The per-case limit in the class's unit, for classes that take one; None for the
    ///     class's default.
    ///
    /// Returns
    /// -------
    /// Due
    ///     ``due_date``, ``due_at`` (24:00 of the due day), ``provisional``, ``basis``,
    ///     ``warnings`` and ``clauses``.
    ///
    /// Raises
    /// ------
    /// UnknownClassError
    ///     No class or service item ``class_id`` (``.closest`` names the nearest).
    /// InputError
    ///     A start or a limit that cannot be read, or a limit the class does not take.
    /// CoverageError
    ///     A date outside the calendar's years.
    /// NotInForceError
    ///     A start before the policy is in force.
    #[pyo3(signature = (class_id, accepted_at, days = None))]
    fn due(&self, class_id: &Obj, accepted_at: &Obj, days: Option<&Obj>) -> PyResult<Due> {
        let py = class_id.py();
        let (class, start, days) = self.request(class_id, accepted_at, days)?;
        let due = class.due(start, days).or_raise(py)?.localized(py);
        Ok(Due::new(
            due,
            Some(Origin {
                policy: Arc::clone(&self.inner),
                class: class.id().to_owned(),
                start,
                days,
            }),
        ))
    }

    /// ``due`` with its explanation: every day counted or skipped, and why.
    ///
    /// Parameters
    /// ----------
    /// class_id : str
    ///     The class's or service item's id.
    /// accepted_at : datetime.date | datetime.datetime | str
    ///     When the item was accepted.
    /// days : int, optional
    ///     The per-case limit, or None for the class's default.
    ///
    /// Returns
    /// -------
    /// DueExplanation
    ///     The due date with ``days`` (each day's kind and count), ``rules``, ``clauses`` and
    ///     ``defaults``.
    ///
    /// Raises
    /// ------
    /// UnknownClassError, InputError, CoverageError, NotInForceError
    ///     As ``due``.
    #[pyo3(signature = (class_id, accepted_at, days = None))]
    fn explain(
        &self,
        class_id: &Obj,
        accepted_at: &Obj,
        days: Option<&Obj>,
    ) -> PyResult<DueExplanation> {
        let py = class_id.py();
        let (class, start, days) = self.request(class_id, accepted_at, days)?;
        let inner = class.explain(start, days).or_raise(py)?.localized(py);
        Ok(DueExplanation::new(inner, Arc::new(self.inner.stamp())))
    }

    /// Due dates for whole columns, in one call with the GIL released.
    ///
    /// Parameters
    /// ----------
    /// class_id : str
    ///     The class's or service item's id, the same for every row.
    /// accepted_at : column of starts
    ///     A list or tuple, a numpy ``datetime64`` array, a pandas Series / DatetimeIndex (tz-aware
    ///     ones are instants), or any Arrow column (``__arrow_c_array__`` /
    ///     ``__arrow_c_stream__``: a pyarrow Array or ChunkedArray, a polars Series; ``date32``,
    ///     ``timestamp`` — zoned ones are instants — or text, dictionary-encoded included); an
    ///     Arrow table (a pyarrow Table or RecordBatch, a polars DataFrame, a DuckDB relation)
    ///     gives its ``accepted_at`` and ``days`` columns; a pandas DataFrame is refused.
    /// days : int or column of ints, optional
    ///     One limit for every row, one per row (NaN / None / null: the class's default), or None.
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///     A bad row: ``"warn"`` one ``RowWarning``; ``"raise"`` ``InputError`` for the first
    ///     (its own error as ``__cause__``); ``"collect"`` silently, and the call returns
    ///     ``(dates, [(index, error), …])``. Each error has ``.index`` and ``.label``.
    /// output : {None, "numpy", "arrow"}, default None
    ///     ``"arrow"``: a ``pyarrow.Table`` (pyarrow needed) of ``due_date`` (``date32``),
    ///     ``due_at`` (``timestamp[s]`` in the calendar's zone), ``error`` and ``error_code``
    ///     (null for a good row), one row per input row; a bad row's error is in its row in
    ///     every mode but ``"raise"`` (``"collect"`` returns the table alone).
    ///
    /// Returns
    /// -------
    /// numpy.ndarray or list or pyarrow.Table
    ///     ``datetime64[D]`` due dates, NaT for a bad row (a list of ``datetime.date`` / None
    ///     without numpy); with ``errors="collect"``, ``(dates, errors)``; with
    ///     ``output="arrow"``, the table.
    ///
    /// Raises
    /// ------
    /// UnknownClassError
    ///     No class ``class_id``.
    /// InputError
    ///     ``errors="raise"`` and a bad row; a column that cannot be read (``TypeError`` too).
    #[pyo3(signature = (class_id, accepted_at, days = None, *, errors = None, output = None))]
    fn due_many<'py>(
        &self,
        class_id: &Obj<'py>,
        accepted_at: &Obj<'py>,
        days: Option<&Obj<'py>>,
        errors: Option<&Obj<'py>>,
        output: Option<&Obj<'py>>,
    ) -> PyResult<Obj<'py>> {
        let py = class_id.py();
        let mode = Mode::parse(errors)?;
        let arrow = Output::parse(output)? == Output::Arrow;
        let (columns, labels) = self.due_column(class_id, accepted_at, days, arrow)?;
        let n = columns.dates.len();
        if arrow {
            batch::report(py, &columns.errors, mode, n, 1, &labels)?;
            let lang = crate::error::lang(py);
            let table = zhidu_arrow::due_batch(&self.inner, columns, lang);
            return crate::arrow::to_pyarrow(py, table.map_err(crate::arrow::core_error).or_raise(py)?);
        }
        let dates = batch::date_column(py, &columns.dates)?;
        let dates = stamped::list(dates, &self.inner.stamp())?;
        batch::answer(dates, &columns.errors, n, mode, &labels)
    }

    /// Raw columns for `zhidu.pandas`: `(due dates as int64 day numbers, due instants as
    /// int64 Unix seconds, [(index, error)])`, NaT (`-2**63`) for bad rows, after reporting
    /// bad rows as `errors` says (`stacklevel` frames up).
    #[pyo3(signature = (class_id, accepted_at, days, errors, stacklevel))]
    fn _due_columns<'py>(
        &self,
        class_id: &Obj<'py>,
        accepted_at: &Obj<'py>,
        days: Option<&Obj<'py>>,
        errors: &Obj<'py>,
        stacklevel: u32,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let py = class_id.py();
        let mode = Mode::parse(Some(errors))?;
        let (columns, labels) = self.due_column(class_id, accepted_at, days, true)?;
        let n = columns.dates.len();
        let errors = batch::collected(py, &columns.errors, n, mode, stacklevel, &labels)?;
        let dates = batch::int64_bytes(py, &columns.dates)?;
        let instants = batch::int64_bytes(py, columns.instants.as_deref().unwrap_or(&[]))?;
        PyTuple::new(py, [dates.into_any(), instants.into_any(), errors])
    }

    /// What moves when a notice lands (``zhidu calendar diff``).
    ///
    /// Parameters
    /// ----------
    /// with_policy : Policy
    ///     The same policy from a set loaded with the notice file.
    /// cases : rows
    ///     Cases as ``case_statuses`` takes them.
    /// as_of : datetime.date | datetime.datetime | str
    ///     The instant statuses are taken at (a bare date is 00:00 and warns ``AsOfWarning``).
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///     A case that cannot be evaluated, as ``case_statuses``: it is left out of the list.
    ///
    /// Returns
    /// -------
    /// list of dict
    ///     For every case whose due date, status or overdue days differ: ``{index, id, changed,
    ///     old, new}`` with both statuses as ``CaseStatus.to_dict()`` has them; with
    ///     ``errors="collect"``, ``(changes, [(index, error), …])``.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     ``errors="raise"`` and a bad case; rows in a container that is not read.
    #[pyo3(signature = (with_policy, cases, as_of, *, errors = None))]
    fn case_changes<'py>(
        &self,
        with_policy: PyRef<'py, Policy>,
        cases: &Obj<'py>,
        as_of: &Obj<'py>,
        errors: Option<&Obj<'py>>,
    ) -> PyResult<Obj<'py>> {
        let py = cases.py();
        let mode = Mode::parse(errors)?;
        let as_of = self.as_of(as_of)?;
        let rows = rows::cases(cases)?;
        let n = rows.len();
        let (out, mut bad) = (PyList::empty(py), Vec::new());
        for (i, row) in rows.into_iter().enumerate() {
            let change = row.and_then(|c| self.inner.case_change(&with_policy.inner, &c, as_of));
            match change {
                Ok(Some(change)) => {
                    let d = convert::to_dict(py, &change)?;
                    d.set_item("index", i)?;
                    out.append(d)?;
                }
                Ok(None) => {}
                Err(e) => bad.push((i, e)),
            }
        }
        batch::answer(out.into_any(), &bad, n, mode, &Labels::of(cases)?)
    }

    /// The status of one case at an instant.
    ///
    /// Parameters
    /// ----------
    /// case : dict or str
    ///     A case as a case log line has it (``id``, ``class``, ``accepted_at``, ``days``,
    ///     ``events``, ``completed_at`` …) or that line's JSON text.
    /// as_of : datetime.date | datetime.datetime | str
    ///     The instant. A bare date is 00:00 at its start and warns ``AsOfWarning``; write
    ///     ``zhidu.end_of_day("2026-10-31")`` for the end of a day.
    ///
    /// Returns
    /// -------
    /// CaseStatus
    ///     ``status`` (a ``zhidu.Status``), ``due_date``, ``due_at``, ``remaining``,
    ///     ``overdue_days`` …
    ///
    /// Raises
    /// ------
    /// InputError
    ///     A case that cannot be read.
    /// UnknownClassError, CoverageError, NotInForceError
    ///     A case that cannot be evaluated.
    fn case_status(&self, case: &Obj, as_of: &Obj) -> PyResult<CaseStatus> {
        let py = case.py();
        let as_of = self.as_of(as_of)?;
        let case = rows::one::<zhidu::Case>(case, 1).or_raise(py)?;
        let inner = self
            .inner
            .case_status(&case, as_of)
            .or_raise(py)?
            .localized(py);
        Ok(CaseStatus {
            inner,
            stamp: Arc::new(self.inner.stamp()),
        })
    }

    /// The status of every case at an instant, in order, with the GIL released.
    ///
    /// Parameters
    /// ----------
    /// cases : rows
    ///     An iterable of dicts or JSON lines, a pandas or polars DataFrame, a pyarrow Table or a
    ///     dict of columns; anything else raises ``InputError`` (a ``TypeError``).
    /// as_of : datetime.date | datetime.datetime | str
    ///     The instant (a bare date is 00:00 and warns ``AsOfWarning``).
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///     As ``due_many``: a bad case is None in the list.
    /// output : {None, "arrow"}, default None
    ///     ``"arrow"``: a ``pyarrow.Table``, one row per case, with the fields of
    ///     ``CaseStatus.to_dict()`` but ``warnings`` (``status`` and ``unit`` as text, dates
    ///     ``date32``, instants ``timestamp[s]`` in the calendar's zone, ``basis`` and
    ///     ``clauses`` lists of text), then ``error`` and ``error_code``; a bad case is nulls
    ///     and its error, in every mode but ``"raise"``.
    ///
    /// Returns
    /// -------
    /// list of CaseStatus or None or pyarrow.Table
    ///     One per case; with ``errors="collect"``, ``(statuses, [(index, error), …])``; with
    ///     ``output="arrow"``, the table.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     ``errors="raise"`` and a bad case; rows in a container that is not read.
    #[pyo3(signature = (cases, as_of, *, errors = None, output = None))]
    fn case_statuses<'py>(
        &self,
        cases: &Obj<'py>,
        as_of: &Obj<'py>,
        errors: Option<&Obj<'py>>,
        output: Option<&Obj<'py>>,
    ) -> PyResult<Obj<'py>> {
        let mode = Mode::parse(errors)?;
        if Output::parse(output)? == Output::Arrow {
            let py = cases.py();
            let computed = self.status_column(cases, as_of)?;
            let bad: batch::RowErrors = computed
                .iter()
                .enumerate()
                .filter_map(|(i, r)| r.as_ref().err().map(|e| (i, e.clone())))
                .collect();
            batch::report(py, &bad, mode, computed.len(), 1, &Labels::of(cases)?)?;
            let lang = crate::error::lang(py);
            let table = zhidu_arrow::status_batch(&self.inner, &computed, lang);
            return crate::arrow::to_pyarrow(py, table.map_err(crate::arrow::core_error).or_raise(py)?);
        }
        let (list, bad) = self.statuses(cases, as_of)?;
        let n = list.len();
        let list = stamped::list(list.into_any(), &self.inner.stamp())?;
        batch::answer(list, &bad, n, mode, &Labels::of(cases)?)
    }

    /// `case_statuses` for `zhidu.pandas`: `(statuses, [(index, error)])` after reporting bad
    /// rows as `errors` says (`stacklevel` frames up).
    fn _case_statuses<'py>(
        &self,
        cases: &Obj<'py>,
        as_of: &Obj<'py>,
        errors: &Obj<'py>,
        stacklevel: u32,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let mode = Mode::parse(Some(errors))?;
        let (list, bad) = self.statuses(cases, as_of)?;
        let labels = Labels::of(cases)?;
        let errors = batch::collected(cases.py(), &bad, list.len(), mode, stacklevel, &labels)?;
        PyTuple::new(cases.py(), [list.into_any(), errors])
    }

    /// The explanation of a case's due date as of an instant: counted, skipped and
    /// suspended days with the clauses used.
    ///
    /// Parameters
    /// ----------
    /// case : dict or str
    ///     A case, as ``case_status`` takes it.
    /// as_of : datetime.date | datetime.datetime | str
    ///     The instant (a bare date is 00:00 and warns ``AsOfWarning``).
    ///
    /// Returns
    /// -------
    /// DueExplanation
    ///
    /// Raises
    /// ------
    /// InputError, UnknownClassError, CoverageError, NotInForceError
    ///     As ``case_status``.
    fn explain_case(&self, case: &Obj, as_of: &Obj) -> PyResult<DueExplanation> {
        let py = case.py();
        let as_of = self.as_of(as_of)?;
        let case = rows::one::<zhidu::Case>(case, 1).or_raise(py)?;
        let inner = self
            .inner
            .explain_case(&case, as_of)
            .or_raise(py)?
            .localized(py);
        Ok(DueExplanation::new(inner, Arc::new(self.inner.stamp())))
    }

    /// Score a period's incidents against the policy's deduction table (考核细则), with
    /// the GIL released.
    ///
    /// Parameters
    /// ----------
    /// incidents : rows
    ///     Incidents (``subject``, ``window``, ``at``, ``rule``, ``quantity``, ``points``,
    ///     ``note``, ``department``, ``case``, ``basis``, ``ref``): an iterable of dicts or JSON
    ///     lines, a pandas or polars DataFrame, a pyarrow Table or a dict of columns.
    /// period : str
    ///     ``"2026-10"``, ``"2026-Q4"`` or ``"2026"``.
    /// cases : rows, optional
    ///     Cases whose overdue days are deductions, computed under ``case_policy``.
    /// case_policy : Policy or str, optional
    ///     The policy of the cases' deadlines: a ``Policy`` or an id of this policy's set;
    ///     default this policy.
    /// roster : dict, pairs or rows, optional
    ///     ``{person: window}``, pairs, or rows with ``subject`` and ``window``: people scored
    ///     even without incidents.
    /// lines : bool, default True
    ///     Whether each card keeps its lines (False: the fast path for totals).
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///     A row that cannot be scored: ``"warn"`` one ``RowWarning``; ``"raise"`` ``InputError``
    ///     for the first; ``"collect"`` silently. In every mode but ``"raise"`` the other rows are
    ///     scored and the bad ones are in ``.errors``.
    ///
    /// Returns
    /// -------
    /// Assessment
    ///     One ``Scorecard`` per person (and per window for window-charged rules, A19), with
    ///     ``.errors``, ``.outside_period``, ``.category_names`` …
    ///
    /// Raises
    /// ------
    /// InputError
    ///     A bad ``period``, rows in a container that is not read, a column that is no field,
    ///     ``errors="raise"`` and a bad row.
    #[pyo3(signature = (incidents, period, *, cases = None, case_policy = None, roster = None, lines = None, errors = None))]
    #[expect(clippy::too_many_arguments, reason = "one per keyword argument")]
    fn assess(
        &self,
        incidents: &Obj,
        period: &Obj,
        cases: Option<&Obj>,
        case_policy: Option<&Obj>,
        roster: Option<&Obj>,
        lines: Option<&Obj>,
        errors: Option<&Obj>,
    ) -> PyResult<Assessment> {
        let py = incidents.py();
        let mode = Mode::parse(errors)?;
        let labels = RowLabels::default()
            .with("incident", Some(incidents))?
            .with("case", cases)?;
        let period: zhidu::Period = text(period, "period")?.parse().or_raise(py)?;
        let lines = flag(lines, "lines", true)?;
        if let Some((inner, n)) = self.assess_arrow(incidents, period, cases, roster, lines)? {
            batch::report_skipped(py, &inner.errors, n, mode, &labels, 1)?;
            return Ok(Assessment {
                inner: Arc::new(inner),
                policy: Arc::clone(&self.inner),
                labels: Arc::new(labels),
            });
        }
        let rows = rows::incidents(incidents)?;
        let cases = match cases.filter(|c| !c.is_none()) {
            None => None,
            Some(c) => {
                let policy = match opt(case_policy, |p| self.policy_of(p))? {
                    Some(p) => p,
                    // The core's choice (this policy, if it has deadline classes).
                    None => self
                        .set
                        .case_policy(&self.inner, None)
                        .map(|_| Arc::clone(&self.inner))
                        .or_raise(py)?,
                };
                Some((policy, rows::cases(c)?))
            }
        };
        let roster = opt(roster, rows::roster)?.unwrap_or_default();
        let n = rows.len() + cases.as_ref().map_or(0, |(_, c)| c.len());
        let policy = &self.inner;
        let result = py.detach(move || {
            let mut req = zhidu::AssessRequest::new(period)
                .incident_rows(&rows)
                .roster(&roster)
                .lines(lines);
            if let Some((case_policy, case_rows)) = &cases {
                req = req.case_rows(case_policy, case_rows);
            }
            policy.assess(&req)
            // The rows are dropped here, without the GIL.
        });
        let inner = result.or_raise(py)?;
        batch::report_skipped(py, &inner.errors, n, mode, &labels, 1)?;
        Ok(Assessment {
            inner: Arc::new(inner),
            policy: Arc::clone(&self.inner),
            labels: Arc::new(labels),
        })
    }

    /// The report of a period, as ``zhidu report`` computes it, with the GIL released.
    ///
    /// Parameters
    /// ----------
    /// period : str
    ///     ``"2026-10"`` …
    /// cases, incidents, violations : rows, optional
    ///     As ``case_statuses``, ``assess`` and ``decide`` take them. ``cases`` may be an
    ///     iterator (a generator over a large log): it is read 16,384 rows at a time and each
    ///     chunk dropped once counted, so memory holds the report, not the log.
    /// roster : dict, pairs or rows, optional
    ///     As ``assess`` takes it.
    /// as_of : datetime.date | datetime.datetime | str, optional
    ///     The instant statuses are taken at; default the end of the period. A bare date is 00:00
    ///     at its start (``AsOfWarning``): pass ``zhidu.end_of_day("2026-10-31")`` for the end of a day.
    /// case_policy : Policy or str, optional
    ///     The cases' policy; default this one.
    /// previous_cases, previous_incidents : rows, optional
    ///     The previous period's, for the month-on-month change.
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///     Rows that cannot be used (in ``.case_errors``, ``.decision_errors`` and the
    ///     assessment's ``.errors``): as ``assess``.
    ///
    /// Returns
    /// -------
    /// Report
    ///     Figures, yellow and red lists, scorecards, ranking and decisions; ``to_html()``,
    ///     ``to_text()``, ``frames()``.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     A bad ``period`` or ``as_of``, ``errors="raise"`` and a bad row.
    #[pyo3(signature = (period, *, cases = None, incidents = None, violations = None, roster = None, as_of = None, case_policy = None, previous_cases = None, previous_incidents = None, errors = None))]
    #[expect(clippy::too_many_arguments, reason = "one per keyword argument")]
    fn report(
        &self,
        period: &Obj,
        cases: Option<&Obj>,
        incidents: Option<&Obj>,
        violations: Option<&Obj>,
        roster: Option<&Obj>,
        as_of: Option<&Obj>,
        case_policy: Option<&Obj>,
        previous_cases: Option<&Obj>,
        previous_incidents: Option<&Obj>,
        errors: Option<&Obj>,
    ) -> PyResult<crate::report::Report> {
        let py = period.py();
        let mode = Mode::parse(errors)?;
        let labels = RowLabels::default()
            .with("incident", incidents)?
            .with("case", cases)?
            .with("violation", violations)?;
        let period: zhidu::Period = text(period, "period")?.parse().or_raise(py)?;
        let as_of = opt(as_of, |a| self.as_of(a))?;
        // None: the core's choice, this policy (which needs deadline classes for cases).
        let case_policy = opt(case_policy, |p| self.policy_of(p))?;
        // An iterator (a generator reading a large log) is read a chunk at a time, each chunk
        // dropped once counted (`zhidu::ReportBuilder`); a list or a DataFrame is whole.
        let stream = match cases {
            Some(c) if c.hasattr("__next__")? => Some(c),
            _ => None,
        };
        let cases = match stream {
            Some(_) => Vec::new(),
            None => opt(cases, rows::cases)?.unwrap_or_default(),
        };
        let incidents = opt(incidents, rows::incidents)?.unwrap_or_default();
        let violations = opt(violations, rows::violations)?.unwrap_or_default();
        let roster = opt(roster, rows::roster)?.unwrap_or_default();
        let previous_cases = opt(previous_cases, rows::cases)?;
        let previous_incidents = opt(previous_incidents, rows::incidents)?;
        let mut n = cases.len() + incidents.len() + violations.len();
        let policy = &self.inner;
        if let Some(iter) = stream {
            let mut req = zhidu::ReportRequest::new(period)
                .incidents(&incidents)
                .violations(&violations)
                .roster(&roster);
            if let Some(p) = &case_policy {
                req = req.case_policy(p);
            }
            if let Some(t) = as_of {
                req = req.as_of(t);
            }
            if let Some(rows) = &previous_cases {
                req = req.previous_cases(rows);
            }
            if let Some(rows) = &previous_incidents {
                req = req.previous_incidents(rows);
            }
            let mut builder = zhidu::ReportBuilder::new(policy, &req).or_raise(py)?;
            let mut items = iter.try_iter()?;
            loop {
                let chunk: Vec<Obj> = items
                    .by_ref()
                    .take(REPORT_CHUNK)
                    .collect::<PyResult<_>>()?;
                if chunk.is_empty() {
                    break;
                }
                n += chunk.len();
                let rows = rows::cases(PyList::new(py, chunk)?.as_any())?;
                builder.push_cases(&rows).or_raise(py)?;
            }
            if let Some(rows) = &previous_cases {
                builder.push_previous_cases(rows).or_raise(py)?;
            }
            let report = builder.finish().or_raise(py)?;
            let skipped = report.case_errors.iter().chain(&report.decision_errors);
            let scoring = report.assessment.iter().flat_map(|a| &a.errors);
            batch::report_skipped(py, skipped.chain(scoring), n, mode, &labels, 1)?;
            return Ok(crate::report::Report::new(report, policy, labels));
        }
        let result = py.detach(|| {
            let mut req = zhidu::ReportRequest::new(period)
                .cases(&cases)
                .incidents(&incidents)
                .violations(&violations)
                .roster(&roster);
            if let Some(p) = &case_policy {
                req = req.case_policy(p);
            }
            if let Some(t) = as_of {
                req = req.as_of(t);
            }
            if let Some(rows) = &previous_cases {
                req = req.previous_cases(rows);
            }
            if let Some(rows) = &previous_incidents {
                req = req.previous_incidents(rows);
            }
            policy.report(&req)
        });
        let report = result.or_raise(py)?;
        let skipped = report.case_errors.iter().chain(&report.decision_errors);
        let scoring = report.assessment.iter().flat_map(|a| &a.errors);
        batch::report_skipped(py, skipped.chain(scoring), n, mode, &labels, 1)?;
        Ok(crate::report::Report::new(report, policy, labels))
    }

    /// The window ranking (红旗窗口) of an assessment, under this policy.
    ///
    /// Parameters
    /// ----------
    /// assessment : Assessment
    ///     The result of ``Policy.assess``.
    ///
    /// Returns
    /// -------
    /// StampedList of WindowRank
    ///     Best first; equal scores share a rank; ``.stamp`` names this policy.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     ``assessment`` is not an ``Assessment``, or the policy ranks no windows.
    fn rank<'py>(&self, assessment: &Obj<'py>) -> PyResult<Obj<'py>> {
        let py = assessment.py();
        let message = "`assessment` must be the result of `Policy.assess`";
        let a = assessment
            .cast::<Assessment>()
            .map_err(|_| bad_argument(py, message.to_owned()))?;
        a.get().rank_under(py, &self.inner)
    }

    /// Decide a history of violations (责任追究), with the GIL released.
    ///
    /// Parameters
    /// ----------
    /// violations : rows
    ///     Violations (``subject``, ``at``, ``violation``, ``flags`` as a list or a
    ///     ``;``-separated string, ``note``), in any order, as ``assess`` takes rows; each
    ///     subject's history is read in time order.
    /// as_of : datetime.date | datetime.datetime | str, optional
    ///     Records after it are not yet known (a bare date is 00:00 and warns ``AsOfWarning``).
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///     Rows that cannot be decided (unknown codes or flags, conflicts): as ``assess``.
    ///
    /// Returns
    /// -------
    /// Decisions
    ///     One ``Decision`` per record in time order, with ``.errors`` and ``.subjects``.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     ``errors="raise"`` and a bad row; rows in a container that is not read.
    #[pyo3(signature = (violations, *, as_of = None, errors = None))]
    fn decide(
        &self,
        violations: &Obj,
        as_of: Option<&Obj>,
        errors: Option<&Obj>,
    ) -> PyResult<Decisions> {
        let batch = RowBatch::new("violation", violations, errors)?;
        let as_of = opt(as_of, |a| self.as_of(a))?;
        let rows = rows::violations(violations)?;
        let policy = &self.inner;
        let offset = policy.calendar().offset().local_minus_utc();
        let stamp = policy.stamp();
        batch.answer(
            violations.py(),
            rows,
            move |rows| policy.decide(rows, as_of),
            |d| &d.errors,
            |inner, labels| Decisions {
                inner,
                labels,
                utc_offset: chrono::TimeDelta::seconds(offset.into()),
                stamp,
            },
        )
    }

    /// The rules this policy answers with, as every result's stamp has them: a dict with
    /// ``policy``, ``version``, ``effective_from`` and ``hash`` (its set's content hash).
    #[getter]
    fn stamp<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        convert::to_dict(py, &self.inner.stamp())
    }

    /// The same inputs under this policy (before) and ``after`` (``zhidu diff``).
    ///
    /// Parameters
    /// ----------
    /// after : Policy
    ///     The changed policy (another set's, e.g. a new version before its ``effective_from``).
    /// period : str
    ///     ``"2026-10"`` …
    /// cases, incidents, violations, roster : rows, optional
    ///     As for ``Policy.report``; rows that cannot be read are left out of the diff.
    /// as_of : datetime.datetime | str, optional
    ///     The instant statuses are taken at (default and latest: the period's last second).
    ///
    /// Returns
    /// -------
    /// WhatIf
    ///     Totals, then every case, scorecard, ranking and decision that changes, with both
    ///     values and the rules responsible.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     A bad ``period`` or ``as_of``, or cases for a policy without deadline classes.
    #[pyo3(signature = (after, period, *, cases = None, incidents = None, violations = None, roster = None, as_of = None))]
    #[expect(clippy::too_many_arguments, reason = "one per keyword argument")]
    fn what_if(
        &self,
        after: &Obj,
        period: &Obj,
        cases: Option<&Obj>,
        incidents: Option<&Obj>,
        violations: Option<&Obj>,
        roster: Option<&Obj>,
        as_of: Option<&Obj>,
    ) -> PyResult<crate::what_if::WhatIf> {
        let py = period.py();
        let after = Arc::clone(&after.cast::<Policy>()?.get().inner);
        let period: zhidu::Period = text(period, "period")?.parse().or_raise(py)?;
        let as_of = opt(as_of, |a| self.as_of(a))?;
        let cases = opt(cases, rows::cases)?.unwrap_or_default();
        let incidents = opt(incidents, rows::incidents)?.unwrap_or_default();
        let violations = opt(violations, rows::violations)?.unwrap_or_default();
        let roster = opt(roster, rows::roster)?.unwrap_or_default();
        let before = &self.inner;
        let result = py.detach(|| {
            let mut req = zhidu::ReportRequest::new(period)
                .cases(&cases)
                .incidents(&incidents)
                .violations(&violations)
                .roster(&roster);
            if let Some(t) = as_of {
                req = req.as_of(t);
            }
            before.what_if(&after, &req)
        });
        Ok(crate::what_if::WhatIf {
            inner: Arc::new(result.or_raise(py)?),
        })
    }

    /// The duty rota of ``year`` (S4): each month's duty windows, officers, convener and
    /// stand-ins.
    ///
    /// Parameters
    /// ----------
    /// year : int
    /// windows : rows, optional
    ///     The ordered window list (``window``, ``head``); default: the policy's own (A25).
    /// away : rows, optional
    ///     Officers away (``window``, ``from``, ``until``, ``stand_in``), S4.req.3.
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///
    /// Returns
    /// -------
    /// dict
    ///     ``months`` (``month``, ``duty``, ``convener``), ``clauses``, ``defaults``,
    ///     ``unused_rows``, ``errors``.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     No rota, no windows, a window listed twice, a bad window row.
    #[pyo3(signature = (year, *, windows = None, away = None, errors = None))]
    fn rota<'py>(
        &self,
        py: Python<'py>,
        year: i32,
        windows: Option<&Obj<'py>>,
        away: Option<&Obj<'py>>,
        errors: Option<&Obj<'py>>,
    ) -> PyResult<Obj<'py>> {
        crate::schedules::rota(&self.inner, year, windows, away, errors, py)
    }

    /// A patrol log checked against the patrols each duty window owes a day (S4.req.1);
    /// each day short is a failure with the S4.req.4 incident row ``assess`` takes.
    ///
    /// Parameters
    /// ----------
    /// period : str
    ///     A month ``2027-01``, a quarter or a year.
    /// log : rows
    ///     Patrols (``window``, ``at``, ``by``).
    /// windows : rows, optional
    ///     The ordered window list; default: the policy's own.
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///
    /// Returns
    /// -------
    /// dict
    ///     ``windows``, ``failures`` (each with its ``incident``), ``ignored_rows``,
    ///     ``clauses``, ``defaults``, ``errors``.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     No rota or patrol rule, no windows, a bad period.
    #[pyo3(signature = (period, log, *, windows = None, errors = None))]
    fn patrol_failures<'py>(
        &self,
        period: &Obj<'py>,
        log: &Obj<'py>,
        windows: Option<&Obj<'py>>,
        errors: Option<&Obj<'py>>,
    ) -> PyResult<Obj<'py>> {
        crate::schedules::patrol_failures(&self.inner, period, log, windows, errors)
    }

    /// The recurring obligations due in ``period`` and, with a ``log`` of actions, each
    /// occurrence met, late or missed; obligations with no period (A32) with their reason.
    ///
    /// Parameters
    /// ----------
    /// period : str
    ///     A year ``2027``, a quarter or a month.
    /// log : rows, optional
    ///     Actions (``obligation``, ``at``, ``by``); without it, only the schedule.
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///
    /// Returns
    /// -------
    /// dict
    ///     ``obligations`` (with ``occurrences``), ``unscheduled``, ``due``, ``met``,
    ///     ``late``, ``missed``, ``unmatched_rows``, ``errors``.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     The policy has no obligations, a bad period.
    #[pyo3(signature = (period, log = None, *, errors = None))]
    fn obligations<'py>(
        &self,
        period: &Obj<'py>,
        log: Option<&Obj<'py>>,
        errors: Option<&Obj<'py>>,
    ) -> PyResult<Obj<'py>> {
        crate::schedules::obligations(&self.inner, period, log, errors)
    }

    /// Answer access requests (issue #15 point 4): allow, deny or allow with an approval.
    ///
    /// Parameters
    /// ----------
    /// requests : rows
    ///     Requests (``subject``, ``role``, ``action``, ``item``, ``level``, ``scope``,
    ///     ``facts`` as a list or a ``;``-separated string, ``note``), as ``assess`` takes rows.
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///     Rows that cannot be answered (unknown role, level, scope, action or fact): as
    ///     ``assess``.
    ///
    /// Returns
    /// -------
    /// AccessDecisions
    ///     One ``AccessDecision`` per good row, in row order, with ``.errors``.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     The policy has no access rules; ``errors="raise"`` and a bad row.
    #[pyo3(signature = (requests, *, errors = None))]
    fn access(&self, requests: &Obj, errors: Option<&Obj>) -> PyResult<crate::access::AccessDecisions> {
        let batch = RowBatch::new("request", requests, errors)?;
        let rows = rows::requests(requests)?;
        let policy = &self.inner;
        batch.answer(
            requests.py(),
            rows,
            move |rows| policy.access(rows),
            |d| &d.errors,
            |inner, labels| crate::access::AccessDecisions { inner, labels },
        )
    }

    /// Keep-until days of records, and which are past them on ``as_of`` (issue #15 point 6).
    ///
    /// Parameters
    /// ----------
    /// records : rows
    ///     Records (``id``, ``kind``, ``date``, ``event_on``, ``note``), as ``assess`` takes
    ///     rows.
    /// as_of : datetime.date | str
    ///     The day asked.
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///     Rows that cannot be answered (unknown kind, no date): as ``assess``.
    ///
    /// Returns
    /// -------
    /// Retention
    ///     One ``RetentionLine`` per good row, in row order, with ``.past`` and ``.errors``.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     The policy has no retention rules; ``errors="raise"`` and a bad row.
    #[pyo3(signature = (records, *, as_of, errors = None))]
    fn retention(
        &self,
        records: &Obj,
        as_of: &Obj,
        errors: Option<&Obj>,
    ) -> PyResult<crate::access::Retention> {
        let py = records.py();
        let batch = RowBatch::new("record", records, errors)?;
        let day = match convert::start(as_of).or_raise(py)? {
            zhidu::Start::Date(d) => d,
            zhidu::Start::Local(t) => t.date(),
            zhidu::Start::Instant(t) => t.with_timezone(&self.inner.calendar().offset()).date_naive(),
        };
        let rows = rows::records(records)?;
        let policy = &self.inner;
        batch.answer(
            py,
            rows,
            move |rows| policy.retention(rows, day),
            |r| &r.errors,
            |inner, labels| crate::access::Retention { inner, labels },
        )
    }

    /// The 验厂 (factory verification) triggers each enterprise fires (S8.verify.1–7),
    /// with the GIL released.
    ///
    /// Parameters
    /// ----------
    /// facts : rows
    ///     Enterprise facts (``enterprise``, ``as_of``, ``new_enterprise``, ``new_contract``,
    ///     ``halt_start``, ``halt_end``, ``beyond_scope``, ``declared``, ``writeoffs`` as a
    ///     list or a ``;``-separated string of ``date=quantity``, ``rent_arrears_months``,
    ///     ``wage_arrears_months``, ``other``), as ``assess`` takes rows.
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///     Rows that cannot be read or evaluated: as ``assess``.
    ///
    /// Returns
    /// -------
    /// dict
    ///     ``policy``, ``enterprises`` (each with ``fired``: ``clause``, ``check``,
    ///     ``reason``, ``defaults``; and ``clauses``) and ``errors``; dates as
    ///     ``datetime.date``.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     The policy has no triggers; ``errors="raise"`` and a bad row.
    #[pyo3(signature = (facts, *, errors = None))]
    fn triggers<'py>(&self, facts: &Obj<'py>, errors: Option<&Obj>) -> PyResult<Obj<'py>> {
        let py = facts.py();
        let mode = Mode::parse(errors)?;
        let labels = RowLabels::default().with("enterprise", Some(facts))?;
        let rows = rows::enterprises(facts)?;
        let policy = &self.inner;
        let n = rows.len();
        let inner = py
            .detach(move || policy.triggers(&rows))
            .or_raise(py)?
            .localized(py);
        batch::report_skipped(py, &inner.errors, n, mode, &labels, 1)?;
        stamped::dict_answer(convert::to_dict(py, &inner)?, &policy.stamp())
    }

    /// The training subsidies (S8.train.1a/1b) of each trainee and employer: full calendar
    /// months priced, partial months listed for a person to decide (A27).
    ///
    /// Parameters
    /// ----------
    /// trainees : rows
    ///     Trainees (``person``, ``employer``, ``start``, ``end``; both days included), as
    ///     ``assess`` takes rows.
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///     Rows that cannot be read: as ``assess``.
    ///
    /// Returns
    /// -------
    /// dict
    ///     ``trainees``, ``employers``, ``trainee_total``, ``employer_total``,
    ///     ``needs_decision``, ``defaults``, ``errors``; money as ``decimal.Decimal``, days
    ///     as ``datetime.date``.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     The policy has no subsidies; ``errors="raise"`` and a bad row.
    #[pyo3(signature = (trainees, *, errors = None))]
    fn subsidies<'py>(&self, trainees: &Obj<'py>, errors: Option<&Obj>) -> PyResult<Obj<'py>> {
        let py = trainees.py();
        let mode = Mode::parse(errors)?;
        let labels = RowLabels::default().with("trainee", Some(trainees))?;
        let rows = rows::trainees(trainees)?;
        let policy = &self.inner;
        let n = rows.len();
        let inner = py.detach(move || policy.subsidies(&rows)).or_raise(py)?;
        batch::report_skipped(py, &inner.errors, n, mode, &labels, 1)?;
        stamped::dict_answer(convert::to_dict(py, &inner)?, &policy.stamp())
    }

    /// The cases whose ``step`` events skip or reorder the item flow (S14.biz.1.2a), each a
    /// finding charged as one piece of the flow rule.
    ///
    /// Parameters
    /// ----------
    /// cases : rows
    ///     A case log, as ``case_statuses`` takes it, with ``step`` events.
    /// errors : {"warn", "raise", "collect"}, default "warn"
    ///     Rows that cannot be read or checked: as ``assess``.
    ///
    /// Returns
    /// -------
    /// dict
    ///     ``steps``, ``findings`` (``case``, ``subject``, ``at``, ``skipped``,
    ///     ``out_of_order``, ``rule``, ``reason``), ``checked``, ``unlogged``, ``errors``.
    ///
    /// Raises
    /// ------
    /// InputError
    ///     The policy has no flow; ``errors="raise"`` and a bad row.
    #[pyo3(signature = (cases, *, errors = None))]
    fn flow_findings<'py>(&self, cases: &Obj<'py>, errors: Option<&Obj>) -> PyResult<Obj<'py>> {
        let py = cases.py();
        let mode = Mode::parse(errors)?;
        let labels = RowLabels::default().with("case", Some(cases))?;
        let rows = rows::cases(cases)?;
        let policy = &self.inner;
        let n = rows.len();
        let inner = py
            .detach(move || policy.flow_findings(&rows))
            .or_raise(py)?
            .localized(py);
        batch::report_skipped(py, &inner.errors, n, mode, &labels, 1)?;
        stamped::dict_answer(convert::to_dict(py, &inner)?, &policy.stamp())
    }

    /// The policy's deduction table as a dict (categories, rules, effects; money as
    /// ``Decimal``).
    ///
    /// Returns
    /// -------
    /// dict
    ///
    /// Raises
    /// ------
    /// InputError
    ///     The policy has no deduction table.
    fn deduction_table<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        let table = self.inner.deduction_table().or_raise(py)?;
        convert::to_dict(py, &table)
    }

    /// The policy's accountability rules (tiers, flags, violations, escalations) as
    /// a dict.
    ///
    /// Returns
    /// -------
    /// dict
    ///
    /// Raises
    /// ------
    /// InputError
    ///     The policy has no accountability rules.
    fn accountability_rules<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        let rules = self.inner.accountability_rules().or_raise(py)?;
        convert::to_dict(py, &rules)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Restore<'py, (PolicySet, String)>> {
        let restore = py.import("zhidu._zhidu")?.getattr("_restore_policy")?;
        let set = PolicySet {
            inner: self.set.clone(),
        };
        Ok((restore, (set, self.inner.id().to_owned())))
    }

    fn __eq__(&self, other: &Obj) -> bool {
        other.cast::<Policy>().is_ok_and(|o| {
            let o = o.get();
            Arc::ptr_eq(&o.inner, &self.inner)
                || (o.inner.id() == self.inner.id() && o.set.sources() == self.set.sources())
        })
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.id().hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        format!(
            "Policy(id='{}', version='{}', classes=[{}])",
            self.inner.id(),
            self.inner.version(),
            self.class_ids().join(", ")
        )
    }
}
