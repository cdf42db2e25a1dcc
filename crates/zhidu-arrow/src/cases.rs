//! Case statuses for a batch of cases with their events.

use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, RecordBatch, UInt32Array, UInt64Array};
use chrono::{DateTime, FixedOffset};
use zhidu::{Case, CaseStatus, Lang, Policy};

use crate::Error;
use crate::rows::read_rows;
use crate::write::{dates, error_columns, instants, texts};

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
/// `legal_due_date`, `completed_at`, `handler`, `window`, and `error` / `error_code` (null
/// for a good row; a bad row has only its error).
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
/// let remaining = out.column_by_name("remaining").unwrap().as_primitive::<arrow_array::types::UInt64Type>();
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
    Ok(statuses(&out, policy.calendar().offset(), options.lang)?)
}

fn statuses(
    out: &[Result<CaseStatus, zhidu::Error>],
    zone: FixedOffset,
    lang: Lang,
) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let ok = || out.iter().map(|r| r.as_ref().ok());
    let text = |f: fn(&CaseStatus) -> Option<&str>| texts(ok().map(|s| s.and_then(f)));
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
        (
            "limit",
            Arc::new(UInt32Array::from_iter(ok().map(|s| s.map(|s| s.limit)))),
        ),
        ("unit", texts(ok().map(|s| s.map(|s| s.unit.to_string())))),
        (
            "remaining",
            Arc::new(UInt64Array::from_iter(
                ok().map(|s| s.and_then(|s| s.remaining)),
            )),
        ),
        (
            "overdue_days",
            Arc::new(UInt32Array::from_iter(
                ok().map(|s| s.map(|s| s.overdue_days)),
            )),
        ),
        (
            "provisional",
            Arc::new(BooleanArray::from_iter(
                ok().map(|s| s.map(|s| s.provisional)),
            )),
        ),
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
    ];
    columns.extend(error_columns(out.iter().map(|r| r.as_ref().err()), lang));
    RecordBatch::try_from_iter(columns)
}
