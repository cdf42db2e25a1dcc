//! Input rows of `assess` and `decide`: incidents, violations, cases and rosters, from an
//! iterable of dicts (or JSON lines) or a pandas DataFrame.
//!
//! Each row is converted on its own into `Result<T, zhidu::Error>`, so a bad row (a value of
//! the wrong type, an unknown key, a missing field) is reported by the core with its 1-based
//! row number beside every other row's result. A DataFrame is read column by column (one
//! crossing per column, numeric and date columns as raw bytes); a row of it and the same row
//! as a dict are converted by the same code, so they give the same answer.

use std::rc::Rc;

use chrono::DateTime;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use zhidu::{Case, Incident, Start, ViolationRecord};

use crate::batch::{NAT, float64s, from_epoch_day, int64s};
use crate::convert;
use crate::error::{self, from_python, input, reading};

/// The keys of an incident, as the core's serde form names them.
const INCIDENT: &[&str] = &[
    "subject",
    "window",
    "department",
    "at",
    "rule",
    "quantity",
    "points",
    "case",
    "note",
    "basis",
    "ref",
];
const INCIDENT_REQUIRED: &[&str] = &["subject", "at", "rule"];
const INCIDENT_HINT: &str = "an incident has `subject`, `at` and `rule`, and optionally \
                             `window`, `department`, `quantity`, `points`, `case`, `note`, \
                             `basis` and `ref`";

/// The keys of a violation record.
const VIOLATION: &[&str] = &["subject", "at", "violation", "flags", "note"];
const VIOLATION_REQUIRED: &[&str] = &["subject", "at", "violation"];
const VIOLATION_HINT: &str = "a violation has `subject`, `at` and `violation`, and optionally \
                              `flags` (a list or a `;`-separated string) and `note`";

/// Longest rendering of a bad value in a message.
const MAX_SHOWN: usize = 40;

/// One value of a row: absent, a Python object, or a value read from a text, numeric or date
/// column.
enum Cell<'py> {
    Missing,
    Obj(Bound<'py, PyAny>),
    Text(Rc<str>),
    Int(i64),
    Float(f64),
    Start(Start),
}

/// One DataFrame column as `zhidu._columns.column` flattened it.
enum Column<'py> {
    Objects(Bound<'py, PyList>),
    /// Codes into distinct texts (read once each), -1 for missing.
    Factorized(Vec<i64>, Vec<Rc<str>>),
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

    fn cell(&self, i: usize) -> Cell<'py> {
        match self {
            Column::Objects(list) => list.get_item(i).map_or(Cell::Missing, Cell::Obj),
            Column::Factorized(codes, texts) => codes
                .get(i)
                .and_then(|&c| usize::try_from(c).ok())
                .and_then(|c| texts.get(c))
                .map_or(Cell::Missing, |t| Cell::Text(Rc::clone(t))),
            Column::Ints(v) => v.get(i).map_or(Cell::Missing, |&x| Cell::Int(x)),
            Column::Floats(v) => match v.get(i) {
                Some(&f) if !f.is_nan() => Cell::Float(f),
                _ => Cell::Missing,
            },
            Column::Starts(v) => match v.get(i) {
                Some(Some(s)) => Cell::Start(*s),
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

/// A text for a message, quoted and cut short.
fn shown_text(s: &str) -> String {
    let cut: String = s.chars().take(MAX_SHOWN).collect();
    if cut.len() < s.len() {
        format!("{cut:?}…")
    } else {
        format!("{s:?}")
    }
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
                            .and_then(|s| s.to_cow().map(|s| Rc::<str>::from(s.as_ref()))),
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

/// Where each field is among a frame's columns. A column that is no field, or a required
/// field without a column, concerns every row: the call fails with an `InputError`.
fn layout(
    py: Python<'_>,
    frame: &Frame<'_>,
    fields: &[&str],
    required: &[&str],
    what: &str,
    hint: &str,
) -> PyResult<Vec<Option<usize>>> {
    for (name, _) in &frame.columns {
        if !fields.contains(&name.as_str()) {
            let close = zhidu::closest(name, fields.iter().copied())
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            return Err(raise(
                py,
                format!("{what}: the DataFrame has a column `{name}` that is not a field{close}"),
                Some(&format!("{hint}; select those columns first")),
            ));
        }
    }
    let at = |f: &str| frame.columns.iter().position(|(n, _)| n == f);
    for f in required {
        if at(f).is_none() {
            return Err(raise(
                py,
                format!("{what}: the DataFrame has no column `{f}`"),
                Some(hint),
            ));
        }
    }
    Ok(fields.iter().map(|f| at(f)).collect())
}

/// The cells of one dict (or other mapping) row, in the order of `fields`.
fn dict_cells<'py>(
    obj: &Bound<'py, PyAny>,
    fields: &[&str],
    what: &str,
    hint: &str,
) -> Result<Vec<Cell<'py>>, zhidu::Error> {
    let py = obj.py();
    let owned;
    let dict = match obj.cast::<PyDict>() {
        Ok(d) => d,
        Err(_) => match obj.cast::<PyMapping>() {
            Ok(m) => {
                owned = m
                    .items()
                    .and_then(|items| PyDict::from_sequence(items.as_any()))
                    .map_err(|e| from_python(py, what, &e))?;
                &owned
            }
            Err(_) => {
                return Err(input(
                    format!("{what} must be a dict, not {}", shown(obj)),
                    Some(hint),
                ));
            }
        },
    };
    let mut cells: Vec<Cell<'py>> = fields.iter().map(|_| Cell::Missing).collect();
    for (k, v) in dict.iter() {
        let key = k
            .cast::<PyString>()
            .ok()
            .and_then(|s| s.to_cow().ok().map(|s| s.into_owned()))
            .ok_or_else(|| {
                input(
                    format!("{what}: keys must be strings, not {}", shown(&k)),
                    Some(hint),
                )
            })?;
        let Some(i) = fields.iter().position(|f| *f == key) else {
            let help = zhidu::closest(&key, fields.iter().copied())
                .map_or_else(|| hint.to_owned(), |c| format!("did you mean `{c}`?"));
            return Err(input(format!("{what}: unknown field `{key}`"), Some(&help)));
        };
        if let Some(slot) = cells.get_mut(i) {
            *slot = Cell::Obj(v);
        }
    }
    Ok(cells)
}

fn take<'py>(cells: &mut [Cell<'py>], i: usize) -> Cell<'py> {
    cells
        .get_mut(i)
        .map_or(Cell::Missing, |c| std::mem::replace(c, Cell::Missing))
}

/// A text field: a `str`, or absent.
fn text(cell: Cell<'_>, name: &str) -> Result<Option<String>, zhidu::Error> {
    let wrong = |v: String| input(format!("`{name}` must be a string, not {v}"), None);
    match cell {
        Cell::Missing => Ok(None),
        Cell::Text(t) => Ok(Some(String::from(&*t))),
        Cell::Obj(o) => match o.cast::<PyString>() {
            Ok(s) => s
                .to_cow()
                .map(|s| Some(s.into_owned()))
                .map_err(|e| from_python(o.py(), name, &e)),
            Err(_) if is_missing(&o) => Ok(None),
            Err(_) => Err(wrong(shown(&o))),
        },
        Cell::Int(i) => Err(wrong(i.to_string())),
        Cell::Float(f) => Err(wrong(f.to_string())),
        Cell::Start(_) => Err(wrong("a date".to_owned())),
    }
}

fn required(value: Option<String>, name: &str, hint: &str) -> Result<String, zhidu::Error> {
    value.ok_or_else(|| input(format!("`{name}` is missing"), Some(hint)))
}

/// A whole number that fits an `i64` exactly.
fn float_whole(f: f64) -> Option<i64> {
    // 2^63 is exactly representable; every whole float below it in magnitude fits.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    (f.fract() == 0.0 && (-LIMIT..LIMIT).contains(&f)).then(|| {
        #[expect(
            clippy::cast_possible_truncation,
            reason = "whole and in range, checked above"
        )]
        let n = f as i64;
        n
    })
}

/// A whole-number field (`quantity`, `points`): an int, a whole float (pandas columns with
/// gaps are floats), or absent. The core checks the range and reports it with the row.
fn whole(cell: Cell<'_>, name: &str) -> Result<Option<i64>, zhidu::Error> {
    let wrong = |v: String| {
        input(
            format!("`{name}` must be a whole number, not {v}"),
            Some("give a whole number, or leave it empty"),
        )
    };
    match cell {
        Cell::Missing => Ok(None),
        Cell::Int(i) => Ok(Some(i)),
        Cell::Float(f) => float_whole(f).map(Some).ok_or_else(|| wrong(f.to_string())),
        Cell::Start(_) => Err(wrong("a date".to_owned())),
        Cell::Text(t) => Err(wrong(shown_text(&t))),
        Cell::Obj(o) => {
            if is_missing(&o) {
                return Ok(None);
            }
            if o.is_instance_of::<PyBool>() {
                return Err(wrong(shown(&o)));
            }
            if o.is_instance_of::<PyInt>() {
                return o.extract::<i64>().map(Some).map_err(|_| wrong(shown(&o)));
            }
            if o.is_instance_of::<PyFloat>() || type_name(&o).starts_with("float") {
                let f: f64 = o.extract().map_err(|_| wrong(shown(&o)))?;
                return float_whole(f).map(Some).ok_or_else(|| wrong(shown(&o)));
            }
            // numpy integers.
            if o.hasattr("dtype").unwrap_or(false) {
                if let Ok(i) = o.call_method0("__index__").and_then(|i| i.extract::<i64>()) {
                    return Ok(Some(i));
                }
            }
            Err(wrong(shown(&o)))
        }
    }
}

/// The instant field `at`: a date, a datetime (naive: the calendar's zone), an ISO 8601
/// string, a pandas Timestamp or a numpy datetime64.
fn instant(cell: Cell<'_>, hint: &str) -> Result<Start, zhidu::Error> {
    let missing = || input("`at` is missing", Some(hint));
    let prefixed = |e: zhidu::Error| match e {
        zhidu::Error::Input { message, hint } => zhidu::Error::Input {
            message: format!("`at`: {message}"),
            hint,
        },
        other => other,
    };
    match cell {
        Cell::Start(s) => Ok(s),
        Cell::Missing => Err(missing()),
        Cell::Text(t) => convert::parse_start(&t).map_err(prefixed),
        Cell::Obj(o) if o.is_none() => Err(missing()),
        Cell::Obj(o) => convert::start(&o).map_err(prefixed),
        Cell::Int(i) => Err(input(
            format!("`at` must be a date, a datetime or an ISO 8601 string, not {i}"),
            None,
        )),
        Cell::Float(f) => Err(input(
            format!("`at` must be a date, a datetime or an ISO 8601 string, not {f}"),
            None,
        )),
    }
}

/// Flags: a list (or tuple) of strings, a `;`-separated string as the CSV has it, or absent.
fn flags(cell: Cell<'_>) -> Result<Vec<String>, zhidu::Error> {
    let wrong = |v: String| {
        input(
            format!("`flags` must be a list of strings or a `;`-separated string, not {v}"),
            None,
        )
    };
    let split = |s: &str| -> Vec<String> {
        s.split(';')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect()
    };
    match cell {
        Cell::Missing => Ok(Vec::new()),
        Cell::Text(t) => Ok(split(&t)),
        Cell::Int(i) => Err(wrong(i.to_string())),
        Cell::Float(f) => Err(wrong(f.to_string())),
        Cell::Start(_) => Err(wrong("a date".to_owned())),
        Cell::Obj(o) => {
            if is_missing(&o) {
                return Ok(Vec::new());
            }
            if let Ok(s) = o.cast::<PyString>() {
                let s = s.to_cow().map_err(|e| from_python(o.py(), "flags", &e))?;
                return Ok(split(&s));
            }
            if !(o.is_instance_of::<PyList>() || o.is_instance_of::<PyTuple>()) {
                return Err(wrong(shown(&o)));
            }
            let mut out = Vec::new();
            for item in o.try_iter().map_err(|e| from_python(o.py(), "flags", &e))? {
                let item = item.map_err(|e| from_python(o.py(), "flags", &e))?;
                match item.cast::<PyString>() {
                    Ok(s) => out.push(
                        s.to_cow()
                            .map_err(|e| from_python(o.py(), "flags", &e))?
                            .into_owned(),
                    ),
                    Err(_) => return Err(wrong(shown(&o))),
                }
            }
            Ok(out)
        }
    }
}

fn incident(cells: &mut [Cell<'_>]) -> Result<Incident, zhidu::Error> {
    // Field positions in `INCIDENT`.
    let subject = required(text(take(cells, 0), "subject")?, "subject", INCIDENT_HINT)?;
    let window = text(take(cells, 1), "window")?;
    let department = text(take(cells, 2), "department")?;
    let at = instant(take(cells, 3), INCIDENT_HINT)?;
    let rule = required(text(take(cells, 4), "rule")?, "rule", INCIDENT_HINT)?;
    let quantity = whole(take(cells, 5), "quantity")?;
    let points = whole(take(cells, 6), "points")?;
    let case = text(take(cells, 7), "case")?;
    let note = text(take(cells, 8), "note")?;
    let basis = text(take(cells, 9), "basis")?;
    let reference = text(take(cells, 10), "ref")?;
    let mut i = Incident::new(subject, rule, at);
    i.window = window;
    i.department = department;
    i.quantity = quantity;
    i.points = points;
    i.case = case;
    i.note = note;
    i.basis = basis;
    i.reference = reference;
    Ok(i)
}

fn violation(cells: &mut [Cell<'_>]) -> Result<ViolationRecord, zhidu::Error> {
    // Field positions in `VIOLATION`.
    let subject = required(text(take(cells, 0), "subject")?, "subject", VIOLATION_HINT)?;
    let at = instant(take(cells, 1), VIOLATION_HINT)?;
    let code = required(
        text(take(cells, 2), "violation")?,
        "violation",
        VIOLATION_HINT,
    )?;
    let flags = flags(take(cells, 3))?;
    let note = text(take(cells, 4), "note")?;
    let mut v = ViolationRecord::new(subject, code, at);
    v.flags = flags;
    v.note = note;
    Ok(v)
}

/// How one kind of row is read.
struct Kind<T> {
    what: &'static str,
    fields: &'static [&'static str],
    required: &'static [&'static str],
    hint: &'static str,
    build: for<'a, 'py> fn(&'a mut [Cell<'py>]) -> Result<T, zhidu::Error>,
}

const INCIDENTS: Kind<Incident> = Kind {
    what: "incident",
    fields: INCIDENT,
    required: INCIDENT_REQUIRED,
    hint: INCIDENT_HINT,
    build: incident,
};

const VIOLATIONS: Kind<ViolationRecord> = Kind {
    what: "violation",
    fields: VIOLATION,
    required: VIOLATION_REQUIRED,
    hint: VIOLATION_HINT,
    build: violation,
};

/// Every row of `obj` (a DataFrame, or an iterable of dicts or JSON texts), each converted
/// on its own.
fn read<T: serde::de::DeserializeOwned>(
    obj: &Bound<'_, PyAny>,
    kind: &Kind<T>,
    plural: &str,
) -> PyResult<Vec<Result<T, zhidu::Error>>> {
    let py = obj.py();
    if let Some(frame) = frame(obj, plural)? {
        let at = layout(py, &frame, kind.fields, kind.required, plural, kind.hint)?;
        let columns: Vec<Option<&Column<'_>>> = at
            .iter()
            .map(|c| c.and_then(|c| frame.columns.get(c)).map(|(_, col)| col))
            .collect();
        let mut out = Vec::with_capacity(frame.rows);
        let mut cells: Vec<Cell<'_>> = Vec::with_capacity(columns.len());
        for i in 0..frame.rows {
            cells.clear();
            cells.extend(
                columns
                    .iter()
                    .map(|c| c.map_or(Cell::Missing, |col| col.cell(i))),
            );
            out.push((kind.build)(&mut cells));
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
    for item in reading(py, plural, obj.try_iter())? {
        // An iterator that fails ends the call: it may not be able to go on.
        let item = reading(py, plural, item)?;
        let row = if let Ok(s) = item.cast::<PyString>() {
            // One line of a JSON Lines file.
            s.to_cow()
                .map_err(|e| from_python(py, kind.what, &e))
                .and_then(|text| {
                    serde_json::from_str::<T>(&text)
                        .map_err(|e| input(format!("{}: {e}", kind.what), Some(kind.hint)))
                })
        } else {
            dict_cells(&item, kind.fields, kind.what, kind.hint)
                .and_then(|mut cells| (kind.build)(&mut cells))
        };
        out.push(row);
    }
    Ok(out)
}

/// Incident rows for `AssessRequest::incident_rows`.
pub(crate) fn incidents(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Result<Incident, zhidu::Error>>> {
    read(obj, &INCIDENTS, "incidents")
}

/// Violation rows for `Policy::decide`.
pub(crate) fn violations(
    obj: &Bound<'_, PyAny>,
) -> PyResult<Vec<Result<ViolationRecord, zhidu::Error>>> {
    read(obj, &VIOLATIONS, "violations")
}

/// Case rows for `AssessRequest::case_rows`: dicts as a case log line has them (or its JSON
/// text), or a DataFrame of them; `offset` is the zone of naive datetimes.
pub(crate) fn cases(
    obj: &Bound<'_, PyAny>,
    offset: chrono::FixedOffset,
) -> PyResult<Vec<Result<Case, zhidu::Error>>> {
    let py = obj.py();
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyDict>() {
        return Err(raise(
            py,
            format!(
                "`cases` must be an iterable of case dicts or a pandas DataFrame, not {}",
                type_name(obj)
            ),
            Some("wrap a single case in a list"),
        ));
    }
    let rows = reading(
        py,
        "cases",
        py.import("zhidu._columns")
            .and_then(|m| m.call_method1("records", (obj,))),
    )?;
    let mut out = Vec::new();
    for item in reading(py, "cases", rows.try_iter())? {
        let item = reading(py, "cases", item)?;
        out.push(convert::case(&item, offset));
    }
    Ok(out)
}

/// `(person, window)` pairs: a dict `{person: window}`, pairs, dicts with `subject` and
/// `window`, or a DataFrame with those columns. A bad entry fails the call.
pub(crate) fn roster(obj: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let py = obj.py();
    const HINT: &str = "give {person: window}, (person, window) pairs, or rows with `subject` \
                        and `window`";
    let bad = |i: usize, e: zhidu::Error| {
        raise(
            py,
            format!("roster entry {}: {e}", i + 1),
            Some(&e.help().unwrap_or_else(|| HINT.to_owned())),
        )
    };
    if let Some(frame) = frame(obj, "roster")? {
        let at = layout(
            py,
            &frame,
            &["subject", "window"],
            &["subject", "window"],
            "roster",
            HINT,
        )?;
        let col = |k: usize| {
            at.get(k)
                .copied()
                .flatten()
                .and_then(|c| frame.columns.get(c))
        };
        let mut out = Vec::with_capacity(frame.rows);
        for i in 0..frame.rows {
            let get = |k: usize, name: &str| {
                let cell = col(k).map_or(Cell::Missing, |(_, c)| c.cell(i));
                text(cell, name).and_then(|t| required(t, name, HINT))
            };
            let pair = get(0, "subject").and_then(|s| get(1, "window").map(|w| (s, w)));
            out.push(pair.map_err(|e| bad(i, e))?);
        }
        return Ok(out);
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut out = Vec::with_capacity(d.len());
        for (i, (k, v)) in d.iter().enumerate() {
            let pair = text(Cell::Obj(k), "subject")
                .and_then(|t| required(t, "subject", HINT))
                .and_then(|s| {
                    text(Cell::Obj(v), "window")
                        .and_then(|t| required(t, "window", HINT))
                        .map(|w| (s, w))
                });
            out.push(pair.map_err(|e| bad(i, e))?);
        }
        return Ok(out);
    }
    let mut out = Vec::new();
    for (i, item) in reading(py, "roster", obj.try_iter())?.enumerate() {
        let item = reading(py, "roster", item)?;
        let pair = if item.is_instance_of::<PyTuple>() || item.is_instance_of::<PyList>() {
            match (item.len(), item.get_item(0), item.get_item(1)) {
                (Ok(2), Ok(s), Ok(w)) => text(Cell::Obj(s), "subject")
                    .and_then(|t| required(t, "subject", HINT))
                    .and_then(|s| {
                        text(Cell::Obj(w), "window")
                            .and_then(|t| required(t, "window", HINT))
                            .map(|w| (s, w))
                    }),
                _ => Err(input(format!("{} is not a pair", shown(&item)), Some(HINT))),
            }
        } else {
            dict_cells(&item, &["subject", "window"], "roster", HINT).and_then(|mut cells| {
                let s = required(text(take(&mut cells, 0), "subject")?, "subject", HINT)?;
                let w = required(text(take(&mut cells, 1), "window")?, "window", HINT)?;
                Ok((s, w))
            })
        };
        out.push(pair.map_err(|e| bad(i, e))?);
    }
    Ok(out)
}
