//! Case statuses for a batch of cases with their events.

use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Int64Array, RecordBatch};
use chrono::{DateTime, FixedOffset};
use zhidu::{Case, CaseStatus, Lang, Policy};

use crate::Error;
use crate::rows::read_rows;
use crate::write::{dates, error_columns, instants, stamped_batch, text_lists, texts};

/// How to compute a batch of case statuses.
///
/// # Example
///
/// ```
/// let o = zhidu_arrow::CaseOptions { threads: 2, ..Default::default() };
/// assert_eq!(o.lang, zhidu::Lang::En);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseOptions {
    /// Threads to spread a big batch over (1: this thread only).
    pub threads: usize,
    /// The language of the `error` column.
    pub lang: Lang,
}

impl Default for CaseOptions {
    fn default() -> Self {
        CaseOptions {
            threads: 1,
            lang: Lang::En,
        }
    }
}

/// The status of every case of a batch as of `as_of`: the columns of [`zhidu::rows::CASE`]
/// (`id`, `class`, `accepted_at`, optionally `days`, `handler`, `window`, `completed_at`,
/// `joint`, and `events` as a `List` of `Struct`s with the fields of [`zhidu::rows::EVENT`]:
/// `kind`, `at`, `reason`, `days`, `approved_by`, `step`).
///
/// The answer has one row per case: `id`, `class`, `status` (`on_track`, `red`, …),
/// `due_date`, `due_at`, `limit`, `unit`, `remaining`, `overdue_days`, `provisional`,
/// `basis`, `legal_due_date`, `completed_at`, `handler`, `window`, `clauses`, and `error` /
/// `error_code` (null for a good row; a bad row has only its error): [`status_batch`].
///
/// # Errors
///
/// A column that is no case field, a required field without a column, or a column of a type
/// zhidu cannot read.
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{ArrayRef, RecordBatch, StringArray, UInt32Array};
/// use arrow_array::cast::AsArray;
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let cases = RecordBatch::try_from_iter([
///     ("id", Arc::new(StringArray::from(vec!["C1", "C2"])) as ArrayRef),
///     ("class", Arc::new(StringArray::from(vec!["promised", "no_such_class"])) as ArrayRef),
///     ("accepted_at", Arc::new(StringArray::from(vec!["2026-09-30", "2026-09-30"])) as ArrayRef),
///     ("days", Arc::new(UInt32Array::from(vec![5, 5])) as ArrayRef),
/// ])?;
/// let out = zhidu_arrow::case_statuses(p, &cases, "2026-10-12T12:00:00+08:00".parse()?, &Default::default())?;
/// let remaining = out.column_by_name("remaining").unwrap().as_primitive::<arrow_array::types::Int64Type>();
/// assert_eq!(remaining.value(0), 2); // 10-12, 10-13
/// assert_eq!(out.column_by_name("error_code").unwrap().as_string::<i32>().value(1), "unknown_class");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn case_statuses(
    policy: &Policy,
    cases: &RecordBatch,
    as_of: DateTime<FixedOffset>,
    options: &CaseOptions,
) -> Result<RecordBatch, Error> {
    let rows = read_rows::<Case>("cases", cases)?;
    let out = policy.case_status_column(&rows, as_of, options.threads.max(1));
    status_batch(policy, &out, options.lang)
}

/// The batch of computed case statuses (the core's [`Policy::case_status_column`], from
/// any host's reading of the cases), one row per case, stamped with the policy
/// ([`crate::STAMP_KEY`]): `id`, `class`, `status`, `due_date`, `due_at`, `limit`, `unit`,
/// `remaining`, `overdue_days`, `provisional`, `basis`, `legal_due_date`, `completed_at`,
/// `handler`, `window`, `clauses`, `error`, `error_code`. Counts are `Int64` (engines such as
/// Spark have no unsigned types), `basis` and `clauses` lists of texts, a bad row nulls and
/// its error.
///
/// # Errors
///
/// Only if arrow-rs refuses the batch.
///
/// # Example
///
/// ```
/// use arrow_array::cast::AsArray;
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let case = zhidu::rows::read::<zhidu::Case>(zhidu::rows::Cell::Record(vec![
///     ("id".into(), zhidu::rows::Cell::Text("C1".into())),
///     ("class".into(), zhidu::rows::Cell::Text("promised".into())),
///     ("accepted_at".into(), zhidu::rows::Cell::Text("2026-09-30".into())),
///     ("days".into(), zhidu::rows::Cell::Integer(5)),
/// ]), 1)?;
/// let statuses = p.case_status_column(&[Ok(case)], "2026-10-12T12:00:00+08:00".parse()?, 1);
/// let out = zhidu_arrow::status_batch(p, &statuses, zhidu::Lang::En)?;
/// let remaining = out.column_by_name("remaining").unwrap().as_primitive::<arrow_array::types::Int64Type>();
/// assert_eq!(remaining.value(0), 2); // 10-12, 10-13
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn status_batch(
    policy: &Policy,
    statuses: &[Result<CaseStatus, zhidu::Error>],
    lang: Lang,
) -> Result<RecordBatch, Error> {
    let zone = policy.calendar().offset();
    let ok = || statuses.iter().map(|r| r.as_ref().ok());
    let text = |f: fn(&CaseStatus) -> Option<&str>| texts(ok().map(|s| s.and_then(f)));
    let count = |f: fn(&CaseStatus) -> Option<i64>| -> ArrayRef {
        Arc::new(Int64Array::from_iter(ok().map(|s| s.and_then(f))))
    };
    let list = |f: fn(&CaseStatus) -> &[String]| {
        text_lists(ok().map(|s| s.map(|s| f(s).iter().map(String::as_str))))
    };
    let mut columns: Vec<(&str, ArrayRef)> = vec![
        ("id", text(|s| Some(&s.id))),
        ("class", text(|s| Some(&s.class))),
        (
            "status",
            texts(ok().map(|s| s.map(|s| s.status.to_string()))),
        ),
        ("due_date", dates(ok().map(|s| s.and_then(|s| s.due_date)))),
        (
            "due_at",
            instants(ok().map(|s| s.and_then(|s| s.due_at)), zone),
        ),
        ("limit", count(|s| Some(i64::from(s.limit)))),
        ("unit", texts(ok().map(|s| s.map(|s| s.unit.to_string())))),
        (
            "remaining",
            count(|s| s.remaining.and_then(|r| i64::try_from(r).ok())),
        ),
        ("overdue_days", count(|s| Some(i64::from(s.overdue_days)))),
        (
            "provisional",
            Arc::new(BooleanArray::from_iter(
                ok().map(|s| s.map(|s| s.provisional)),
            )),
        ),
        ("basis", list(|s| &s.basis)),
        (
            "legal_due_date",
            dates(ok().map(|s| s.and_then(|s| s.legal_due_date))),
        ),
        (
            "completed_at",
            instants(ok().map(|s| s.and_then(|s| s.completed_at)), zone),
        ),
        ("handler", text(|s| s.handler.as_deref())),
        ("window", text(|s| s.window.as_deref())),
        ("clauses", list(|s| &s.clauses)),
    ];
    let errors = statuses
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.as_ref().err().map(|e| (i, e)));
    columns.extend(error_columns(errors, statuses.len(), lang));
    stamped_batch(policy, columns)
}
