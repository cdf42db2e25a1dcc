//! An Arrow array as a column of the core's row reader (`zhidu::rows::Column`): texts (plain
//! or dictionary-encoded) as texts given once each, integers, floats, dates and timestamps
//! as numbers, lists and structs as the cells of a case's events. Conversion only: every
//! row is then read by the core, as a DataFrame's.
//!
//! A timestamp with a time zone is that instant; without one, a wall time in the calendar's
//! zone (as a naive pandas column). A null is a missing value in every type.

use std::collections::HashMap;

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type, UInt64Type};
use arrow_array::{Array, ArrayRef, OffsetSizeTrait};
use arrow_schema::{DataType, TimeUnit};
use zhidu::columns::NAT;
use zhidu::rows::{Cell, Column};

/// How deep lists and structs nest before a value is refused (a case's events are two).
const MAX_DEPTH: usize = 16;

const DAY_MS: i64 = 86_400_000;

/// An array as the core's column; `Err` names a type that cannot be read.
pub(crate) fn column(array: &ArrayRef) -> Result<Column, String> {
    column_at(array, 0)
}

fn cast(array: &ArrayRef, to: &DataType) -> Result<ArrayRef, String> {
    arrow_cast::cast(array, to).map_err(|_| array.data_type().to_string())
}

fn column_at(array: &ArrayRef, depth: usize) -> Result<Column, String> {
    let n = array.len();
    let plain = array.null_count() == 0;
    Ok(match array.data_type() {
        DataType::Null => Column::Cells(vec![Cell::Missing; n]),
        DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32 => {
            let ints = cast(array, &DataType::Int64)?;
            let ints = ints.as_primitive::<Int64Type>();
            if plain {
                Column::Integers(ints.values().to_vec())
            } else {
                Column::Cells(
                    ints.iter()
                        .map(|v| v.map_or(Cell::Missing, Cell::Integer))
                        .collect(),
                )
            }
        }
        DataType::UInt64 => Column::Cells(
            array
                .as_primitive::<UInt64Type>()
                .iter()
                .map(|v| match v {
                    None => Cell::Missing,
                    // Beyond i64: its digits (an id still reads, a count is refused).
                    Some(v) => {
                        i64::try_from(v).map_or_else(|_| Cell::Text(v.to_string()), Cell::Integer)
                    }
                })
                .collect(),
        ),
        DataType::Float16 | DataType::Float32 | DataType::Float64 => {
            let floats = cast(array, &DataType::Float64)?;
            let floats = floats.as_primitive::<Float64Type>();
            Column::Floats(floats.iter().map(|v| v.unwrap_or(f64::NAN)).collect())
        }
        DataType::Boolean => Column::Cells(
            array
                .as_boolean()
                .iter()
                .map(|v| v.map_or(Cell::Missing, Cell::Bool))
                .collect(),
        ),
        DataType::Utf8 => texts(array.as_string::<i32>().iter()),
        DataType::LargeUtf8 => texts(array.as_string::<i64>().iter()),
        DataType::Utf8View => texts(array.as_string_view().iter()),
        DataType::Dictionary(_, values)
            if matches!(
                values.as_ref(),
                DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
            ) =>
        {
            dictionary(array)?
        }
        DataType::Date32 | DataType::Date64 | DataType::Timestamp(_, _) => instants(array)?,
        DataType::List(_) => list(array.as_list::<i32>(), depth)?,
        DataType::LargeList(_) => list(array.as_list::<i64>(), depth)?,
        DataType::Struct(fields) if depth < MAX_DEPTH => {
            let s = array.as_struct();
            let children = s
                .columns()
                .iter()
                .map(|c| column_at(c, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            Column::Cells(
                (0..n)
                    .map(|i| match s.is_null(i) {
                        true => Cell::Missing,
                        false => Cell::Record(
                            fields
                                .iter()
                                .zip(&children)
                                .map(|(f, c)| (f.name().clone(), c.cell(i)))
                                .collect(),
                        ),
                    })
                    .collect(),
            )
        }
        other => return Err(other.to_string()),
    })
}

/// Texts, each distinct one given once (names and rule codes repeat over many rows).
fn texts<'a>(values: impl Iterator<Item = Option<&'a str>>) -> Column {
    let mut seen: HashMap<&'a str, i64> = HashMap::new();
    let mut texts = Vec::new();
    let codes = values
        .map(|v| match v {
            None => -1,
            Some(t) => *seen.entry(t).or_insert_with(|| {
                texts.push(t.to_owned());
                i64::try_from(texts.len()).map_or(-1, |n| n - 1)
            }),
        })
        .collect();
    Column::Texts { codes, texts }
}

/// A dictionary of texts: its keys are the codes, its values the texts (given once).
fn dictionary(array: &ArrayRef) -> Result<Column, String> {
    let target = DataType::Dictionary(Box::new(DataType::Int64), Box::new(DataType::Utf8));
    let dict = cast(array, &target)?;
    let dict = dict.as_dictionary::<Int64Type>();
    let values = dict.values().as_string::<i32>();
    let codes = dict
        .keys()
        .iter()
        .map(|k| match k {
            Some(k) if usize::try_from(k).is_ok_and(|i| i < values.len() && values.is_valid(i)) => {
                k
            }
            _ => -1,
        })
        .collect();
    let texts = values
        .iter()
        .map(|v| v.unwrap_or_default().to_owned())
        .collect();
    Ok(Column::Texts { codes, texts })
}

/// Dates as day numbers; timestamps as whole seconds (UTC when zoned, else wall times).
fn instants(array: &ArrayRef) -> Result<Column, String> {
    let raw = cast(array, &DataType::Int64)?;
    let raw = raw.as_primitive::<Int64Type>();
    let each = |per: i64| -> Vec<i64> {
        raw.iter()
            .map(|v| v.map_or(NAT, |v| v.div_euclid(per)))
            .collect()
    };
    Ok(match array.data_type() {
        DataType::Date32 => Column::Days(each(1)),
        DataType::Date64 => Column::Days(each(DAY_MS)),
        DataType::Timestamp(unit, zone) => {
            let per = match unit {
                TimeUnit::Second => 1,
                TimeUnit::Millisecond => 1_000,
                TimeUnit::Microsecond => 1_000_000,
                TimeUnit::Nanosecond => 1_000_000_000,
            };
            Column::Seconds {
                seconds: each(per),
                utc: zone.is_some(),
            }
        }
        other => return Err(other.to_string()),
    })
}

/// A list per row (a case's events, a violation's flags).
fn list<O: OffsetSizeTrait>(
    array: &arrow_array::GenericListArray<O>,
    depth: usize,
) -> Result<Column, String> {
    if depth >= MAX_DEPTH {
        return Err(array.data_type().to_string());
    }
    let values = column_at(array.values(), depth + 1)?;
    let offsets = array.value_offsets();
    Ok(Column::Cells(
        offsets
            .windows(2)
            .enumerate()
            .map(|(i, w)| match (array.is_null(i), w) {
                (false, [start, end]) => Cell::List(
                    (start.as_usize()..end.as_usize())
                        .map(|j| values.cell(j))
                        .collect(),
                ),
                _ => Cell::Missing,
            })
            .collect(),
    ))
}
