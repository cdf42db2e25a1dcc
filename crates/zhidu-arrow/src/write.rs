//! Output columns: the core's answers as Arrow arrays, and each batch stamped with the policy
//! that gave it. The one writer of the project's Arrow answers: the Python binding converts
//! these batches, it does not build its own.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{
    ArrayRef, Date32Array, Decimal128Array, RecordBatch, StringArray, TimestampSecondArray,
    new_null_array,
};
use arrow_buffer::{BooleanBuffer, NullBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Schema};
use chrono::{DateTime, FixedOffset, NaiveDate};
use rust_decimal::Decimal;
use zhidu::columns::{NAT, epoch_day};
use zhidu::{Error, Lang, Policy};

/// The schema metadata key of the stamp every batch carries: the JSON of the policy's
/// [`zhidu::Stamp`] (`policy`, `version`, `effective_from`, `hash`), as the CLI writes it in
/// an answer's `stamp` field.
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let starts = arrow_array::Date32Array::from(vec![20726]);
/// let out = zhidu_arrow::due_many_arrays(p, "promised", &starts, None, &Default::default())?;
/// let schema = out.schema();
/// let stamp = &schema.metadata()[zhidu_arrow::STAMP_KEY];
/// assert!(stamp.starts_with(r#"{"policy":"s2-service-center","version":"2023-10-23","#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const STAMP_KEY: &str = "zhidu:stamp";

/// A batch of named columns, stamped with `policy` ([`STAMP_KEY`]). Every column is
/// nullable, so a batch without a bad row has the schema of one with.
pub(crate) fn stamped_batch<S: Into<String>>(
    policy: &Policy,
    columns: impl IntoIterator<Item = (S, ArrayRef)>,
) -> Result<RecordBatch, crate::Error> {
    let (fields, arrays): (Vec<Field>, Vec<ArrayRef>) = columns
        .into_iter()
        .map(|(name, a)| (Field::new(name, a.data_type().clone(), true), a))
        .unzip();
    let stamp = serde_json::to_string(&policy.stamp())
        .map_err(|e| arrow_schema::ArrowError::ExternalError(Box::new(e)))?;
    let schema = Schema::new(fields).with_metadata([(STAMP_KEY.to_owned(), stamp)].into());
    Ok(RecordBatch::try_new(Arc::new(schema), arrays)?)
}

/// Which rows are valid, or None when all are (no null buffer to build or read).
fn validity(n: usize, valid: impl Fn(usize) -> bool) -> Option<NullBuffer> {
    let all = (0..n).all(&valid);
    (!all).then(|| NullBuffer::new(BooleanBuffer::from_iter((0..n).map(valid))))
}

/// Day numbers ([`NAT`]: null) as a `Date32` column.
pub(crate) fn day_numbers(days: &[i64]) -> ArrayRef {
    // NAT is outside `i32`, so one branch-free range check finds a null or an overflow, and
    // the usual column (none) is a plain narrowing. Only a column with nulls pays for a
    // mask, built by index at several times the cost.
    let fits = |d: i64| (i64::from(i32::MIN)..=i64::from(i32::MAX)).contains(&d);
    let all_valid = days.iter().fold(true, |ok, &d| ok & fits(d));
    // A row that does not fit is null, so its value is never read: truncating it is harmless.
    let values: ScalarBuffer<i32> = days.iter().map(|&d| d as i32).collect();
    let nulls = match all_valid {
        true => None,
        false => validity(days.len(), |i| days.get(i).is_some_and(|&d| fits(d))),
    };
    Arc::new(Date32Array::new(values, nulls))
}

/// Unix seconds ([`NAT`]: null) as a `Timestamp(Second, zone)` column; the buffer is moved,
/// not copied.
pub(crate) fn seconds(values: Vec<i64>, zone: FixedOffset) -> ArrayRef {
    let nulls = match values.iter().fold(true, |ok, &s| ok & (s != NAT)) {
        true => None,
        false => validity(values.len(), |i| values.get(i).is_some_and(|&s| s != NAT)),
    };
    Arc::new(TimestampSecondArray::new(values.into(), nulls).with_timezone(zone.to_string()))
}

/// A `Date32` column of optional dates.
pub(crate) fn dates(values: impl Iterator<Item = Option<NaiveDate>>) -> ArrayRef {
    Arc::new(Date32Array::from_iter(
        values.map(|d| d.and_then(|d| i32::try_from(epoch_day(d)).ok())),
    ))
}

/// A `Timestamp(Second, zone)` column of optional instants, in the calendar's zone.
pub(crate) fn instants(
    values: impl Iterator<Item = Option<DateTime<FixedOffset>>>,
    zone: FixedOffset,
) -> ArrayRef {
    Arc::new(
        TimestampSecondArray::from_iter(values.map(|t| t.map(|t| t.timestamp())))
            .with_timezone(zone.to_string()),
    )
}

/// A `Utf8` column of optional texts.
pub(crate) fn texts<S: AsRef<str>>(values: impl Iterator<Item = Option<S>>) -> ArrayRef {
    Arc::new(StringArray::from_iter(values))
}

/// A `List<Utf8>` column of optional lists of texts.
pub(crate) fn text_lists<'a, L>(values: impl Iterator<Item = Option<L>>) -> ArrayRef
where
    L: IntoIterator<Item = &'a str>,
{
    let mut builder = ListBuilder::new(StringBuilder::new());
    for v in values {
        match v {
            Some(items) => {
                for item in items {
                    builder.values().append_value(item);
                }
                builder.append(true);
            }
            None => builder.append(false),
        }
    }
    Arc::new(builder.finish())
}

/// Money as `Decimal128(38, s)`: `s` is 2 (yuan to the fen, the same type whatever the
/// values) or more if a value has more places, so every value is exact.
pub(crate) fn money(values: &[Decimal]) -> Result<ArrayRef, crate::Error> {
    let scale = values.iter().map(Decimal::scale).fold(2, u32::max);
    let mantissas = values.iter().map(|d| {
        let mut d = *d;
        d.rescale(scale);
        d.mantissa()
    });
    let scale = i8::try_from(scale).unwrap_or(i8::MAX);
    Ok(Arc::new(
        Decimal128Array::from_iter_values(mantissas).with_precision_and_scale(38, scale)?,
    ))
}

/// The stable code of an error: a row error's problem (`missing`, `not_whole`), or the
/// error's kind.
pub(crate) fn code(e: &Error) -> &'static str {
    match e {
        Error::Row(row) => row.code(),
        e => e.code(),
    }
}

/// The `error` and `error_code` columns of `n` rows whose bad ones are `errors` (by 0-based
/// position, in any order; a row named twice keeps its first): all null, without a pass
/// over the rows, when none failed.
pub(crate) fn error_columns<'e>(
    errors: impl IntoIterator<Item = (usize, &'e Error)>,
    n: usize,
    lang: Lang,
) -> [(&'static str, ArrayRef); 2] {
    let mut by_row: Vec<Option<&Error>> = Vec::new();
    for (i, e) in errors {
        if by_row.is_empty() {
            by_row = vec![None; n];
        }
        if let Some(slot @ None) = by_row.get_mut(i) {
            *slot = Some(e);
        }
    }
    if by_row.is_empty() {
        let none = new_null_array(&DataType::Utf8, n);
        return [("error", Arc::clone(&none)), ("error_code", none)];
    }
    [
        (
            "error",
            texts(by_row.iter().map(|e| e.map(|e| e.message_in(lang)))),
        ),
        ("error_code", texts(by_row.iter().map(|e| e.map(code)))),
    ]
}
