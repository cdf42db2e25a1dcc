//! Column calls: whole columns in, one crossing into Rust, the GIL released while the core
//! computes (`zhidu::columns`: chunks and threads are the core's), one result per row in
//! order. This file only converts columns. A bad row is NaT / None in the result and reported
//! with its index as the caller chose (`errors="warn" | "raise" | "collect"`).
//!
//! numpy and pandas columns are flattened to raw bytes by `zhidu._columns` (so neither is
//! needed to import zhidu); lists are read here.

use chrono::{DateTime, NaiveDate};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString, PyTuple};
use zhidu::columns::{DueColumns, DueOptions, LimitColumn as Limits, StartColumn as Starts};
pub(crate) use zhidu::columns::{NAT, epoch_day, from_epoch_day};
use zhidu::{Class, Start};

use crate::convert;
use crate::error::{self, input, reading};

const DAY: i64 = 86_400;

/// What to do with bad rows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Warn,
    Raise,
    Collect,
}

impl Mode {
    pub(crate) fn parse(obj: &Bound<'_, PyAny>) -> PyResult<Mode> {
        let py = obj.py();
        match obj
            .cast::<PyString>()
            .ok()
            .and_then(|s| s.to_cow().ok())
            .as_deref()
        {
            Some("warn") => Ok(Mode::Warn),
            Some("raise") => Ok(Mode::Raise),
            Some("collect") => Ok(Mode::Collect),
            _ => Err(error::raise(
                py,
                &input(
                    format!(
                        "`errors` must be \"warn\", \"raise\" or \"collect\", not {}",
                        repr(obj)
                    ),
                    None,
                ),
                None,
            )),
        }
    }
}

fn repr(obj: &Bound<'_, PyAny>) -> String {
    obj.repr().map(|r| r.to_string()).unwrap_or_default()
}

/// Bad rows, by index: conversion problems found here and the core's per-row errors.
pub(crate) type RowErrors = Vec<(usize, zhidu::Error)>;

/// Little-endian int64s (what `ndarray.astype("<i8").tobytes()` gives).
pub(crate) fn int64s(bytes: &[u8]) -> Vec<i64> {
    bytes
        .chunks_exact(8)
        .map(|c| <[u8; 8]>::try_from(c).map_or(NAT, i64::from_le_bytes))
        .collect()
}

pub(crate) fn float64s(bytes: &[u8]) -> Vec<f64> {
    bytes
        .chunks_exact(8)
        .map(|c| <[u8; 8]>::try_from(c).map_or(f64::NAN, f64::from_le_bytes))
        .collect()
}

fn missing(what: &str) -> zhidu::Error {
    input(format!("{what} is missing (NaT or None)"), None)
}

/// Read the `accepted_at` column. Rows that cannot be read get a placeholder and an error.
fn read_starts(obj: &Bound<'_, PyAny>, class: &Class<'_>, bad: &mut RowErrors) -> PyResult<Starts> {
    let py = obj.py();
    let list = if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        obj.clone()
    } else {
        let tagged = reading(
            py,
            "accepted_at",
            py.import("zhidu._columns")
                .and_then(|m| m.call_method1("starts", (obj,))),
        )?;
        let tag: String = reading(
            py,
            "accepted_at",
            tagged.get_item(0).and_then(|t| t.extract()),
        )?;
        let payload = reading(py, "accepted_at", tagged.get_item(1))?;
        match tag.as_str() {
            "days" => {
                let bytes = reading(
                    py,
                    "accepted_at",
                    payload.cast_into::<PyBytes>().map_err(PyErr::from),
                )?;
                let mut days = int64s(bytes.as_bytes());
                for (i, d) in days.iter_mut().enumerate() {
                    if *d == NAT {
                        bad.push((i, missing("the start")));
                        *d = 0;
                    }
                }
                return Ok(Starts::Days(days));
            }
            "seconds" | "utc_seconds" => {
                let bytes = reading(
                    py,
                    "accepted_at",
                    payload.cast_into::<PyBytes>().map_err(PyErr::from),
                )?;
                let seconds = int64s(bytes.as_bytes());
                return Ok(from_seconds(&seconds, tag == "utc_seconds", class, bad));
            }
            _ => payload,
        }
    };
    let mut starts = Vec::with_capacity(list.len().unwrap_or(0));
    for (i, item) in reading(py, "accepted_at", list.try_iter())?.enumerate() {
        // An iterator that fails ends the call: it may not be able to go on.
        let item = reading(py, "accepted_at", item)?;
        match convert::start(&item) {
            Ok(s) => starts.push(s),
            Err(e) => {
                bad.push((i, e));
                starts.push(Start::Date(NaiveDate::MIN));
            }
        }
    }
    // A column of plain dates takes the day-number fast path.
    if class.unit().is_days() && starts.iter().all(|s| matches!(s, Start::Date(_))) {
        return Ok(Starts::Days(
            starts
                .iter()
                .map(|s| match s {
                    Start::Date(d) => epoch_day(*d),
                    _ => 0,
                })
                .collect(),
        ));
    }
    Ok(Starts::Starts(starts))
}

/// Seconds since 1970 (`utc`: instants; else wall times in the calendar's zone). A naive
/// column of midnights is a column of dates for a day-counting class.
fn from_seconds(seconds: &[i64], utc: bool, class: &Class<'_>, bad: &mut RowErrors) -> Starts {
    if !utc && class.unit().is_days() && seconds.iter().all(|&s| s == NAT || s.rem_euclid(DAY) == 0)
    {
        let mut days: Vec<i64> = seconds.iter().map(|&s| s.div_euclid(DAY)).collect();
        for (i, (&s, d)) in seconds.iter().zip(days.iter_mut()).enumerate() {
            if s == NAT {
                bad.push((i, missing("the start")));
                *d = 0;
            }
        }
        return Starts::Days(days);
    }
    let mut starts = Vec::with_capacity(seconds.len());
    for (i, &s) in seconds.iter().enumerate() {
        match DateTime::from_timestamp(s, 0).filter(|_| s != NAT) {
            Some(t) if utc => starts.push(Start::Instant(t.fixed_offset())),
            Some(t) => starts.push(Start::Local(t.naive_utc())),
            None => {
                bad.push((i, missing("the start")));
                starts.push(Start::Date(NaiveDate::MIN));
            }
        }
    }
    Starts::Starts(starts)
}

/// Read the `days` column: None, one int for every row, or one value per row.
fn read_limits(obj: Option<&Bound<'_, PyAny>>, n: usize, bad: &mut RowErrors) -> PyResult<Limits> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(Limits::Default);
    };
    let py = obj.py();
    let scalar = obj.is_instance_of::<PyString>()
        || obj.is_instance_of::<pyo3::types::PyFloat>()
        || (obj.hasattr("__index__").unwrap_or(false) && !obj.hasattr("__len__").unwrap_or(false));
    if scalar {
        return match convert::days(obj) {
            Ok(Some(d)) => Ok(Limits::Same(d)),
            Ok(None) => Ok(Limits::Default),
            Err(e) => Err(error::raise(py, &e, None)),
        };
    }
    let list = if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        obj.clone()
    } else {
        let tagged = reading(
            py,
            "days",
            py.import("zhidu._columns")
                .and_then(|m| m.call_method1("days", (obj,))),
        )?;
        let tag: String = reading(py, "days", tagged.get_item(0).and_then(|t| t.extract()))?;
        let payload = reading(py, "days", tagged.get_item(1))?;
        match tag.as_str() {
            "u32" => {
                let bytes = reading(
                    py,
                    "days",
                    payload.cast_into::<PyBytes>().map_err(PyErr::from),
                )?;
                let rows = bytes
                    .as_bytes()
                    .chunks_exact(4)
                    .map(|c| <[u8; 4]>::try_from(c).map_or(0, u32::from_le_bytes))
                    .collect();
                return Ok(Limits::Given(rows));
            }
            "ints" => {
                let bytes = reading(
                    py,
                    "days",
                    payload.cast_into::<PyBytes>().map_err(PyErr::from),
                )?;
                let rows = int64s(bytes.as_bytes())
                    .into_iter()
                    .enumerate()
                    .map(|(i, d)| match u32::try_from(d) {
                        Ok(d) => Some(d),
                        Err(_) => {
                            bad.push((i, bad_days(&d.to_string())));
                            Some(0)
                        }
                    })
                    .collect();
                return Ok(Limits::Rows(rows));
            }
            "floats" => {
                let bytes = reading(
                    py,
                    "days",
                    payload.cast_into::<PyBytes>().map_err(PyErr::from),
                )?;
                let rows = float64s(bytes.as_bytes())
                    .into_iter()
                    .enumerate()
                    .map(|(i, f)| {
                        if f.is_nan() {
                            return None;
                        }
                        convert::float_days(f).or_else(|| {
                            bad.push((i, bad_days(&f.to_string())));
                            Some(0)
                        })
                    })
                    .collect();
                return Ok(Limits::Rows(rows));
            }
            _ => payload,
        }
    };
    let mut rows = Vec::with_capacity(n);
    for (i, item) in reading(py, "days", list.try_iter())?.enumerate() {
        let item = reading(py, "days", item)?;
        match convert::days(&item) {
            Ok(d) => rows.push(d),
            Err(e) => {
                bad.push((i, e));
                rows.push(Some(0));
            }
        }
    }
    Ok(Limits::Rows(rows))
}

fn bad_days(text: &str) -> zhidu::Error {
    input(
        format!("`days` must be a whole number from 0 to 4294967295, not `{text}`"),
        None,
    )
}

/// The computed columns: due dates as day numbers and due instants as Unix seconds
/// (`NAT` for bad rows), and the bad rows.
pub(crate) type Columns = DueColumns;

/// Read both columns and compute due dates (and, with `instants`, due instants) in the core.
pub(crate) fn due_columns(
    class: &Class<'_>,
    accepted_at: &Bound<'_, PyAny>,
    days: Option<&Bound<'_, PyAny>>,
    instants: bool,
) -> PyResult<Columns> {
    let py = accepted_at.py();
    let mut bad = Vec::new();
    let starts = read_starts(accepted_at, class, &mut bad)?;
    let limits = read_limits(days, starts.len(), &mut bad)?;
    let options = DueOptions {
        instants,
        details: false,
        threads: threads(),
    };
    let mut columns = py
        .detach(|| class.due_column(&starts, &limits, options))
        .map_err(|e| error::raise(py, &e, None))?;
    columns.merge(bad);
    Ok(columns)
}

/// Worker threads for big columns: `ZHIDU_THREADS` if set, else the machine's cores (≤ 8).
pub(crate) fn threads() -> usize {
    std::env::var("ZHIDU_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(usize::from)
                .unwrap_or(1)
                .min(8)
        })
        .max(1)
}

/// int64s as a `bytearray` (writable, so `numpy.frombuffer` gives a writable array).
pub(crate) fn int64_bytes<'py>(
    py: Python<'py>,
    values: &[i64],
) -> PyResult<Bound<'py, PyByteArray>> {
    PyByteArray::new_with(py, values.len() * 8, |buf| {
        for (chunk, v) in buf.chunks_exact_mut(8).zip(values) {
            chunk.copy_from_slice(&v.to_le_bytes());
        }
        Ok(())
    })
}

/// Day numbers as numpy `datetime64[D]` when numpy is installed, else a list of
/// `datetime.date` / None.
pub(crate) fn date_column<'py>(py: Python<'py>, days: &[i64]) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(np) = py.import("numpy") {
        let bytes = int64_bytes(py, days)?;
        return np.call_method1("frombuffer", (bytes, "<M8[D]"));
    }
    let list = PyList::empty(py);
    for &d in days {
        match from_epoch_day(d).filter(|_| d != NAT) {
            Some(date) => list.append(convert::date(py, date)?)?,
            None => list.append(py.None())?,
        }
    }
    Ok(list.into_any())
}

/// Report bad rows as `mode` says. `Ok(Some(list))` is the `(index, error)` list of
/// `collect`; `raise` raises `InputError` for the first bad row (its own error as the cause);
/// `warn` warns once, `stacklevel` Python frames up (1: the caller of the native method).
pub(crate) fn report<'py>(
    py: Python<'py>,
    errors: &RowErrors,
    mode: Mode,
    n: usize,
    stacklevel: u32,
) -> PyResult<Option<Bound<'py, PyList>>> {
    match mode {
        Mode::Collect => {
            let list = PyList::empty(py);
            for (i, e) in errors {
                list.append((i, error::exception(py, e, Some(*i))?))?;
            }
            Ok(Some(list))
        }
        Mode::Raise => match errors.first() {
            None => Ok(None),
            Some((i, e)) => {
                let row = error::raise(py, e, Some(*i));
                let wrapped = error::raise(
                    py,
                    &zhidu::Error::Input {
                        message: format!("row {i}: {e}"),
                        hint: e.help(),
                    },
                    Some(*i),
                );
                wrapped.set_cause(py, Some(row));
                Err(wrapped)
            }
        },
        Mode::Warn => {
            if errors.is_empty() {
                return Ok(None);
            }
            let shown: Vec<String> = errors.iter().take(5).map(|(i, _)| i.to_string()).collect();
            let more = if errors.len() > 5 { ", …" } else { "" };
            let first = errors
                .first()
                .map(|(i, e)| format!("row {i}: {e}"))
                .unwrap_or_default();
            let message = format!(
                "{} of {n} rows failed (rows {}{more}); {first}; pass errors=\"collect\" to get every error or errors=\"raise\" to stop",
                errors.len(),
                shown.join(", ")
            );
            let indices: Vec<usize> = errors.iter().map(|(i, _)| *i).collect();
            let warning = error::row_warning(py)?.call1((message, errors.len(), indices))?;
            py.import("warnings")?
                .call_method1("warn", (warning, py.None(), stacklevel))?;
            Ok(None)
        }
    }
}
