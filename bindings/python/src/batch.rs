//! Column calls: whole columns in, one crossing into Rust, the GIL released while the core
//! computes (`zhidu::columns`: chunks and threads are the core's), one result per row in
//! order. This file only converts columns. A bad row is NaT / None in the result and reported
//! with its index as the caller chose (`errors="warn" | "raise" | "collect"`).
//!
//! numpy and pandas columns are flattened to raw bytes by `zhidu._columns` (so neither is
//! needed to import zhidu); lists are read here.

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString, PyTuple};
use zhidu::Class;
pub(crate) use zhidu::columns::RowErrors;
use zhidu::columns::{DueColumns, DueOptions, LimitColumn as Limits, StartColumn as Starts};
use zhidu::columns::{NAT, from_epoch_day};

use arrow_array::{Array, ArrayRef};
use zhidu::rows::{Cell, Column};

use crate::Obj;
use crate::convert;
use crate::error::{self, OrRaise, input, reading};
use crate::labels::{Labels, RowLabels};

/// What to do with bad rows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Warn,
    Raise,
    Collect,
}

impl Mode {
    /// The `errors` argument: `"warn"` (the default), `"raise"` or `"collect"`.
    pub(crate) fn parse(obj: Option<&Obj>) -> PyResult<Mode> {
        let Some(obj) = obj else {
            return Ok(Mode::Warn);
        };
        match obj.cast::<PyString>().map(|s| s.to_cow()) {
            Ok(Ok(s)) if s == "warn" => Ok(Mode::Warn),
            Ok(Ok(s)) if s == "raise" => Ok(Mode::Raise),
            Ok(Ok(s)) if s == "collect" => Ok(Mode::Collect),
            _ => {
                let got = obj.repr().map(|r| r.to_string()).unwrap_or_default();
                let message =
                    format!("`errors` must be \"warn\", \"raise\" or \"collect\", not {got}");
                Err(error::raise(obj.py(), &input(message, None), None))
            }
        }
    }
}

/// Little-endian int64s (what `ndarray.astype("<i8").tobytes()` gives).
pub(crate) fn int64s(bytes: &[u8]) -> Vec<i64> {
    bytes
        .chunks_exact(8)
        .map(|c| <[u8; 8]>::try_from(c).map_or(NAT, i64::from_le_bytes))
        .collect()
}

/// Little-endian float64s.
pub(crate) fn float64s(bytes: &[u8]) -> Vec<f64> {
    bytes
        .chunks_exact(8)
        .map(|c| <[u8; 8]>::try_from(c).map_or(f64::NAN, f64::from_le_bytes))
        .collect()
}

/// A column that is not a list or tuple, flattened by `zhidu._columns.<flatten>` to
/// `(tag, payload)`: raw little-endian bytes, or a list of objects.
fn tagged<'py>(obj: &Obj<'py>, flatten: &str, what: &str) -> PyResult<(String, Obj<'py>)> {
    let py = obj.py();
    let tagged = py
        .import("zhidu._columns")
        .and_then(|m| m.call_method1(flatten, (obj,)))
        .and_then(|t| Ok((t.get_item(0)?.extract()?, t.get_item(1)?)));
    reading(py, what, tagged)
}

/// The bytes of a flattened column.
fn bytes<'a>(payload: &'a Obj, what: &str) -> PyResult<&'a [u8]> {
    let bytes = payload.cast::<PyBytes>().map_err(PyErr::from);
    reading(payload.py(), what, bytes).map(|b| b.as_bytes())
}

/// Every item of a column given as Python objects, each converted by `read`.
fn items<T>(list: &Obj, what: &str, read: impl Fn(&Obj) -> T) -> PyResult<Vec<T>> {
    let py = list.py();
    // An iterator that fails ends the call: it may not be able to go on.
    reading(py, what, list.try_iter())?
        .map(|item| reading(py, what, item).map(|item| read(&item)))
        .collect()
}

fn is_list(obj: &Obj) -> bool {
    obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>()
}

/// An Arrow column of starts (dates, timestamps or ISO 8601 texts): a start that cannot be
/// read is an error in its place.
fn arrow_starts(py: Python<'_>, array: &ArrayRef, days: bool) -> PyResult<(Starts, RowErrors)> {
    let column = crate::arrow::column(py, "accepted_at", array)?;
    Ok(match column {
        Column::Days(d) => Starts::from_days(d),
        Column::Seconds { seconds, utc } => Starts::from_seconds(&seconds, utc, days),
        Column::Integers(_) | Column::Floats(_) => {
            let message = format!(
                "a column of dtype {} is not dates: give datetime64 values, dates, datetimes or ISO 8601 strings",
                array.data_type()
            );
            return Err(error::raise(py, &input(message, None), None));
        }
        other => {
            let start = |i| match other.cell(i) {
                Cell::Instant(s) => Ok(s),
                Cell::Text(t) => t.parse(),
                Cell::Missing => Err(convert::missing_start()),
                Cell::Bool(_) => Err(convert::start_of_type("bool")),
                _ => Err(convert::start_of_type(&array.data_type().to_string())),
            };
            Starts::from_starts((0..other.len()).map(start).collect(), days)
        }
    })
}

/// An Arrow column of per-case limits (any integer type; a null is the class's default).
fn arrow_limits(py: Python<'_>, array: &ArrayRef) -> PyResult<(Limits, RowErrors)> {
    let not_days = || {
        let message = format!(
            "a column of dtype {} is not day counts: give integers",
            array.data_type()
        );
        error::raise(py, &input(message, None), None)
    };
    if array.data_type().is_integer() {
        // zhidu-arrow's reader: each width straight into the counts, one pass.
        return zhidu_arrow::limit_column(array.as_ref())
            .map_err(crate::arrow::core_error)
            .or_raise(py);
    }
    match crate::arrow::column(py, "days", array)? {
        Column::Integers(v) => Ok(Limits::from_integers(&v)),
        Column::Floats(v) => Ok(Limits::from_floats(&v)),
        Column::Cells(cells) => {
            let mut floats = Vec::with_capacity(cells.len());
            for c in cells {
                floats.push(match c {
                    Cell::Missing => f64::NAN,
                    // Exact: a count beyond 2**53 is refused as out of range either way.
                    #[expect(
                        clippy::cast_precision_loss,
                        reason = "Exact below 2**53; larger counts are refused"
                    )]
                    Cell::Integer(n) => n as f64,
                    _ => return Err(not_days()),
                });
            }
            Ok(Limits::from_floats(&floats))
        }
        _ => Err(not_days()),
    }
}

/// Read the `accepted_at` column; a start that cannot be read is an error in its place.
fn read_starts(obj: &Obj, class: &Class<'_>) -> PyResult<(Starts, RowErrors)> {
    let days = class.unit().is_days();
    if crate::arrow::exports(obj) {
        let array = crate::arrow::array(obj, "accepted_at")?;
        return arrow_starts(obj.py(), &array, days);
    }
    let mut list = obj.clone();
    if !is_list(obj) {
        let (tag, payload) = tagged(obj, "starts", "accepted_at")?;
        match tag.as_str() {
            "days" => return Ok(Starts::from_days(int64s(bytes(&payload, "accepted_at")?))),
            "seconds" | "utc_seconds" => {
                let seconds = int64s(bytes(&payload, "accepted_at")?);
                return Ok(Starts::from_seconds(&seconds, tag == "utc_seconds", days));
            }
            _ => list = payload,
        }
    }
    Ok(Starts::from_starts(
        items(&list, "accepted_at", convert::start)?,
        days,
    ))
}

/// Read the `days` column: None, one int for every row, or one value per row.
fn read_limits(obj: Option<&Obj>) -> PyResult<(Limits, RowErrors)> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok((Limits::Default, Vec::new()));
    };
    let py = obj.py();
    if crate::arrow::exports(obj) {
        return arrow_limits(py, &crate::arrow::array(obj, "days")?);
    }
    let scalar = obj.is_instance_of::<PyString>()
        || obj.is_instance_of::<pyo3::types::PyFloat>()
        || (obj.hasattr("__index__").unwrap_or(false) && !obj.hasattr("__len__").unwrap_or(false));
    if scalar {
        return match convert::days(obj).or_raise(py)? {
            Some(d) => Ok((Limits::Same(d), Vec::new())),
            None => Ok((Limits::Default, Vec::new())),
        };
    }
    let mut list = obj.clone();
    if !is_list(obj) {
        let (tag, payload) = tagged(obj, "days", "days")?;
        match tag.as_str() {
            "u32" => {
                let rows = bytes(&payload, "days")?
                    .chunks_exact(4)
                    .map(|c| <[u8; 4]>::try_from(c).map_or(0, u32::from_le_bytes));
                return Ok((Limits::Given(rows.collect()), Vec::new()));
            }
            "ints" => return Ok(Limits::from_integers(&int64s(bytes(&payload, "days")?))),
            "floats" => return Ok(Limits::from_floats(&float64s(bytes(&payload, "days")?))),
            _ => list = payload,
        }
    }
    Ok(Limits::from_counts(items(&list, "days", convert::days)?))
}

/// Read both columns and compute due dates (and, with `instants`, due instants) in the core.
pub(crate) fn due_columns(
    class: &Class<'_>,
    accepted_at: &Obj,
    days: Option<&Obj>,
    instants: bool,
) -> PyResult<DueColumns> {
    let py = accepted_at.py();
    let table = match crate::arrow::exports(accepted_at) {
        true => {
            crate::arrow::array(accepted_at, "accepted_at").map(|a| crate::arrow::table_of(&a))?
        }
        false => None,
    };
    let ((starts, mut bad), (limits, bad_days)) = match table {
        // An Arrow table of due rows: its `accepted_at` and `days` columns.
        Some(rows) => due_rows(py, &rows, class, days)?,
        None => (read_starts(accepted_at, class)?, read_limits(days)?),
    };
    bad.extend(bad_days);
    let options = DueOptions {
        instants,
        details: false,
        threads: threads(),
    };
    let mut columns = py
        .detach(|| class.due_column(&starts, &limits, options))
        .or_raise(py)?;
    columns.merge(bad);
    Ok(columns)
}

/// The starts and limits of an Arrow table of due rows (`accepted_at`, and optionally
/// `days`; `days` may be given apart instead).
fn due_rows(
    py: Python<'_>,
    rows: &arrow_array::RecordBatch,
    class: &Class<'_>,
    days: Option<&Obj>,
) -> PyResult<((Starts, RowErrors), (Limits, RowErrors))> {
    let Some(starts) = rows.column_by_name("accepted_at") else {
        let (what, name) = ("due", "accepted_at");
        let message = format!("{what}: the DataFrame has no column `{name}`");
        let hint = Some(zhidu::rows::DUE.hint);
        return Err(error::raise(py, &input(message, hint), None));
    };
    let starts = arrow_starts(py, starts, class.unit().is_days())?;
    let limits = match rows.column_by_name("days") {
        Some(limits) if days.is_none_or(|d| d.is_none()) => arrow_limits(py, limits)?,
        _ => read_limits(days)?,
    };
    Ok((starts, limits))
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
pub(crate) fn date_column<'py>(py: Python<'py>, days: &[i64]) -> PyResult<Obj<'py>> {
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
/// `collect`, each error with its row's `label`; `raise` raises `InputError` for the first
/// bad row (its own error as the cause); `warn` warns once, `stacklevel` Python frames up (1:
/// the caller of the native method).
pub(crate) fn report<'py>(
    py: Python<'py>,
    errors: &RowErrors,
    mode: Mode,
    n: usize,
    stacklevel: u32,
    labels: &Labels,
) -> PyResult<Option<Bound<'py, PyList>>> {
    let labelled = |i: usize, e: &zhidu::Error| -> PyResult<Obj<'py>> {
        let exc = error::exception(py, e, Some(i))?;
        exc.setattr("label", labels.get(py, i)?)?;
        Ok(exc)
    };
    match mode {
        Mode::Collect => {
            let list = PyList::empty(py);
            for (i, e) in errors {
                list.append((i, labelled(*i, e)?))?;
            }
            Ok(Some(list))
        }
        Mode::Raise => match errors.first() {
            None => Ok(None),
            Some((i, e)) => Err(first_row_error(
                py,
                labelled(*i, e)?,
                format!("row {i}: {e}"),
                e,
                *i,
                labels.get(py, *i)?,
            )),
        },
        Mode::Warn => {
            if errors.is_empty() {
                return Ok(None);
            }
            let lang = error::lang(py);
            let first = errors
                .first()
                .map(|(i, e)| format!("row {i}: {}", e.message_in(lang)))
                .unwrap_or_default();
            let indices: Vec<usize> = errors.iter().map(|(i, _)| *i).collect();
            let rows: Vec<String> = indices.iter().map(ToString::to_string).collect();
            warn(
                py,
                (&indices, &rows),
                n,
                first,
                labels.index(py),
                stacklevel,
            )?;
            Ok(None)
        }
    }
}

/// `InputError` for the first bad row of a batch, its own error (`row`) as the cause.
fn first_row_error(
    py: Python<'_>,
    row: Obj<'_>,
    message: String,
    e: &zhidu::Error,
    index: usize,
    label: Obj<'_>,
) -> PyErr {
    let wrapped = error::exception(
        py,
        &zhidu::Error::Input {
            message,
            hint: e.help(),
        },
        Some(index),
    );
    let wrapped = match wrapped.and_then(|w| w.setattr("label", label).map(|()| w)) {
        Ok(w) => PyErr::from_value(w),
        Err(err) => return err,
    };
    wrapped.set_cause(py, Some(PyErr::from_value(row)));
    wrapped
}

/// One `zhidu.RowWarning` for the bad rows at `indices` (0-based) of `n`, named in its text
/// by `rows` (the positions of a column, or the 1-based rows of `assess`, `decide` and
/// `report`, as their `RowError`s and the CLI count them), `first` the first one's message;
/// `index` (a DataFrame's index, or the labels) gives the warning's `labels`.
fn warn(
    py: Python<'_>,
    (indices, rows): (&[usize], &[String]),
    n: usize,
    first: String,
    index: Option<Obj<'_>>,
    stacklevel: u32,
) -> PyResult<()> {
    let mut shown: Vec<String> = rows.iter().take(5).cloned().collect();
    if rows.len() > 5 {
        shown.push("…".to_owned());
    }
    let message = format!(
        "{} of {n} rows failed (rows {}); {first}; pass errors=\"collect\" to get every error or errors=\"raise\" to stop",
        indices.len(),
        shown.join(", ")
    );
    let message = error::lang(py).translate(&message);
    let warning =
        error::row_warning(py)?.call1((message, indices.len(), indices.to_vec(), index))?;
    py.import("warnings")?
        .call_method1("warn", (warning, py.None(), stacklevel))?;
    Ok(())
}

/// Report the rows `assess`, `decide` or `report` skipped as `mode` says: `warn` (one
/// `RowWarning`, `stacklevel` frames up) and `collect` keep them in the result's `errors`
/// (`collect` silently), `raise` raises `InputError` for the first (its own error as the
/// cause). `n` is the number of rows given.
pub(crate) fn report_skipped<'a>(
    py: Python<'_>,
    skipped: impl IntoIterator<Item = &'a zhidu::SkippedRow>,
    n: usize,
    mode: Mode,
    labels: &RowLabels,
    stacklevel: u32,
) -> PyResult<()> {
    // A report's case rows are both its own errors and its scoring's: each row once.
    let mut skipped: Vec<&zhidu::SkippedRow> = skipped.into_iter().collect();
    let mut seen = std::collections::HashSet::new();
    skipped.retain(|s| seen.insert((s.input, s.row)));
    skipped.sort_by_key(|s| (s.input, s.row));
    let Some(first) = skipped.first() else {
        return Ok(());
    };
    match mode {
        Mode::Collect => Ok(()),
        Mode::Raise => {
            let row = error::row_error(py, first, labels)?.get_item(2)?;
            let index = first.row.saturating_sub(1);
            let message = format!("{} row {}: {}", first.input, first.row, first.error);
            let label = labels.get(py, first.input, first.row)?;
            Err(first_row_error(
                py,
                row,
                message,
                &first.error,
                index,
                label,
            ))
        }
        Mode::Warn => {
            let lang = error::lang(py);
            let message = format!(
                "{} row {}: {}",
                first.input,
                first.row,
                first.error.message_in(lang)
            );
            let indices: Vec<usize> = skipped.iter().map(|s| s.row.saturating_sub(1)).collect();
            // `case 2, violation 1`: the rows of a report's inputs apart.
            let kinds = skipped.iter().any(|s| s.input != first.input);
            let rows: Vec<String> = skipped
                .iter()
                .map(|s| match kinds {
                    true => format!("{} {}", s.input, s.row),
                    false => s.row.to_string(),
                })
                .collect();
            let found = skipped.iter().map(|s| labels.get(py, s.input, s.row));
            let found = PyList::new(py, found.collect::<PyResult<Vec<_>>>()?)?;
            let labels = Some(found.into_any());
            warn(py, (&indices, &rows), n, message, labels, stacklevel)
        }
    }
}

/// A batch call's answer: `value`, after its bad rows are reported as `mode` says; with
/// `collect`, `(value, [(index, error)])`.
pub(crate) fn answer<'py>(
    value: Obj<'py>,
    errors: &RowErrors,
    n: usize,
    mode: Mode,
    labels: &Labels,
) -> PyResult<Obj<'py>> {
    let py = value.py();
    match report(py, errors, mode, n, 1, labels)? {
        Some(list) => Ok(PyTuple::new(py, [value, list.into_any()])?.into_any()),
        None => Ok(value),
    }
}

/// For `zhidu.pandas`: bad rows reported as `mode` says (`stacklevel` frames up), then all
/// of them as `[(index, error)]`.
pub(crate) fn collected<'py>(
    py: Python<'py>,
    errors: &RowErrors,
    n: usize,
    mode: Mode,
    stacklevel: u32,
    labels: &Labels,
) -> PyResult<Obj<'py>> {
    report(py, errors, mode, n, stacklevel, labels)?;
    let list = report(py, errors, Mode::Collect, n, stacklevel, labels)?;
    Ok(list.unwrap_or_else(|| PyList::empty(py)).into_any())
}
