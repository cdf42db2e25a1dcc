//! Conversions between Python values and the core's: starts, day counts, cases, results.
//!
//! In: `datetime.date` is a plain date, a naive `datetime` a wall time in the calendar's zone,
//! an aware `datetime` an instant, a `str` is parsed as the core parses text. Out: dates are
//! `datetime.date`, instants aware `datetime`s, counts `int`; results' `to_dict()` is the
//! core's serde form (the CLI's JSON field names) with dates and instants as Python values.

use chrono::{DateTime, FixedOffset, NaiveDate};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDate, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::Value;
use zhidu::Start;

use crate::Obj;
use crate::error::{from_python, input};

const START_HINT: &str = "give a `datetime.date`, a `datetime.datetime` (naive means the \
                          calendar's zone) or an ISO 8601 string such as \
                          `2026-09-30T10:00:00+08:00`";

/// A start that is missing (NaT, None, a null).
pub(crate) fn missing_start() -> zhidu::Error {
    input("the start is missing (NaT or None)", Some(START_HINT))
}

/// A start of a type that is no date (`kind` names it).
pub(crate) fn start_of_type(kind: &str) -> zhidu::Error {
    input(format!("a start cannot be a `{kind}`"), Some(START_HINT))
}

/// The name of a value's type, for messages.
pub(crate) fn type_name(obj: &Obj) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_owned())
}

/// Text that a start is read from: `isoformat()` of dates and datetimes (any `tzinfo`,
/// pandas `Timestamp` included), `str` as it is.
fn start_text(obj: &Obj) -> Result<Option<String>, zhidu::Error> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_cow()
            .map(|s| Some(s.into_owned()))
            .map_err(|e| from_python(py, "accepted_at", &e));
    }
    if obj.is_instance_of::<PyDate>() {
        // pandas' NaT is a datetime whose isoformat is "NaT".
        let text: String = obj
            .call_method0("isoformat")
            .and_then(|s| s.extract())
            .map_err(|e| from_python(py, "datetime", &e))?;
        return Ok(Some(text));
    }
    if obj.hasattr("dtype").unwrap_or(false) && obj.hasattr("astype").unwrap_or(false) {
        // A numpy datetime64 scalar: as a date or microsecond datetime (None for NaT).
        let unit = obj
            .getattr("dtype")
            .and_then(|d| d.getattr("str"))
            .and_then(|s| s.extract::<String>())
            .unwrap_or_default();
        if unit.contains("M8") {
            let as_unit = if unit.ends_with("[D]")
                || unit.ends_with("[W]")
                || unit.ends_with("[M]")
                || unit.ends_with("[Y]")
            {
                "datetime64[D]"
            } else {
                "datetime64[us]"
            };
            let item = obj
                .call_method1("astype", (as_unit,))
                .and_then(|v| v.call_method0("item"))
                .map_err(|e| from_python(py, "datetime64", &e))?;
            if item.is_none() {
                return Ok(None);
            }
            return start_text(&item);
        }
    }
    Err(input(
        format!("a start cannot be a `{}`", type_name(obj)),
        Some(START_HINT),
    ))
}

/// A `datetime.datetime` (or `date`) read from its pickle state (`__reduce__`: ten bytes of
/// year, month, day, hour, minute, second, microsecond, and the tzinfo; four for a date):
/// a third of the cost of
/// `isoformat()` in the abi3 build, which has no datetime C API. `None` when the object does
/// not reduce that way (pandas' `Timestamp`, other subclasses): the caller then uses
/// `isoformat()`.
fn fast_datetime(obj: &Obj) -> Option<Result<Start, zhidu::Error>> {
    let py = obj.py();
    let reduced = obj.call_method0("__reduce__").ok()?;
    let args = reduced.cast::<PyTuple>().ok()?.get_item(1).ok()?;
    let args = args.cast::<PyTuple>().ok()?;
    let state = args.get_item(0).ok()?;
    let bytes = state.cast::<pyo3::types::PyBytes>().ok()?.as_bytes();
    if let Ok([y1, y2, mo, d]) = <[u8; 4]>::try_from(bytes) {
        // A `datetime.date`: four bytes of year, month, day.
        let date = NaiveDate::from_ymd_opt(
            (i32::from(y1) << 8) | i32::from(y2),
            u32::from(mo),
            u32::from(d),
        )?;
        return Some(Ok(Start::Date(date)));
    }
    let [y1, y2, mo, d, h, mi, sec, u1, u2, u3] = <[u8; 10]>::try_from(bytes).ok()?;
    let micro = (u32::from(u1) << 16) | (u32::from(u2) << 8) | u32::from(u3);
    let naive = NaiveDate::from_ymd_opt(
        (i32::from(y1) << 8) | i32::from(y2),
        u32::from(mo & 0x7f),
        u32::from(d),
    )?
    .and_hms_micro_opt(u32::from(h), u32::from(mi), u32::from(sec), micro)?;
    if args.len() < 2 || args.get_item(1).ok()?.is_none() {
        return Some(Ok(Start::Local(naive)));
    }
    // Aware: the offset the tzinfo gives for this wall time (any tzinfo, fold respected).
    let offset = match obj.call_method0("utcoffset") {
        Ok(o) if o.is_none() => return Some(Ok(Start::Local(naive))),
        Ok(o) => o,
        Err(e) => return Some(Err(from_python(py, "datetime", &e))),
    };
    let delta: chrono::TimeDelta = offset.extract().ok()?;
    let offset = i32::try_from(delta.num_seconds())
        .ok()
        .and_then(FixedOffset::east_opt)?;
    naive
        .and_local_timezone(offset)
        .single()
        .map(|t| Ok(Start::Instant(t)))
}

/// Whether a value is pandas' or numpy's "missing": None, NaN, NaT or `pd.NA` (each one
/// missing on every path, as a row's cell is).
fn is_missing(obj: &Obj) -> bool {
    obj.is_none()
        || obj
            .cast::<pyo3::types::PyFloat>()
            .is_ok_and(|f| f.value().is_nan())
        || matches!(type_name(obj).as_str(), "NAType" | "NaTType")
}

/// A start (`accepted_at`, an event's instant) from a Python value.
pub(crate) fn start(obj: &Obj) -> Result<Start, zhidu::Error> {
    if obj.is_instance_of::<PyDate>() {
        if let Some(start) = fast_datetime(obj) {
            return start;
        }
    }
    if is_missing(obj) {
        return Err(input(
            "the start is missing (NaT or None)",
            Some(START_HINT),
        ));
    }
    match start_text(obj)? {
        Some(text) if text != "NaT" => text.parse(),
        _ => Err(input(
            "the start is missing (NaT or None)",
            Some(START_HINT),
        )),
    }
}

/// A per-case limit: `None`, or a whole number from 0 to 4294967295 (a whole float from a
/// pandas column with gaps is accepted; NaN is `None`).
pub(crate) fn days(obj: &Obj) -> Result<Option<u32>, zhidu::Error> {
    if obj.is_none() {
        return Ok(None);
    }
    if obj.is_exact_instance_of::<PyInt>() {
        if let Ok(n) = obj.extract::<u32>() {
            return Ok(Some(n));
        }
    }
    let bad = || {
        let value = obj
            .repr()
            .map_or_else(|_| type_name(obj), |r| r.to_string());
        input(
            format!(
                "`{}` must be a whole number from 0 to 4294967295, not `{value}`",
                "days"
            ),
            Some("give the per-case limit in the class's unit, or None for the class's default"),
        )
    };
    if obj.is_instance_of::<PyBool>() {
        return Err(bad());
    }
    if type_name(obj) == "NAType" {
        return Ok(None);
    }
    if obj.is_instance_of::<PyFloat>() || type_name(obj).starts_with("float") {
        let f: f64 = obj.extract().map_err(|_| bad())?;
        if f.is_nan() {
            return Ok(None);
        }
        return zhidu::columns::whole_days(f).map(Some).ok_or_else(bad);
    }
    // Python ints and anything with `__index__` (numpy integers).
    let i = obj
        .call_method0("__index__")
        .and_then(|i| i.extract::<u32>())
        .map_err(|_| bad())?;
    Ok(Some(i))
}

/// A `datetime.date` (the abi3 way: no datetime C API).
pub(crate) fn date(py: Python<'_>, d: NaiveDate) -> PyResult<Obj<'_>> {
    d.into_pyobject(py).map(Bound::into_any)
}

/// A date given as text by the core, as a `datetime.date` (the text if it is not a date).
pub(crate) fn date_text<'py>(py: Python<'py>, text: &str) -> PyResult<Obj<'py>> {
    match text.parse::<NaiveDate>() {
        Ok(d) => date(py, d),
        Err(_) => Ok(PyString::new(py, text).into_any()),
    }
}

/// Keys of the core's serde output whose values are dates, instants, and exact decimals
/// written as text (money in yuan, a window's mean score).
const DATE_KEYS: &[&str] = &["due_date", "legal_due_date", "date"];
const INSTANT_KEYS: &[&str] = &["due_at", "start", "completed_at", "at", "as_of"];
const DECIMAL_KEYS: &[&str] = &[
    "fines",
    "fine",
    "withholdings",
    "withholding",
    "score",
    // The report's rates, means and changes.
    "percent",
    "days_mean",
    "mean_score",
    "on_time_rate_points",
    "overdue_rate_points",
    // Training subsidies (S8.train.1): yuan and quantities.
    "trainee_amount",
    "employer_amount",
    "amount",
    "trainee_total",
    "employer_total",
    // 照价赔偿: the original price a decision carries.
    "compensation",
];

/// Keys that hold a plain day in some results (a training period, a partial month, a
/// write-off) and something else in none: a value that is no date stays text.
const MAYBE_DATE_KEYS: &[&str] = &["end", "from", "to", "executed"];

static DECIMAL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A `decimal.Decimal` from the core's text (exact: `"190.00"`).
pub(crate) fn decimal<'py>(py: Python<'py>, text: &str) -> PyResult<Obj<'py>> {
    let class = DECIMAL.get_or_try_init(py, || {
        py.import("decimal")
            .and_then(|m| m.getattr("Decimal"))
            .map(Bound::unbind)
    })?;
    class.bind(py).call1((text,))
}

/// Money (or a mean score) as the core serializes it, two places (policies allow no finer
/// amounts, so this is exact), as a `decimal.Decimal`.
pub(crate) fn two_places<'py>(
    py: Python<'py>,
    value: &impl std::fmt::Display,
) -> PyResult<Obj<'py>> {
    decimal(py, &format!("{value:.2}"))
}

/// A core result as a Python dict: the serde form, with dates and instants as Python values.
pub(crate) fn to_dict<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Obj<'py>> {
    let json = serde_json::to_value(value)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    from_json(py, &json, None)
}

/// A core result as the CLI's JSON text.
pub(crate) fn to_json_text<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

/// A JSON value of the core's serde output as a Python value; `key` is its key, which says
/// whether a string is a date, an instant or an exact decimal.
pub(crate) fn from_json<'py>(py: Python<'py>, v: &Value, key: Option<&str>) -> PyResult<Obj<'py>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.into_pyobject(py)?.into_any(),
            (_, Some(u), _) => u.into_pyobject(py)?.into_any(),
            (_, _, f) => PyFloat::new(py, f.unwrap_or(f64::NAN)).into_any(),
        },
        Value::String(s) => {
            let k = key.unwrap_or("");
            if DATE_KEYS.contains(&k)
                || (MAYBE_DATE_KEYS.contains(&k) || INSTANT_KEYS.contains(&k))
                    && s.len() == 10
                    && s.parse::<NaiveDate>().is_ok()
            {
                date_text(py, s)?
            } else if DECIMAL_KEYS.contains(&k) {
                decimal(py, s)?
            } else if INSTANT_KEYS.contains(&k) {
                match DateTime::parse_from_rfc3339(s) {
                    Ok(t) => crate::result_class::aware_datetime(py, &t)?,
                    Err(_) => PyString::new(py, s).into_any(),
                }
            } else {
                PyString::new(py, s).into_any()
            }
        }
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(from_json(py, item, None)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, from_json(py, item, Some(k))?)?;
            }
            dict.into_any()
        }
    })
}
