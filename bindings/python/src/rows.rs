//! Input rows of `assess`, `decide` and the case calls: incidents, violations, cases and
//! rosters, from an iterable of dicts (or JSON lines) or a pandas DataFrame.
//!
//! The binding only turns Python values into the core's cells (`zhidu::rows::Cell`); the core
//! reads every row, so a dict, a DataFrame row, a CSV row in the CLI and a JavaScript object
//! are accepted and refused alike, with the same row errors. A DataFrame is read column by
//! column (one crossing per column, numeric and date columns as raw bytes).

use chrono::DateTime;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyBytes, PyDate, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple,
};
use zhidu::rows::{Cell, FromRow, Record, RosterEntry, RowError, RowProblem};
use zhidu::{Case, Incident, Start, ViolationRecord};

use crate::batch::{NAT, float64s, from_epoch_day, int64s};
use crate::convert;
use crate::error::{self, input, reading};

/// Longest rendering of a bad value in a message.
const MAX_SHOWN: usize = 40;

/// Deepest nesting of a row given as Python objects (events inside a case).
const MAX_DEPTH: usize = 32;

/// One DataFrame column as `zhidu._columns.column` flattened it.
enum Column<'py> {
    Objects(Bound<'py, PyList>),
    /// Codes into distinct texts (read once each), -1 for missing.
    Factorized(Vec<i64>, Vec<String>),
    Ints(Vec<i64>),
    Floats(Vec<f64>),
    /// None for NaT.
    Starts(Vec<Option<Start>>),
}

impl<'py> Column<'py> {
    fn len(&self) -> usize {
        match self {
            Column::Objects(list) => list.len(),
            Column::Factorized(codes, _) => codes.len(),
            Column::Ints(v) => v.len(),
            Column::Floats(v) => v.len(),
            Column::Starts(v) => v.len(),
        }
    }

    fn cell(&self, i: usize) -> Cell {
        match self {
            Column::Objects(list) => list.get_item(i).map_or(Cell::Missing, |o| cell(&o)),
            Column::Factorized(codes, texts) => codes
                .get(i)
                .and_then(|&c| usize::try_from(c).ok())
                .and_then(|c| texts.get(c))
                .map_or(Cell::Missing, |t| Cell::Text(t.clone())),
            Column::Ints(v) => v.get(i).map_or(Cell::Missing, |&x| Cell::Integer(x)),
            Column::Floats(v) => match v.get(i) {
                Some(&f) if !f.is_nan() => Cell::Float(f),
                _ => Cell::Missing,
            },
            Column::Starts(v) => match v.get(i) {
                Some(Some(s)) => Cell::Instant(*s),
                _ => Cell::Missing,
            },
        }
    }
}

/// A DataFrame's columns.
struct Frame<'py> {
    rows: usize,
    columns: Vec<(String, Column<'py>)>,
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_owned())
}

/// A short rendering of a value for a message.
fn shown(obj: &Bound<'_, PyAny>) -> String {
    let text = obj
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| type_name(obj));
    if text.chars().count() > MAX_SHOWN {
        let cut: String = text.chars().take(MAX_SHOWN).collect();
        format!("{cut}…")
    } else {
        text
    }
}

fn raise(py: Python<'_>, message: String, hint: Option<&str>) -> PyErr {
    error::raise(py, &input(message, hint), None)
}

/// The columns of a pandas DataFrame, or None when `obj` is not one.
fn frame<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Option<Frame<'py>>> {
    if obj.is_instance_of::<PyList>()
        || obj.is_instance_of::<PyTuple>()
        || obj.is_instance_of::<PyDict>()
        || obj.is_instance_of::<PyString>()
    {
        return Ok(None);
    }
    let py = obj.py();
    let got = reading(
        py,
        what,
        py.import("zhidu._columns")
            .and_then(|m| m.call_method1("frame", (obj,))),
    )?;
    if got.is_none() {
        return Ok(None);
    }
    let rows: usize = reading(py, what, got.get_item(0).and_then(|x| x.extract()))?;
    let mut columns = Vec::new();
    for item in reading(py, what, got.get_item(1).and_then(|c| c.try_iter()))? {
        let item = reading(py, what, item)?;
        let name = reading(py, what, item.get_item(0))?;
        let Some(name) = name
            .cast::<PyString>()
            .ok()
            .and_then(|s| s.to_cow().ok().map(|s| s.into_owned()))
        else {
            return Err(raise(
                py,
                format!("{what}: column names must be strings, not {}", shown(&name)),
                None,
            ));
        };
        let tag: String = reading(py, what, item.get_item(1).and_then(|t| t.extract()))?;
        let payload = reading(py, what, item.get_item(2))?;
        let bytes = |p: Bound<'py, PyAny>| -> PyResult<Vec<u8>> {
            reading(
                py,
                what,
                p.cast_into::<PyBytes>()
                    .map(|b| b.as_bytes().to_vec())
                    .map_err(PyErr::from),
            )
        };
        let column = match tag.as_str() {
            "days" => Column::Starts(
                int64s(&bytes(payload)?)
                    .into_iter()
                    .map(|d| {
                        (d != NAT)
                            .then(|| from_epoch_day(d))
                            .flatten()
                            .map(Start::Date)
                    })
                    .collect(),
            ),
            "seconds" | "utc_seconds" => {
                let utc = tag == "utc_seconds";
                Column::Starts(
                    int64s(&bytes(payload)?)
                        .into_iter()
                        .map(|s| {
                            let t = DateTime::from_timestamp(s, 0).filter(|_| s != NAT)?;
                            Some(if utc {
                                Start::Instant(t.fixed_offset())
                            } else {
                                Start::Local(t.naive_utc())
                            })
                        })
                        .collect(),
                )
            }
            "factorized" => {
                let codes = bytes(reading(py, what, payload.get_item(0))?)?;
                let values = reading(py, what, payload.get_item(1).and_then(|v| v.try_iter()))?;
                let mut texts = Vec::new();
                for v in values {
                    let v = reading(py, what, v)?;
                    let text = reading(
                        py,
                        what,
                        v.cast::<PyString>()
                            .map_err(PyErr::from)
                            .and_then(|s| s.to_cow().map(|s| s.into_owned())),
                    )?;
                    texts.push(text);
                }
                Column::Factorized(int64s(&codes), texts)
            }
            "ints" => Column::Ints(int64s(&bytes(payload)?)),
            "floats" => Column::Floats(float64s(&bytes(payload)?)),
            _ => Column::Objects(reading(
                py,
                what,
                payload.cast_into::<PyList>().map_err(PyErr::from),
            )?),
        };
        if column.len() != rows {
            return Err(raise(
                py,
                format!(
                    "{what}: column `{name}` has {} values for {rows} rows",
                    column.len()
                ),
                None,
            ));
        }
        columns.push((name, column));
    }
    Ok(Some(Frame { rows, columns }))
}

/// Where each field of `schema` is among a frame's columns. A column that is no field, or a
/// required field without a column, concerns every row: the call fails with an `InputError`.
fn layout(
    py: Python<'_>,
    frame: &Frame<'_>,
    schema: &zhidu::rows::Schema,
    what: &str,
) -> PyResult<Vec<Option<usize>>> {
    for (name, _) in &frame.columns {
        if schema.field(name).is_none() {
            let close = zhidu::closest(name, schema.fields.iter().map(|f| f.name))
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            return Err(raise(
                py,
                format!("{what}: the DataFrame has a column `{name}` that is not a field{close}"),
                Some(&format!("{}; select those columns first", schema.hint)),
            ));
        }
    }
    let mut at = Vec::with_capacity(schema.fields.len());
    for f in schema.fields {
        let col = frame
            .columns
            .iter()
            .position(|(n, _)| schema.field(n) == Some(f));
        if col.is_none() && f.required {
            return Err(raise(
                py,
                format!("{what}: the DataFrame has no column `{}`", f.name),
                Some(schema.hint),
            ));
        }
        at.push(col);
    }
    Ok(at)
}

/// A Python value as the core's cell: None, NaN, NaT and pandas' NA are missing; dates,
/// datetimes, pandas Timestamps and numpy datetime64 are instants; dicts are records.
pub(crate) fn cell(obj: &Bound<'_, PyAny>) -> Cell {
    cell_at(obj, 0)
}

fn cell_at(obj: &Bound<'_, PyAny>, depth: usize) -> Cell {
    if depth > MAX_DEPTH {
        return Cell::Other(format!("a value nested deeper than {MAX_DEPTH} levels"));
    }
    if is_missing(obj) {
        return Cell::Missing;
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Cell::Bool(b.is_true());
    }
    if obj.is_instance_of::<PyInt>() {
        // An int beyond i64 is kept as its digits: an id still reads, a count is refused.
        return obj.extract::<i64>().map_or_else(
            |_| Cell::Text(obj.str().map(|s| s.to_string()).unwrap_or_default()),
            Cell::Integer,
        );
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Cell::Float(f.value());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_cow().map_or_else(
            |_| Cell::Other("a string that is not UTF-8".to_owned()),
            |t| Cell::Text(t.into_owned()),
        );
    }
    if obj.is_instance_of::<PyDate>() || type_name(obj) == "datetime64" {
        return match convert::start(obj) {
            Ok(s) => Cell::Instant(s),
            Err(e) => Cell::Other(format!("a date that cannot be read ({e})")),
        };
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        return record(d, depth);
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let Ok(items) = obj.try_iter() else {
            return Cell::Other(shown(obj));
        };
        return Cell::List(
            items
                .map(|item| {
                    item.map_or_else(
                        |_| Cell::Other("a value that cannot be read".to_owned()),
                        |i| cell_at(&i, depth + 1),
                    )
                })
                .collect(),
        );
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        if let Ok(d) = m
            .items()
            .and_then(|items| PyDict::from_sequence(items.as_any()))
        {
            return record(&d, depth);
        }
    }
    // numpy scalars: integers, then floats.
    if obj.hasattr("dtype").unwrap_or(false) {
        if let Ok(i) = obj
            .call_method0("__index__")
            .and_then(|i| i.extract::<i64>())
        {
            return Cell::Integer(i);
        }
        if let Ok(f) = obj.extract::<f64>() {
            return Cell::Float(f);
        }
    }
    Cell::Other(format!("a `{}`", type_name(obj)))
}

fn record(d: &Bound<'_, PyDict>, depth: usize) -> Cell {
    Cell::Record(
        d.iter()
            .map(|(k, v)| {
                let key = k
                    .cast::<PyString>()
                    .ok()
                    .and_then(|s| s.to_cow().ok().map(|s| s.into_owned()))
                    .unwrap_or_else(|| shown(&k));
                (key, cell_at(&v, depth + 1))
            })
            .collect(),
    )
}

/// None, NaN, NaT and pandas' NA: an absent value.
fn is_missing(obj: &Bound<'_, PyAny>) -> bool {
    if obj.is_none() {
        return true;
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyInt>() {
        return false;
    }
    matches!(type_name(obj).as_str(), "NaTType" | "NAType")
}

/// One row given as a JSON text (a line of a JSON Lines file), as a cell.
fn json_cell(text: &str, kind: &'static str) -> Result<Cell, RowError> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(|v| Cell::from_json(&v))
        .map_err(|e| {
            let detail = e.to_string();
            let detail = detail
                .rfind(" at line ")
                .and_then(|i| detail.get(..i))
                .unwrap_or(&detail)
                .to_owned();
            RowError::new(kind, RowProblem::NotJson { detail })
        })
}

/// A row item (a dict, a mapping, or a JSON text) as a cell.
fn item_cell(item: &Bound<'_, PyAny>, kind: &'static str) -> Result<Cell, RowError> {
    match item.cast::<PyString>() {
        Ok(s) => match s.to_cow() {
            Ok(text) => json_cell(&text, kind),
            Err(_) => Ok(Cell::Other("a string that is not UTF-8".to_owned())),
        },
        Err(_) => Ok(cell(item)),
    }
}

/// One row of kind `T` (a dict, a mapping or a JSON text), numbered `number` (from 1).
pub(crate) fn one<T: FromRow>(item: &Bound<'_, PyAny>, number: usize) -> Result<T, zhidu::Error> {
    item_cell(item, T::SCHEMA.kind)
        .and_then(|c| zhidu::rows::read::<T>(c, number))
        .map_err(|e| e.at(number).into())
}

/// Every row of `obj` (a DataFrame, or an iterable of dicts or JSON texts), each read by the
/// core on its own and numbered from 1.
fn read<T: FromRow>(
    obj: &Bound<'_, PyAny>,
    plural: &str,
) -> PyResult<Vec<Result<T, zhidu::Error>>> {
    let py = obj.py();
    if let Some(frame) = frame(obj, plural)? {
        let at = layout(py, &frame, T::SCHEMA, plural)?;
        let columns: Vec<Option<&Column<'_>>> = at
            .iter()
            .map(|c| c.and_then(|c| frame.columns.get(c)).map(|(_, col)| col))
            .collect();
        let mut out = Vec::with_capacity(frame.rows);
        // One row's cells, allocated once and filled again for every row.
        let mut cells: Vec<Cell> = Vec::with_capacity(columns.len());
        for i in 0..frame.rows {
            cells.clear();
            cells.extend(
                columns
                    .iter()
                    .map(|c| c.map_or(Cell::Missing, |col| col.cell(i))),
            );
            let mut record = Record::new(T::SCHEMA, cells);
            out.push(T::from_record(&mut record).map_err(|e| e.at(i + 1).into()));
            cells = record.into_cells();
        }
        return Ok(out);
    }
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyDict>() {
        return Err(raise(
            py,
            format!(
                "`{plural}` must be an iterable of dicts or a pandas DataFrame, not {}",
                type_name(obj)
            ),
            Some("wrap a single row in a list"),
        ));
    }
    let mut out = Vec::with_capacity(obj.len().unwrap_or(0));
    for (i, item) in reading(py, plural, obj.try_iter())?.enumerate() {
        // An iterator that fails ends the call: it may not be able to go on.
        let item = reading(py, plural, item)?;
        out.push(one::<T>(&item, i + 1));
    }
    Ok(out)
}

/// Incident rows for `AssessRequest::incident_rows`.
pub(crate) fn incidents(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Result<Incident, zhidu::Error>>> {
    read(obj, "incidents")
}

/// Violation rows for `Policy::decide`.
pub(crate) fn violations(
    obj: &Bound<'_, PyAny>,
) -> PyResult<Vec<Result<ViolationRecord, zhidu::Error>>> {
    read(obj, "violations")
}

/// Case rows for `AssessRequest::case_rows`: dicts as a case log line has them (or its JSON
/// text), or a DataFrame of them. Naive datetimes are wall times of the case policy's zone.
pub(crate) fn cases(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Result<Case, zhidu::Error>>> {
    read(obj, "cases")
}

/// `(person, window)` pairs: a dict `{person: window}`, pairs, dicts with `subject` and
/// `window`, or a DataFrame with those columns. A bad entry fails the call, with its row.
pub(crate) fn roster(obj: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let py = obj.py();
    let pair = |s: &Bound<'_, PyAny>, w: &Bound<'_, PyAny>| {
        Cell::Record(vec![
            ("subject".to_owned(), cell(s)),
            ("window".to_owned(), cell(w)),
        ])
    };
    let rows: Vec<Result<RosterEntry, zhidu::Error>> = if let Ok(d) = obj.cast::<PyDict>() {
        d.iter()
            .enumerate()
            .map(|(i, (k, v))| zhidu::rows::read(pair(&k, &v), i + 1).map_err(Into::into))
            .collect()
    } else if frame_like(obj) {
        read(obj, "roster")?
    } else {
        let mut out = Vec::new();
        for (i, item) in reading(py, "roster", obj.try_iter())?.enumerate() {
            let item = reading(py, "roster", item)?;
            let is_pair = (item.is_instance_of::<PyTuple>() || item.is_instance_of::<PyList>())
                && item.len().is_ok_and(|n| n == 2);
            let row = match (is_pair, item.get_item(0), item.get_item(1)) {
                (true, Ok(s), Ok(w)) => zhidu::rows::read(pair(&s, &w), i + 1).map_err(Into::into),
                _ => one::<RosterEntry>(&item, i + 1),
            };
            out.push(row);
        }
        out
    };
    rows.into_iter()
        .map(|r| r.map(|e| e.pair()).map_err(|e| error::raise(py, &e, None)))
        .collect()
}

/// Whether `obj` may be a DataFrame (not a builtin container or text).
fn frame_like(obj: &Bound<'_, PyAny>) -> bool {
    !(obj.is_instance_of::<PyList>()
        || obj.is_instance_of::<PyTuple>()
        || obj.is_instance_of::<PyDict>()
        || obj.is_instance_of::<PyString>())
        && obj.hasattr("columns").unwrap_or(false)
}
