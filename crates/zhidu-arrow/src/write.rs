//! Output columns: the core's answers as Arrow arrays.

use std::sync::Arc;

use arrow_array::{ArrayRef, Date32Array, StringArray, TimestampSecondArray};
use chrono::{DateTime, FixedOffset, NaiveDate};
use zhidu::columns::epoch_day;
use zhidu::{Error, Lang};

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

/// The stable code of an error: a row error's problem (`missing`, `not_whole`), or the
/// error's kind.
pub(crate) fn code(e: &Error) -> &'static str {
    match e {
        Error::Row(row) => row.code(),
        e => e.code(),
    }
}

/// The `error` and `error_code` columns of a batch whose rows may have failed.
pub(crate) fn error_columns<'e>(
    errors: impl Iterator<Item = Option<&'e Error>> + Clone,
    lang: Lang,
) -> [(&'static str, ArrayRef); 2] {
    [
        (
            "error",
            texts(errors.clone().map(|e| e.map(|e| e.message_in(lang)))),
        ),
        ("error_code", texts(errors.map(|e| e.map(code)))),
    ]
}
