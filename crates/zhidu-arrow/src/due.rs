//! Due dates of one class for a batch of starts.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    ArrowPrimitiveType, Date32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    TimestampSecondType, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use zhidu::columns::{self, DueColumns, LimitColumn, NAT, RowErrors, StartColumn};
use zhidu::rows::{Cell, DueRow};
use zhidu::{Lang, Policy};

use crate::column::{cell, integer_at};
use crate::{Error, column, write};

/// How to compute a batch of due dates.
///
/// # Example
///
/// ```
/// let o = zhidu_arrow::DueOptions { instants: true, ..Default::default() };
/// assert_eq!(o.threads, 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DueOptions {
    /// Add a `due_at` column: the instant the limit runs out (`Timestamp(Second, zone)`).
    pub instants: bool,
    /// Threads to spread a big batch over (the core's chunks; 1: this thread only).
    pub threads: usize,
    /// The language of the `error` column.
    pub lang: Lang,
}

impl Default for DueOptions {
    fn default() -> Self {
        DueOptions {
            instants: false,
            threads: 1,
            lang: Lang::En,
        }
    }
}

/// Due dates of class `class` of `policy` for a batch of due rows: an `accepted_at` column
/// (Date32 — the fast path of day-counting classes —, a Timestamp, or text) and optionally a
/// `days` column (the per-case limit, any integer type or Float64; null: the class's).
///
/// The answer has one row per input row: `due_date` (Date32), with [`DueOptions::instants`]
/// `due_at`, and `error` / `error_code` (null for a good row; a bad row has a null date).
///
/// # Errors
///
/// An unknown class, a batch without `accepted_at`, a column that is no due field, or a
/// column of a type zhidu cannot read.
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{ArrayRef, Date32Array, RecordBatch, UInt8Array};
/// use arrow_array::Array;
/// use arrow_array::cast::AsArray;
/// use arrow_array::types::Date32Type;
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let batch = RecordBatch::try_from_iter([
///     ("accepted_at", Arc::new(Date32Array::from(vec![Some(20726), None])) as ArrayRef), // 2026-09-30
///     ("days", Arc::new(UInt8Array::from(vec![5, 5])) as ArrayRef),
/// ])?;
/// let out = zhidu_arrow::due_many(p, "promised", &batch, &Default::default())?;
/// let due = out.column_by_name("due_date").unwrap().as_primitive::<Date32Type>();
/// assert_eq!(due.value_as_date(0).map(|d| d.to_string()).as_deref(), Some("2026-10-13")); // 国庆: 10-9 … 10-13
/// assert!(due.is_null(1));
/// assert_eq!(out.column_by_name("error_code").unwrap().as_string::<i32>().value(1), "input");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn due_many(
    policy: &Policy,
    class: &str,
    rows: &RecordBatch,
    options: &DueOptions,
) -> Result<RecordBatch, Error> {
    let schema = rows.schema();
    let mut accepted_at = None;
    let mut days = None;
    for (field, array) in schema.fields().iter().zip(rows.columns()) {
        match zhidu::rows::DUE.field(field.name()).map(|f| f.name) {
            Some("accepted_at") => accepted_at = Some(array.as_ref()),
            Some(_) => days = Some(array.as_ref()),
            None => {
                // The core's frame reader words the refusal (closest field, hint).
                zhidu::rows::read_frame::<DueRow>(
                    "due",
                    0,
                    &[(
                        field.name().clone(),
                        zhidu::rows::Column::Integers(Vec::new()),
                    )],
                )?;
            }
        }
    }
    let Some(accepted_at) = accepted_at else {
        return Err(crate::input(
            format!("{}: the DataFrame has no column `{}`", "due", "accepted_at"),
            Some(zhidu::rows::DUE.hint.to_owned()),
        )
        .into());
    };
    due_many_arrays(policy, class, accepted_at, days, options)
}

/// [`due_many`] for two arrays: the starts, and optionally the per-case limits.
///
/// # Errors
///
/// An unknown class, arrays of different lengths, or an array of a type zhidu cannot read.
///
/// # Example
///
/// ```
/// use arrow_array::TimestampSecondArray;
/// use arrow_array::cast::AsArray;
/// use arrow_array::types::Date32Type;
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// // 2026-09-30 10:00 in Beijing, as an instant.
/// let starts = TimestampSecondArray::from(vec![1_790_733_600]).with_timezone("+08:00");
/// let out = zhidu_arrow::due_many_arrays(p, "promised", &starts, None, &Default::default())?;
/// let due = out.column(0).as_primitive::<Date32Type>();
/// assert_eq!(due.value_as_date(0).map(|d| d.to_string()).as_deref(), Some("2026-10-13"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn due_many_arrays(
    policy: &Policy,
    class: &str,
    accepted_at: &dyn Array,
    days: Option<&dyn Array>,
    options: &DueOptions,
) -> Result<RecordBatch, Error> {
    let class = policy.class(class)?;
    let (starts, mut bad) = starts(accepted_at, class.unit().is_days())?;
    let (limits, bad_days) = match days {
        None => (LimitColumn::Default, Vec::new()),
        Some(d) => limit_column(d)?,
    };
    bad.extend(bad_days);
    let core = columns::DueOptions {
        instants: options.instants,
        details: false,
        threads: options.threads.max(1),
    };
    let mut out = class.due_column(&starts, &limits, core)?;
    out.merge(bad);
    due_batch(policy, out, options.lang)
}

/// The batch of computed due dates (the core's [`DueColumns`], from any host's reading of
/// the starts): `due_date` (`Date32`), `due_at` (`Timestamp(Second, zone)`, when the
/// columns have instants), `error` and `error_code` (null for a good row), stamped with the
/// policy ([`crate::STAMP_KEY`]). The columns are taken by value so that the instants
/// become `due_at` without a copy.
///
/// # Errors
///
/// Only if arrow-rs refuses the batch.
///
/// # Example
///
/// ```
/// use zhidu::columns::{DueColumns, DueOptions, LimitColumn, StartColumn};
/// use arrow_array::cast::AsArray;
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let options = DueOptions { instants: true, ..Default::default() };
/// let due = p.class("promised")?.due_column(&StartColumn::Days(vec![20726]), &LimitColumn::Same(5), options)?;
/// let out = zhidu_arrow::due_batch(p, due, zhidu::Lang::En)?;
/// assert_eq!(out.schema().field(1).name(), "due_at");
/// assert_eq!(out.column(0).as_primitive::<arrow_array::types::Date32Type>().value(0), 20739); // 2026-10-13
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn due_batch(policy: &Policy, due: DueColumns, lang: Lang) -> Result<RecordBatch, Error> {
    let mut columns = vec![("due_date", write::day_numbers(&due.dates))];
    if let Some(at) = due.instants {
        columns.push(("due_at", write::seconds(at, policy.calendar().offset())));
    }
    let errors = due.errors.iter().map(|(i, e)| (*i, e));
    columns.extend(write::error_columns(errors, due.dates.len(), lang));
    write::stamped_batch(policy, columns)
}

/// The error of a missing start in a column (NaT in numpy's words, as the other hosts say).
fn missing_start() -> zhidu::Error {
    crate::input("the start is missing (NaT or None)", None)
}

fn starts(array: &dyn Array, counts_days: bool) -> Result<(StartColumn, RowErrors), Error> {
    Ok(match array.data_type() {
        DataType::Date32 => StartColumn::from_days(
            array
                .as_primitive::<Date32Type>()
                .iter()
                .map(|d| d.map_or(NAT, i64::from))
                .collect(),
        ),
        DataType::Timestamp(TimeUnit::Second, tz) => {
            let seconds: Vec<i64> = array
                .as_primitive::<TimestampSecondType>()
                .iter()
                .map(|s| s.unwrap_or(NAT))
                .collect();
            StartColumn::from_seconds(&seconds, tz.is_some(), counts_days)
        }
        _ => {
            // Any other type through the row reader, so a text is read as a CSV cell is.
            let mut rows = Vec::with_capacity(array.len());
            for i in 0..array.len() {
                rows.push(match cell("accepted_at", array, i)? {
                    Cell::Missing => Err(missing_start()),
                    Cell::Instant(s) => Ok(s),
                    c => zhidu::rows::read::<DueRow>(
                        Cell::Record(vec![("accepted_at".to_owned(), c)]),
                        i + 1,
                    )
                    .map(|r| r.accepted_at)
                    .map_err(zhidu::Error::from),
                });
            }
            StartColumn::from_starts(rows, counts_days)
        }
    })
}

fn bad_days(shown: impl core::fmt::Display) -> zhidu::Error {
    crate::input(
        format!("`days` must be a whole number from 0 to 4294967295, not `{shown}`"),
        None,
    )
}

/// The counts of an integer array without nulls, each checked as `u32` (one out of range
/// is an error in its place, as [`LimitColumn::from_integers`] words it); `None` if the
/// array is not of type `T`.
fn given<T: ArrowPrimitiveType>(array: &dyn Array) -> Option<(LimitColumn, RowErrors)>
where
    T::Native: TryInto<u32> + core::fmt::Display,
{
    let values = array.as_primitive_opt::<T>()?.values();
    // The usual column is all in range: a branch-free check and a plain conversion, and
    // only a column with a bad count goes row by row to number its errors.
    let in_range = values
        .iter()
        .fold(true, |ok, &v| ok & TryInto::<u32>::try_into(v).is_ok());
    if in_range {
        let rows = values.iter().map(|&v| v.try_into().unwrap_or(0)).collect();
        return Some((LimitColumn::Given(rows), Vec::new()));
    }
    let mut bad = Vec::new();
    let rows = values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            v.try_into().unwrap_or_else(|_| {
                bad.push((i, bad_days(v)));
                0
            })
        })
        .collect();
    Some((LimitColumn::Given(rows), bad))
}

/// The per-case limits of an Arrow array (the `days` of due rows): integers of any width
/// (a null is the class's default, a count outside 0 to 4294967295 an error in its place),
/// or floats (NaN is the default, a fraction an error in its place). A host that reads its
/// own starts (the Python binding) reads its Arrow limits here, as [`due_many`] does.
///
/// # Errors
///
/// An array of another type.
///
/// # Example
///
/// ```
/// use arrow_array::Int32Array;
/// use zhidu::columns::LimitColumn;
/// let (limits, bad) = zhidu_arrow::limit_column(&Int32Array::from(vec![5, -1]))?;
/// assert_eq!(limits, LimitColumn::Given(vec![5, 0]));
/// assert_eq!(bad[0].0, 1);
/// let (limits, _) = zhidu_arrow::limit_column(&Int32Array::from(vec![Some(5), None]))?;
/// assert_eq!(limits, LimitColumn::Rows(vec![Some(5), None]));
/// # Ok::<(), zhidu_arrow::Error>(())
/// ```
pub fn limit_column(array: &dyn Array) -> Result<(LimitColumn, RowErrors), Error> {
    let t = array.data_type();
    if t.is_integer() {
        if array.null_count() == 0 {
            // Every row has a count: read each width straight into the counts, one pass.
            let given = match t {
                DataType::Int8 => given::<Int8Type>(array),
                DataType::Int16 => given::<Int16Type>(array),
                DataType::Int32 => given::<Int32Type>(array),
                DataType::Int64 => given::<Int64Type>(array),
                DataType::UInt8 => given::<UInt8Type>(array),
                DataType::UInt16 => given::<UInt16Type>(array),
                DataType::UInt32 => given::<UInt32Type>(array),
                DataType::UInt64 => given::<UInt64Type>(array),
                _ => None,
            };
            if let Some(given) = given {
                return Ok(given);
            }
        }
        let counts = (0..array.len())
            .map(|i| {
                if array.is_null(i) {
                    return Ok(None);
                }
                match integer_at(array, i) {
                    Some(Ok(v)) => u32::try_from(v).map(Some).map_err(|_| bad_days(v)),
                    Some(Err(big)) => Err(bad_days(big)),
                    None => Ok(None),
                }
            })
            .collect();
        return Ok(LimitColumn::from_counts(counts));
    }
    if array.data_type() == &DataType::Float64 {
        let floats: Vec<f64> = array
            .as_primitive::<Float64Type>()
            .iter()
            .map(|f| f.unwrap_or(f64::NAN))
            .collect();
        return Ok(LimitColumn::from_floats(&floats));
    }
    match column("days", array)? {
        zhidu::rows::Column::Floats(f) => Ok(LimitColumn::from_floats(&f)),
        _ => Err(crate::column::unsupported("days", array.data_type())),
    }
}
