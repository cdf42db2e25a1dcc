//! Input rows of `assess`, `decide`, `report` and the case calls: incidents, violations,
//! cases and rosters, from an iterable of dicts (or JSON lines) or a pandas DataFrame.
//!
//! The binding only turns Python values into the core's cells (`zhidu::rows::Cell`) and a
//! DataFrame's columns into the core's columns (`zhidu::rows::Column`: one crossing per
//! column, numeric and date columns as raw bytes, texts once each); the core reads every row,
//! so a dict, a DataFrame row, a CSV row in the CLI and a JavaScript object are accepted and
//! refused alike, with the same row errors.

use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyBytes, PyDate, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple,
};
use zhidu::rows::{Cell, Column, FromRow, Record, RosterEntry, Schema};
use zhidu::{Case, Incident, ViolationRecord};

use crate::Obj;
use crate::batch::{float64s, int64s};
use crate::convert::{self, type_name};
use crate::error::{self, OrRaise, input, reading};

/// Longest rendering of a bad value in a message.
const MAX_SHOWN: usize = 40;

/// Deepest nesting of a row given as Python objects (events inside a case).
const MAX_DEPTH: usize = 32;

/// A short rendering of a value for a message.
fn shown(obj: &Obj) -> String {
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

/// Whether `obj` is a list or a tuple: rows, never a table.
fn builtin(obj: &Obj) -> bool {
    obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>()
}

/// What a batch call of rows takes (the `TypeError` of anything else names it).
const ROWS: &str =
    "an iterable of dicts, a pandas or polars DataFrame, a pyarrow Table or a dict of columns";

/// `InputError` (a `TypeError`) for rows given in a container that is not read as rows.
fn not_rows(obj: &Obj, plural: &str, hint: Option<&str>) -> PyErr {
    let got = format!("`{}`", type_name(obj));
    let message = format!("`{plural}` must be {ROWS}, not {got}");
    raise(obj.py(), message, hint)
}

/// A DataFrame's row count and named columns.
pub(crate) type Frame = (usize, Vec<(String, Column)>);

/// A table (a pandas or polars DataFrame, a pyarrow Table, a dict of columns) as its row
/// count and the core's columns (`zhidu._columns.frame` flattens each column by its dtype),
/// or None when `obj` is to be iterated row by row. A container whose iteration gives no rows
/// (a Series, an array, text, a dict that is one row) is refused with `InputError`, which is
/// a `TypeError`, naming what to pass.
fn frame(obj: &Obj, what: &str) -> PyResult<Option<Frame>> {
    if builtin(obj) {
        return Ok(None);
    }
    if crate::arrow::exports(obj) {
        // An Arrow table (pyarrow, polars, DuckDB …); one column is no rows.
        return match crate::arrow::frame(obj, what)? {
            Some(frame) => Ok(Some(frame)),
            None => Err(not_rows(obj, what, None)),
        };
    }
    let py = obj.py();
    let got = py
        .import("zhidu._columns")
        .and_then(|m| m.call_method1("frame", (obj,)));
    let got = match got {
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyTypeError>(py) => {
            return Err(not_rows(obj, what, None));
        }
        got => reading(py, what, got)?,
    };
    if got.is_none() && obj.is_instance_of::<PyDict>() {
        return Err(not_rows(obj, what, Some("wrap a single row in a list")));
    }
    if got.is_none() {
        return Ok(None);
    }
    reading(py, what, columns(&got, what)).map(Some)
}

/// The columns `zhidu._columns.frame` gave, `(rows, [(name, tag, payload), …])`, decoded.
fn columns(got: &Obj, what: &str) -> PyResult<Frame> {
    let py = got.py();
    let bytes = |p: &Obj| -> PyResult<Vec<i64>> { Ok(int64s(p.cast::<PyBytes>()?.as_bytes())) };
    let mut columns = Vec::new();
    for item in got.get_item(1)?.try_iter()? {
        let item = item?;
        let name = item.get_item(0)?;
        let Ok(name) = name.cast::<PyString>().map(|s| s.to_string()) else {
            let message = format!("{what}: column names must be strings, not {}", shown(&name));
            return Err(raise(py, message, None));
        };
        let tag: String = item.get_item(1)?.extract()?;
        let payload = item.get_item(2)?;
        let column = match tag.as_str() {
            "days" => Column::Days(bytes(&payload)?),
            "seconds" | "utc_seconds" => Column::Seconds {
                seconds: bytes(&payload)?,
                utc: tag == "utc_seconds",
            },
            "factorized" => Column::Texts {
                codes: bytes(&payload.get_item(0)?)?,
                texts: payload.get_item(1)?.extract()?,
            },
            "ints" => Column::Integers(bytes(&payload)?),
            "floats" => Column::Floats(float64s(payload.cast::<PyBytes>()?.as_bytes())),
            _ => Column::Cells(
                payload
                    .try_iter()?
                    .map(|o| o.map(|o| cell(&o)))
                    .collect::<PyResult<_>>()?,
            ),
        };
        columns.push((name, column));
    }
    Ok((got.get_item(0)?.extract()?, columns))
}

/// A Python value as the core's cell: None, NaN, NaT and pandas' NA are missing; dates,
/// datetimes, pandas Timestamps and numpy datetime64 are instants; dicts are records.
pub(crate) fn cell(obj: &Obj) -> Cell {
    cell_at(obj, 0)
}

fn cell_at(obj: &Obj, depth: usize) -> Cell {
    if depth > MAX_DEPTH {
        return Cell::Other(format!("a value nested deeper than {MAX_DEPTH} levels"));
    }
    if obj.is_none() {
        return Cell::Missing;
    }
    // The common types first: pandas' NaT and NA are known by their type's name, which
    // costs an allocation.
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_cow().map_or_else(
            |_| Cell::Other("a string that is not UTF-8".to_owned()),
            |t| Cell::Text(t.into_owned()),
        );
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
        return if f.value().is_nan() {
            Cell::Missing
        } else {
            Cell::Float(f.value())
        };
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        return record(d, depth);
    }
    let kind = type_name(obj);
    if matches!(kind.as_str(), "NaTType" | "NAType") {
        return Cell::Missing;
    }
    if obj.is_instance_of::<PyDate>() || kind == "datetime64" {
        return match convert::start(obj) {
            Ok(s) => Cell::Instant(s),
            Err(e) => Cell::Other(format!("a date that cannot be read ({e})")),
        };
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
    Cell::Other(format!("a `{kind}`"))
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

/// One row of kind `T` (a dict, a mapping or a JSON text), numbered `number` (from 1).
pub(crate) fn one<T: FromRow>(item: &Obj, number: usize) -> Result<T, zhidu::Error> {
    Keys::default().row(item, number)
}

/// The field of each key object met in a batch's dicts: the rows of a batch share their key
/// strings, so each is read once, and a dict's values go straight to their field's place in
/// one record filled again for every row.
#[derive(Default)]
struct Keys {
    known: Vec<(Py<PyAny>, Option<usize>)>,
    record: Option<Record>,
}

/// At most this many distinct key objects are remembered.
const MAX_KEYS: usize = 64;

impl Keys {
    fn row<T: FromRow>(&mut self, item: &Obj, number: usize) -> Result<T, zhidu::Error> {
        if let Ok(d) = item.cast::<PyDict>() {
            let mut record = self
                .record
                .take()
                .unwrap_or_else(|| Record::new(T::SCHEMA, Vec::new()));
            let row = if self.fill(&mut record, T::SCHEMA, d) {
                Some(record.read::<T>().map_err(|e| e.at(number).into()))
            } else {
                record.clear();
                None
            };
            self.record = Some(record);
            if let Some(row) = row {
                return row;
            }
        }
        let row = match item.cast::<PyString>().map(|s| s.to_cow()) {
            Ok(Ok(text)) => zhidu::rows::read_json_line(&text, number),
            Ok(Err(_)) => {
                let not_utf8 = Cell::Other("a string that is not UTF-8".to_owned());
                zhidu::rows::read(not_utf8, number)
            }
            Err(_) => zhidu::rows::read(cell(item), number),
        };
        row.map_err(Into::into)
    }

    /// Put a dict's values at their fields' places; false when a key is no field (the core
    /// then reads the dict as a record and says which).
    fn fill(&mut self, record: &mut Record, schema: &Schema, d: &Bound<'_, PyDict>) -> bool {
        for (k, v) in d.iter() {
            let known = self
                .known
                .iter()
                .find(|(key, _)| key.as_ptr() == k.as_ptr());
            let at = match known {
                Some((_, at)) => *at,
                None => {
                    let key = k.cast::<PyString>().ok().and_then(|s| s.to_cow().ok());
                    let at = key.and_then(|key| schema.position(&key));
                    if self.known.len() < MAX_KEYS {
                        self.known.push((k.clone().unbind(), at));
                    }
                    at
                }
            };
            let Some(at) = at else {
                return false;
            };
            record.set(at, cell_at(&v, 1));
        }
        true
    }
}

/// Every row of `obj` (a DataFrame, or an iterable of dicts or JSON texts), each read by the
/// core on its own and numbered from 1.
fn read<T: FromRow>(obj: &Obj, plural: &str) -> PyResult<Vec<Result<T, zhidu::Error>>> {
    let py = obj.py();
    if let Some((rows, columns)) = frame(obj, plural)? {
        return zhidu::rows::read_frame(plural, rows, &columns).or_raise(py);
    }
    each(obj, plural)
}

/// Every row of an iterable of dicts or JSON texts, each read by the core on its own and
/// numbered from 1.
pub(crate) fn each<T: FromRow>(obj: &Obj, plural: &str) -> PyResult<Vec<Result<T, zhidu::Error>>> {
    let py = obj.py();
    let mut keys = Keys::default();
    let mut out = Vec::with_capacity(obj.len().unwrap_or(0));
    for (i, item) in reading(py, plural, obj.try_iter())?.enumerate() {
        // An iterator that fails ends the call: it may not be able to go on.
        let item = reading(py, plural, item)?;
        out.push(keys.row::<T>(&item, i + 1));
    }
    Ok(out)
}

/// Incident rows for `AssessRequest::incident_rows`.
pub(crate) fn incidents(obj: &Obj) -> PyResult<Vec<Result<Incident, zhidu::Error>>> {
    read(obj, "incidents")
}

/// Violation rows for `Policy::decide`.
pub(crate) fn violations(obj: &Obj) -> PyResult<Vec<Result<ViolationRecord, zhidu::Error>>> {
    read(obj, "violations")
}

/// Request rows for `Policy::access`.
pub(crate) fn requests(obj: &Obj) -> PyResult<Vec<Result<zhidu::AccessRequest, zhidu::Error>>> {
    read(obj, "requests")
}

/// Record rows for `Policy::retention`.
pub(crate) fn records(obj: &Obj) -> PyResult<Vec<Result<zhidu::RetentionRecord, zhidu::Error>>> {
    read(obj, "records")
}

/// Enterprise facts for `Policy::triggers`.
pub(crate) fn enterprises(
    obj: &Obj,
) -> PyResult<Vec<Result<zhidu::EnterpriseFacts, zhidu::Error>>> {
    read(obj, "facts")
}

/// Trainee rows for `Policy::subsidies`.
pub(crate) fn trainees(obj: &Obj) -> PyResult<Vec<Result<zhidu::Trainee, zhidu::Error>>> {
    read(obj, "trainees")
}

/// Case rows for `AssessRequest::case_rows`: dicts as a case log line has them (or its JSON
/// text), or a DataFrame of them. Naive datetimes are wall times of the case policy's zone.
pub(crate) fn cases(obj: &Obj) -> PyResult<Vec<Result<Case, zhidu::Error>>> {
    read(obj, "cases")
}

/// `(person, window)` pairs: a dict `{person: window}`, pairs, dicts with `subject` and
/// `window`, or a DataFrame with those columns. A bad entry fails the call, with its row.
pub(crate) fn roster(obj: &Obj) -> PyResult<Vec<(String, String)>> {
    let py = obj.py();
    let pair = |s: &Obj, w: &Obj, number| {
        zhidu::rows::read(RosterEntry::row(cell(s), cell(w)), number).map_err(Into::into)
    };
    let rows: Vec<Result<RosterEntry, zhidu::Error>> = if let Ok(d) = obj.cast::<PyDict>() {
        d.iter()
            .enumerate()
            .map(|(i, (k, v))| pair(&k, &v, i + 1))
            .collect()
    } else if !builtin(obj)
        && (obj.hasattr("columns").unwrap_or(false) || crate::arrow::exports(obj))
    {
        read(obj, "roster")?
    } else {
        let mut out = Vec::new();
        for (i, item) in reading(py, "roster", obj.try_iter())?.enumerate() {
            let item = reading(py, "roster", item)?;
            let is_pair = (item.is_instance_of::<PyTuple>() || item.is_instance_of::<PyList>())
                && item.len().is_ok_and(|n| n == 2);
            out.push(match (is_pair, item.get_item(0), item.get_item(1)) {
                (true, Ok(s), Ok(w)) => pair(&s, &w, i + 1),
                _ => one::<RosterEntry>(&item, i + 1),
            });
        }
        out
    };
    rows.into_iter()
        .map(|r| r.map(|e| e.pair()).or_raise(py))
        .collect()
}
