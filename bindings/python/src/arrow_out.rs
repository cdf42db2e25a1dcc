//! Answers as Arrow columns (`output="arrow"`, `Assessment.to_arrow()`): dates as `date32`,
//! instants as `timestamp[s]` in the calendar's zone, counts and points as `int64`, money as
//! `decimal128` at the column's largest scale (exact), lists of texts as `list<string>`, and a
//! bad row's message and code in `error` / `error_code` (null for a good row). The same
//! columns and types whatever the rows, none included.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Decimal128Array, Int64Array, StringArray,
    TimestampSecondArray,
};
use chrono::{DateTime, FixedOffset, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;
use zhidu::columns::{NAT, epoch_day};

/// Named output columns, in order.
pub(crate) type Columns = Vec<(String, ArrayRef)>;

/// Day numbers (`NAT`: null) as `date32`.
pub(crate) fn day_numbers(days: &[i64]) -> ArrayRef {
    Arc::new(Date32Array::from_iter(
        days.iter()
            .map(|&d| (d != NAT).then(|| i32::try_from(d).ok()).flatten()),
    ))
}

/// Unix seconds (`NAT`: null) as `timestamp[s]` in the zone `offset`.
pub(crate) fn seconds(values: &[i64], offset: FixedOffset) -> ArrayRef {
    Arc::new(
        TimestampSecondArray::from_iter(values.iter().map(|&s| (s != NAT).then_some(s)))
            .with_timezone(offset.to_string()),
    )
}

fn dates(values: impl Iterator<Item = Option<NaiveDate>>) -> ArrayRef {
    Arc::new(Date32Array::from_iter(
        values.map(|d| d.and_then(|d| i32::try_from(epoch_day(d)).ok())),
    ))
}

fn instants(
    values: impl Iterator<Item = Option<DateTime<FixedOffset>>>,
    offset: FixedOffset,
) -> ArrayRef {
    Arc::new(
        TimestampSecondArray::from_iter(values.map(|t| t.map(|t| t.timestamp())))
            .with_timezone(offset.to_string()),
    )
}

fn texts<S: AsRef<str>>(values: impl Iterator<Item = Option<S>>) -> ArrayRef {
    Arc::new(StringArray::from_iter(values))
}

fn ints(values: impl Iterator<Item = Option<i64>>) -> ArrayRef {
    Arc::new(Int64Array::from_iter(values))
}

fn text_lists<'a>(values: impl Iterator<Item = Option<Vec<&'a str>>>) -> ArrayRef {
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

/// Money as `decimal128(38, s)`: `s` is 2 (yuan to the fen, the same type whatever the
/// values), or more if a value has more places (every value exact).
fn money(values: &[Option<Decimal>]) -> ArrayRef {
    let scale = values
        .iter()
        .flatten()
        .map(Decimal::scale)
        .fold(2, u32::max);
    let at = |d: &Decimal| {
        let mut d = *d;
        d.rescale(scale);
        d.mantissa()
    };
    let array = Decimal128Array::from_iter(values.iter().map(|v| v.as_ref().map(at)));
    let scale = i8::try_from(scale).unwrap_or(i8::MAX);
    Arc::new(
        array
            .with_precision_and_scale(38, scale)
            .unwrap_or_else(|_| {
                Decimal128Array::from_iter(values.iter().map(|v| v.as_ref().map(at)))
            }),
    )
}

/// A value's JSON name (a status, a unit, a kind).
fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// The stable code of a row's error: its row problem's (`missing`, `not_whole` …), else
/// the error's kind.
fn code(e: &zhidu::Error) -> &'static str {
    match e {
        zhidu::Error::Row(row) => row.code(),
        e => e.code(),
    }
}

/// The `error` and `error_code` columns of `n` rows, `errors` by 0-based position.
pub(crate) fn error_columns(
    errors: &[(usize, zhidu::Error)],
    n: usize,
    lang: zhidu::Lang,
) -> [(String, ArrayRef); 2] {
    let mut by_row: Vec<Option<&zhidu::Error>> = vec![None; n];
    for (i, e) in errors {
        if let Some(slot) = by_row.get_mut(*i) {
            *slot = Some(e);
        }
    }
    [
        (
            "error".to_owned(),
            texts(by_row.iter().map(|e| e.map(|e| e.message_in(lang)))),
        ),
        (
            "error_code".to_owned(),
            texts(by_row.iter().map(|e| e.map(code))),
        ),
    ]
}

/// The columns of case statuses, one row per case (a bad case: nulls and its error).
pub(crate) fn statuses(
    rows: &[Result<zhidu::CaseStatus, zhidu::Error>],
    offset: FixedOffset,
    lang: zhidu::Lang,
) -> Columns {
    let ok = || rows.iter().map(|r| r.as_ref().ok());
    let col = |name: &str, a: ArrayRef| (name.to_owned(), a);
    let errors: Vec<(usize, zhidu::Error)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.as_ref().err().map(|e| (i, e.clone())))
        .collect();
    let mut out = vec![
        col("id", texts(ok().map(|s| s.map(|s| s.id.as_str())))),
        col("class", texts(ok().map(|s| s.map(|s| s.class.as_str())))),
        col("status", texts(ok().map(|s| s.map(|s| name(&s.status))))),
        col("due_date", dates(ok().map(|s| s.and_then(|s| s.due_date)))),
        col(
            "due_at",
            instants(ok().map(|s| s.and_then(|s| s.due_at)), offset),
        ),
        col("limit", ints(ok().map(|s| s.map(|s| i64::from(s.limit))))),
        col("unit", texts(ok().map(|s| s.map(|s| name(&s.unit))))),
        col(
            "remaining",
            ints(ok().map(|s| {
                s.and_then(|s| s.remaining)
                    .and_then(|r| i64::try_from(r).ok())
            })),
        ),
        col(
            "overdue_days",
            ints(ok().map(|s| s.map(|s| i64::from(s.overdue_days)))),
        ),
        col(
            "provisional",
            Arc::new(BooleanArray::from_iter(
                ok().map(|s| s.map(|s| s.provisional)),
            )),
        ),
        col(
            "basis",
            text_lists(ok().map(|s| s.map(|s| s.basis.iter().map(String::as_str).collect()))),
        ),
        col(
            "legal_due_date",
            dates(ok().map(|s| s.and_then(|s| s.legal_due_date))),
        ),
        col(
            "completed_at",
            instants(ok().map(|s| s.and_then(|s| s.completed_at)), offset),
        ),
        col(
            "handler",
            texts(ok().map(|s| s.and_then(|s| s.handler.as_deref()))),
        ),
        col(
            "window",
            texts(ok().map(|s| s.and_then(|s| s.window.as_deref()))),
        ),
        col(
            "clauses",
            text_lists(ok().map(|s| s.map(|s| s.clauses.iter().map(String::as_str).collect()))),
        ),
    ];
    out.extend(error_columns(&errors, rows.len(), lang));
    out
}

/// The scorecards of an assessment (of `kind`, or all), one row per card: `subject`,
/// `kind`, `window`, `period`, one `int64` score per category of the deduction table (by its
/// id, in the table's order), `bonus`, `total`, `fines`, `withholdings` and `effects` (the
/// effects' names).
pub(crate) fn scorecards(
    assessment: &zhidu::Assessment,
    categories: &[String],
    kind: Option<zhidu::SubjectKind>,
) -> Columns {
    let cards: Vec<&zhidu::Scorecard> = assessment
        .scorecards
        .iter()
        .filter(|c| kind.is_none_or(|k| c.kind == k))
        .collect();
    let col = |name: &str, a: ArrayRef| (name.to_owned(), a);
    let mut out = vec![
        col(
            "subject",
            texts(cards.iter().map(|c| Some(c.subject.as_str()))),
        ),
        col("kind", texts(cards.iter().map(|c| Some(name(&c.kind))))),
        col("window", texts(cards.iter().map(|c| c.window.as_deref()))),
        col(
            "period",
            texts(cards.iter().map(|c| Some(c.period.as_str()))),
        ),
    ];
    for id in categories {
        let score =
            |c: &&zhidu::Scorecard| c.categories.iter().find(|s| &s.id == id).map(|s| s.score);
        out.push(col(id, ints(cards.iter().map(score))));
    }
    out.push(col("bonus", ints(cards.iter().map(|c| Some(c.bonus)))));
    out.push(col("total", ints(cards.iter().map(|c| Some(c.total)))));
    let fines: Vec<Option<Decimal>> = cards.iter().map(|c| Some(c.fines)).collect();
    out.push(col("fines", money(&fines)));
    let held: Vec<Option<Decimal>> = cards.iter().map(|c| Some(c.withholdings)).collect();
    out.push(col("withholdings", money(&held)));
    out.push(col(
        "effects",
        text_lists(
            cards
                .iter()
                .map(|c| Some(c.effects.iter().map(|e| &*e.name).collect())),
        ),
    ));
    out
}
