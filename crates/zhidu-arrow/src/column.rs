//! An Arrow array as a column of the core's row reader ([`zhidu::rows::Column`]): every kind
//! of row (cases with their events, roster entries, due rows) is then read by the one reader
//! every host uses, so a batch accepts what a CSV file or a DataFrame accepts and reports the
//! same row errors.
//!
//! | Arrow type | read as |
//! |---|---|
//! | `Utf8`, `LargeUtf8`, `Utf8View`, `Dictionary(Int*/UInt*, any of these)` | text (trimmed; empty is missing) |
//! | `Int8` … `Int64`, `UInt8` … `UInt64` | whole numbers; in a text field their digits |
//! | `Float32`, `Float64` | numbers (NaN is missing), as a spreadsheet's |
//! | `Boolean` | yes/no |
//! | `Date32`, `Date64` | dates in the calendar's zone |
//! | `Timestamp(unit, Some(tz))` | that instant, whatever `tz` |
//! | `Timestamp(unit, None)` | a wall time in the calendar's zone |
//! | `List`, `LargeList` of any of these | a list (a case's `events`, a violation's `flags`) |
//! | `Struct` | a record (an event) |
//! | `Null` | missing |
//!
//! A null is a missing value in every type. Any other type is refused for the whole call.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrowPrimitiveType, PrimitiveArray};
use arrow_schema::{DataType, TimeUnit};
use chrono::DateTime;
use zhidu::Start;
use zhidu::columns::{NAT, from_epoch_day};
use zhidu::rows::{Cell, Column};

use crate::Error;

const DAY_MS: i64 = 86_400_000;

/// An Arrow array as a column of the core's row reader; `name` names it in errors.
///
/// # Errors
///
/// [`Error::Zhidu`] (an input error) for a type the reader cannot use.
///
/// # Example
///
/// ```
/// use arrow_array::{Int64Array, StringArray};
/// use zhidu::rows::{Cell, Column};
/// let c = zhidu_arrow::column("subject", &StringArray::from(vec![Some("张三"), None]))?;
/// assert_eq!((c.cell(0), c.cell(1)), (Cell::Text("张三".into()), Cell::Missing));
/// let n = zhidu_arrow::column("days", &Int64Array::from(vec![5, 7]))?;
/// assert_eq!(n, Column::Integers(vec![5, 7]));
/// # Ok::<(), zhidu_arrow::Error>(())
/// ```
pub fn column(name: &str, array: &dyn Array) -> Result<Column, Error> {
    let plain = array.null_count() == 0;
    Ok(match array.data_type() {
        DataType::Int64 if plain => {
            Column::Integers(array.as_primitive::<Int64Type>().values().to_vec())
        }
        // Any other width without nulls in one pass (a per-row cell costs a type dispatch
        // and a `Cell` per value: `days` as int32 from pyarrow was the slow half of a due
        // batch). A UInt64 past i64::MAX keeps the row path, which reads it as its digits.
        t if plain && t.is_integer() => {
            match integers(array).and_then(|v| v.into_iter().collect::<Option<Vec<i64>>>()) {
                Some(values) => Column::Integers(values),
                None => cells(name, array)?,
            }
        }
        DataType::Date32 if plain => Column::Days(
            array
                .as_primitive::<Date32Type>()
                .values()
                .iter()
                .map(|&d| i64::from(d))
                .collect(),
        ),
        DataType::Float64 => Column::Floats(
            array
                .as_primitive::<Float64Type>()
                .iter()
                .map(|f| f.unwrap_or(f64::NAN))
                .collect(),
        ),
        DataType::Date32 => Column::Days(
            array
                .as_primitive::<Date32Type>()
                .iter()
                .map(|d| d.map_or(NAT, i64::from))
                .collect(),
        ),
        DataType::Timestamp(TimeUnit::Second, tz) => Column::Seconds {
            seconds: array
                .as_primitive::<TimestampSecondType>()
                .iter()
                .map(|s| s.unwrap_or(NAT))
                .collect(),
            utc: tz.is_some(),
        },
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
            let mut codes = Vec::with_capacity(array.len());
            let mut texts = Vec::with_capacity(array.len());
            for t in strings(array).unwrap_or_default() {
                match t {
                    Some(t) => {
                        codes.push(i64::try_from(texts.len()).unwrap_or(-1));
                        texts.push(t.to_owned());
                    }
                    None => codes.push(-1),
                }
            }
            Column::Texts { codes, texts }
        }
        DataType::Dictionary(_, values) if is_text(values) => {
            let Some(dict) = array.as_any_dictionary_opt() else {
                return Err(unsupported(name, array.data_type()));
            };
            let texts: Vec<String> = strings(dict.values().as_ref())
                .unwrap_or_default()
                .into_iter()
                .map(|t| t.unwrap_or_default().to_owned())
                .collect();
            let codes = integers(dict.keys())
                .unwrap_or_default()
                .into_iter()
                .map(|k| k.unwrap_or(-1))
                .collect();
            Column::Texts { codes, texts }
        }
        _ => cells(name, array)?,
    })
}

/// Every value of an array as a cell of the row reader.
fn cells(name: &str, array: &dyn Array) -> Result<Column, Error> {
    let mut cells = Vec::with_capacity(array.len());
    for i in 0..array.len() {
        cells.push(cell(name, array, i)?);
    }
    Ok(Column::Cells(cells))
}

/// Whether a dictionary's values are texts.
pub(crate) fn is_text(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

/// The texts of a string array of any offset size, or `None` for another type.
pub(crate) fn strings(array: &dyn Array) -> Option<Vec<Option<&str>>> {
    if let Some(a) = array.as_string_opt::<i32>() {
        return Some(a.iter().collect());
    }
    if let Some(a) = array.as_string_opt::<i64>() {
        return Some(a.iter().collect());
    }
    array.as_string_view_opt().map(|a| a.iter().collect())
}

fn ints<T>(array: &dyn Array) -> Option<Vec<Option<i64>>>
where
    T: ArrowPrimitiveType,
    T::Native: TryInto<i64>,
{
    let a: &PrimitiveArray<T> = array.as_primitive_opt::<T>()?;
    // A `UInt64` past `i64::MAX` is no value the core could use as a number; the caller
    // decides (a text field takes its digits).
    Some(
        a.iter()
            .map(|v| v.and_then(|v| v.try_into().ok()))
            .collect(),
    )
}

/// The values of an integer array of any width, or `None` for another type. A null, and a
/// `UInt64` past `i64::MAX`, is `None` in its place.
pub(crate) fn integers(array: &dyn Array) -> Option<Vec<Option<i64>>> {
    match array.data_type() {
        DataType::Int8 => ints::<Int8Type>(array),
        DataType::Int16 => ints::<Int16Type>(array),
        DataType::Int32 => ints::<Int32Type>(array),
        DataType::Int64 => ints::<Int64Type>(array),
        DataType::UInt8 => ints::<UInt8Type>(array),
        DataType::UInt16 => ints::<UInt16Type>(array),
        DataType::UInt32 => ints::<UInt32Type>(array),
        DataType::UInt64 => ints::<UInt64Type>(array),
        _ => None,
    }
}

/// The value of row `i` of an integer array of any width (`Err`: a `UInt64` past
/// `i64::MAX`), or `None` for another type or past the end.
pub(crate) fn integer_at(array: &dyn Array, i: usize) -> Option<Result<i64, u64>> {
    fn at<T: ArrowPrimitiveType>(array: &dyn Array, i: usize) -> Option<T::Native> {
        let a: &PrimitiveArray<T> = array.as_primitive_opt::<T>()?;
        (i < a.len()).then(|| a.value(i))
    }
    Some(Ok(match array.data_type() {
        DataType::Int8 => i64::from(at::<Int8Type>(array, i)?),
        DataType::Int16 => i64::from(at::<Int16Type>(array, i)?),
        DataType::Int32 => i64::from(at::<Int32Type>(array, i)?),
        DataType::Int64 => at::<Int64Type>(array, i)?,
        DataType::UInt8 => i64::from(at::<UInt8Type>(array, i)?),
        DataType::UInt16 => i64::from(at::<UInt16Type>(array, i)?),
        DataType::UInt32 => i64::from(at::<UInt32Type>(array, i)?),
        DataType::UInt64 => {
            let v = at::<UInt64Type>(array, i)?;
            return Some(i64::try_from(v).map_err(|_| v));
        }
        _ => return None,
    }))
}

/// The refusal of a column whose type the reader cannot use.
pub(crate) fn unsupported(name: &str, t: &DataType) -> Error {
    Error::Zhidu(crate::input(
        format!("column `{name}` has the Arrow type `{t}`, which zhidu does not read"),
        Some("give text (Utf8 or a dictionary of it), whole numbers, Float64, Boolean, Date32, Timestamp, a List or a Struct".to_owned()),
    ))
}

/// A start from an integer timestamp of `unit` since 1970-01-01 00:00: the instant when the
/// column has a time zone, else a wall time in the calendar's zone. `None` out of range.
pub(crate) fn timestamp(value: i64, unit: TimeUnit, utc: bool) -> Option<Start> {
    let (per_second, nanos_each) = match unit {
        TimeUnit::Second => (1, 0),
        TimeUnit::Millisecond => (1_000, 1_000_000),
        TimeUnit::Microsecond => (1_000_000, 1_000),
        TimeUnit::Nanosecond => (1_000_000_000, 1),
    };
    let seconds = value.div_euclid(per_second);
    let nanos = u32::try_from(value.rem_euclid(per_second) * nanos_each).ok()?;
    let t = DateTime::from_timestamp(seconds, nanos)?;
    Some(if utc {
        Start::Instant(t.fixed_offset())
    } else {
        Start::Local(t.naive_utc())
    })
}

/// A date from a `Date64` value (milliseconds, whole days): a wall time when it is not at
/// midnight.
fn date64(ms: i64) -> Option<Start> {
    if ms.rem_euclid(DAY_MS) == 0 {
        from_epoch_day(ms.div_euclid(DAY_MS)).map(Start::Date)
    } else {
        timestamp(ms, TimeUnit::Millisecond, false)
    }
}

fn instant(s: Option<Start>) -> Cell {
    s.map_or(Cell::Missing, Cell::Instant)
}

/// The cell of row `i` of any array the reader takes.
pub(crate) fn cell(name: &str, array: &dyn Array, i: usize) -> Result<Cell, Error> {
    if i >= array.len() || array.is_null(i) {
        return Ok(Cell::Missing);
    }
    let t = array.data_type();
    if t.is_integer() {
        return Ok(match integer_at(array, i) {
            Some(Ok(v)) => Cell::Integer(v),
            // A UInt64 past i64::MAX: its digits, which no number field takes.
            Some(Err(big)) => Cell::Text(big.to_string()),
            None => Cell::Missing,
        });
    }
    Ok(match t {
        DataType::Null => Cell::Missing,
        DataType::Boolean => Cell::Bool(array.as_boolean().value(i)),
        DataType::Float32 => Cell::Float(f64::from(array.as_primitive::<Float32Type>().value(i))),
        DataType::Float64 => Cell::Float(array.as_primitive::<Float64Type>().value(i)),
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
            match strings(&array.slice(i, 1)) {
                Some(v) => v
                    .first()
                    .copied()
                    .flatten()
                    .map_or(Cell::Missing, |s| Cell::Text(s.to_owned())),
                None => Cell::Missing,
            }
        }
        DataType::Date32 => instant(
            from_epoch_day(i64::from(array.as_primitive::<Date32Type>().value(i))).map(Start::Date),
        ),
        DataType::Date64 => instant(date64(array.as_primitive::<Date64Type>().value(i))),
        DataType::Timestamp(unit, tz) => {
            let v = match unit {
                TimeUnit::Second => array.as_primitive::<TimestampSecondType>().value(i),
                TimeUnit::Millisecond => array.as_primitive::<TimestampMillisecondType>().value(i),
                TimeUnit::Microsecond => array.as_primitive::<TimestampMicrosecondType>().value(i),
                TimeUnit::Nanosecond => array.as_primitive::<TimestampNanosecondType>().value(i),
            };
            instant(timestamp(v, *unit, tz.is_some()))
        }
        DataType::Dictionary(_, _) => {
            let Some(dict) = array.as_any_dictionary_opt() else {
                return Err(unsupported(name, t));
            };
            let key = match integer_at(dict.keys(), i) {
                Some(Ok(k)) if !dict.keys().is_null(i) => usize::try_from(k).ok(),
                _ => None,
            };
            match key {
                Some(k) if k < dict.values().len() => cell(name, dict.values().as_ref(), k)?,
                _ => Cell::Missing,
            }
        }
        DataType::List(_) | DataType::LargeList(_) => {
            let items = match (array.as_list_opt::<i32>(), array.as_list_opt::<i64>()) {
                (Some(l), _) => l.value(i),
                (None, Some(l)) => l.value(i),
                (None, None) => return Err(unsupported(name, t)),
            };
            let mut cells = Vec::with_capacity(items.len());
            for j in 0..items.len() {
                cells.push(cell(name, items.as_ref(), j)?);
            }
            Cell::List(cells)
        }
        DataType::Struct(fields) => {
            let s = array.as_struct();
            let mut pairs = Vec::with_capacity(fields.len());
            for (f, child) in fields.iter().zip(s.columns()) {
                pairs.push((f.name().clone(), cell(f.name(), child.as_ref(), i)?));
            }
            Cell::Record(pairs)
        }
        _ => return Err(unsupported(name, t)),
    })
}
