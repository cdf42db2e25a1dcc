//! A batch of incidents as the core's columns ([`zhidu::IncidentColumns`]): a dictionary
//! column maps straight onto a [`zhidu::TextColumn`] (its values once, its keys as codes), a
//! plain text column is dictionary-encoded once, a timestamp column without nulls is read in
//! place. A batch with a column of any other type (dates as text, floats, booleans) is left
//! to the row reader, which gives the same answers more slowly.

use std::borrow::Cow;
use std::collections::HashMap;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Int8Type, Int16Type, Int32Type, Int64Type, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt8Type, UInt16Type,
    UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrowPrimitiveType, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use zhidu::columns::NAT;
use zhidu::{IncidentColumns, InstantColumn, InstantUnit, TextColumn};

use crate::column::{integer_at, integers, is_text, strings};

/// A text column's values and each row's position among them.
pub(crate) struct Texts<'b> {
    values: Vec<Cow<'b, str>>,
    codes: Vec<u32>,
}

/// The `at` column as integers.
enum At<'b> {
    Borrowed(&'b [i64], InstantUnit, bool),
    Owned(Vec<i64>, InstantUnit, bool),
    Days(Vec<i64>),
}

/// A batch of incidents read into columns the core scores in place.
pub(crate) struct Columns<'b> {
    texts: Vec<(&'static str, Texts<'b>)>,
    at: At<'b>,
    quantity: Option<Vec<Option<i64>>>,
    points: Option<Vec<Option<i64>>>,
}

/// Fields whose texts repeat (people, rules, windows): worth finding each text once.
const REPEATED: [&str; 5] = ["subject", "rule", "window", "department", "basis"];

impl<'b> Columns<'b> {
    /// The batch's columns, or `None` when a column needs the row reader (a type the column
    /// path does not take, a missing required column, a column that is no field: the row
    /// reader words those refusals).
    pub(crate) fn read(batch: &'b RecordBatch) -> Option<Columns<'b>> {
        let schema = batch.schema();
        let mut texts = Vec::new();
        let mut at = None;
        let mut quantity = None;
        let mut points = None;
        for (field, array) in schema.fields().iter().zip(batch.columns()) {
            let name = zhidu::rows::INCIDENT.field(field.name())?.name;
            let array = array.as_ref();
            match name {
                "at" => at = Some(instants(array)?),
                "quantity" => quantity = Some(wholes(array)?),
                "points" => points = Some(wholes(array)?),
                _ => texts.push((name, text(array, REPEATED.contains(&name))?)),
            }
        }
        let has = |f: &str| texts.iter().any(|(n, _)| *n == f);
        if !has("subject") || !has("rule") {
            return None;
        }
        Some(Columns {
            texts,
            at: at?,
            quantity,
            points,
        })
    }

    /// Score them: `score` gets the core's columns, borrowed from these.
    pub(crate) fn with<T>(&self, score: impl FnOnce(&IncidentColumns<'_>) -> T) -> T {
        let values: Vec<Vec<&str>> = self
            .texts
            .iter()
            .map(|(_, t)| t.values.iter().map(AsRef::as_ref).collect())
            .collect();
        let column = |name: &str| {
            self.texts
                .iter()
                .zip(&values)
                .find(|((n, _), _)| *n == name)
                .map(|((_, t), v)| TextColumn::new(v, &t.codes))
        };
        let empty = TextColumn::new(&[], &[]);
        let at = match &self.at {
            At::Borrowed(v, unit, true) => InstantColumn::Instants(v, *unit),
            At::Borrowed(v, unit, false) => InstantColumn::WallTimes(v, *unit),
            At::Owned(v, unit, true) => InstantColumn::Instants(v, *unit),
            At::Owned(v, unit, false) => InstantColumn::WallTimes(v, *unit),
            At::Days(v) => InstantColumn::Days(v),
        };
        let mut columns = IncidentColumns::new(
            column("subject").unwrap_or(empty),
            at,
            column("rule").unwrap_or(empty),
        );
        for name in ["window", "department", "case", "note", "basis", "ref"] {
            if let Some(t) = column(name) {
                columns = match name {
                    "window" => columns.window(t),
                    "department" => columns.department(t),
                    "case" => columns.case(t),
                    "note" => columns.note(t),
                    "basis" => columns.basis(t),
                    _ => columns.reference(t),
                };
            }
        }
        if let Some(q) = &self.quantity {
            columns = columns.quantity(q);
        }
        if let Some(p) = &self.points {
            columns = columns.points(p);
        }
        score(&columns)
    }
}

/// A text column: a dictionary of texts by its values and keys; texts (dictionary-encoded
/// once when `repeated`, else one value per row); integers by their digits. `None` for any
/// other type.
fn text(array: &dyn Array, repeated: bool) -> Option<Texts<'_>> {
    let n = array.len();
    match array.data_type() {
        DataType::Dictionary(_, v) if is_text(v) => {
            let dict = array.as_any_dictionary_opt()?;
            let values = strings(dict.values().as_ref())?
                .into_iter()
                .map(|t| Cow::Borrowed(t.unwrap_or_default()))
                .collect();
            let codes = keys(dict.keys())?;
            Some(Texts { values, codes })
        }
        t if is_text(t) => {
            let rows = strings(array)?;
            if !repeated {
                let codes = (0..n)
                    .map(|i| u32::try_from(i).unwrap_or(TextColumn::MISSING))
                    .zip(&rows)
                    .map(|(i, t)| if t.is_some() { i } else { TextColumn::MISSING })
                    .collect();
                let values = rows
                    .into_iter()
                    .map(|t| Cow::Borrowed(t.unwrap_or_default()));
                return Some(Texts {
                    values: values.collect(),
                    codes,
                });
            }
            let mut seen: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
            let mut values = Vec::new();
            let codes = rows
                .into_iter()
                .map(|t| match t {
                    None => TextColumn::MISSING,
                    Some(t) => *seen.entry(t).or_insert_with(|| {
                        values.push(Cow::Borrowed(t));
                        u32::try_from(values.len() - 1).unwrap_or(TextColumn::MISSING)
                    }),
                })
                .collect();
            Some(Texts { values, codes })
        }
        t if t.is_integer() => {
            // Ids that are integers are texts, as in every host: their digits.
            let mut seen: HashMap<Result<i64, u64>, u32, foldhash::fast::RandomState> =
                HashMap::default();
            let mut values = Vec::new();
            let codes = (0..n)
                .map(
                    |i| match integer_at(array, i).filter(|_| array.is_valid(i)) {
                        None => TextColumn::MISSING,
                        Some(v) => *seen.entry(v).or_insert_with(|| {
                            let digits = match v {
                                Ok(v) => v.to_string(),
                                Err(big) => big.to_string(),
                            };
                            values.push(Cow::Owned(digits));
                            u32::try_from(values.len() - 1).unwrap_or(TextColumn::MISSING)
                        }),
                    },
                )
                .collect();
            Some(Texts { values, codes })
        }
        DataType::Null => Some(Texts {
            values: Vec::new(),
            codes: vec![TextColumn::MISSING; n],
        }),
        _ => None,
    }
}

/// Dictionary keys as positions (`MISSING` for a null or a key no position can be).
fn keys(array: &dyn Array) -> Option<Vec<u32>> {
    fn typed<T>(array: &dyn Array) -> Option<Vec<u32>>
    where
        T: ArrowPrimitiveType,
        T::Native: TryInto<u32>,
    {
        let a = array.as_primitive_opt::<T>()?;
        let code = |k: T::Native| k.try_into().unwrap_or(TextColumn::MISSING);
        Some(if a.null_count() == 0 {
            a.values().iter().map(|&k| code(k)).collect()
        } else {
            a.iter()
                .map(|k| k.map_or(TextColumn::MISSING, code))
                .collect()
        })
    }
    match array.data_type() {
        DataType::Int8 => typed::<Int8Type>(array),
        DataType::Int16 => typed::<Int16Type>(array),
        DataType::Int32 => typed::<Int32Type>(array),
        DataType::Int64 => typed::<Int64Type>(array),
        DataType::UInt8 => typed::<UInt8Type>(array),
        DataType::UInt16 => typed::<UInt16Type>(array),
        DataType::UInt32 => typed::<UInt32Type>(array),
        DataType::UInt64 => typed::<UInt64Type>(array),
        _ => None,
    }
}

/// The values of a timestamp array, in place when it has no nulls.
fn stamps<T: ArrowPrimitiveType<Native = i64>>(
    array: &dyn Array,
    unit: InstantUnit,
    utc: bool,
) -> Option<At<'_>> {
    let a = array.as_primitive_opt::<T>()?;
    Some(if a.null_count() == 0 {
        At::Borrowed(a.values(), unit, utc)
    } else {
        At::Owned(a.iter().map(|v| v.unwrap_or(NAT)).collect(), unit, utc)
    })
}

/// The `at` column: a timestamp (with a zone: instants; without: wall times) or `Date32`.
fn instants(array: &dyn Array) -> Option<At<'_>> {
    match array.data_type() {
        DataType::Timestamp(unit, tz) => {
            let utc = tz.is_some();
            match unit {
                TimeUnit::Second => stamps::<TimestampSecondType>(array, InstantUnit::Second, utc),
                TimeUnit::Millisecond => {
                    stamps::<TimestampMillisecondType>(array, InstantUnit::Millisecond, utc)
                }
                TimeUnit::Microsecond => {
                    stamps::<TimestampMicrosecondType>(array, InstantUnit::Microsecond, utc)
                }
                TimeUnit::Nanosecond => {
                    stamps::<TimestampNanosecondType>(array, InstantUnit::Nanosecond, utc)
                }
            }
        }
        DataType::Date32 => Some(At::Days(
            array
                .as_primitive_opt::<Date32Type>()?
                .iter()
                .map(|d| d.map_or(NAT, i64::from))
                .collect(),
        )),
        _ => None,
    }
}

/// A quantity or points column of any integer type (a `UInt64` past `i64::MAX` is left to
/// the row reader, which refuses it with its row).
fn wholes(array: &dyn Array) -> Option<Vec<Option<i64>>> {
    if !array.data_type().is_integer() {
        return None;
    }
    if let Some(a) = array.as_primitive_opt::<Int64Type>() {
        return Some(a.iter().collect());
    }
    let values = integers(array)?;
    let lost = values
        .iter()
        .enumerate()
        .any(|(i, v)| v.is_none() && array.is_valid(i));
    (!lost).then_some(values)
}
