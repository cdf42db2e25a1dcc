//! Arrow in and out through the Arrow PyCapsule interface: any object with
//! `__arrow_c_stream__` or `__arrow_c_array__` (a pyarrow Table, RecordBatch, Array or
//! ChunkedArray, a polars DataFrame or Series, a DuckDB relation …) is read by `pyo3-arrow`
//! into arrow-rs arrays, and answers go back as a `pyarrow.Table` (pyarrow is needed only
//! then). The FFI's `unsafe` is pyo3-arrow's; this crate has none.
//!
//! pandas objects export Arrow too, but keep their own reading (their index labels the rows
//! of errors, and their columns read as they always have).

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Schema};
use pyo3::prelude::*;
use pyo3::types::PyString;
use pyo3_arrow::PyTable;
use pyo3_arrow::input::AnyArray;
use zhidu::rows::Column;

use crate::Obj;
use crate::error::{self, OrRaise, input, reading};

/// Whether `obj` is read as Arrow: it exports an Arrow stream or array and is no pandas
/// object.
pub(crate) fn exports(obj: &Obj) -> bool {
    let module = obj
        .get_type()
        .module()
        .map(|m| m.to_string())
        .unwrap_or_default();
    if module.split('.').next() == Some("pandas") {
        return false;
    }
    obj.hasattr("__arrow_c_stream__").unwrap_or(false)
        || obj.hasattr("__arrow_c_array__").unwrap_or(false)
}

/// An error of reading an Arrow object (`what` names the argument).
fn unreadable(py: Python<'_>, what: &str, err: impl std::fmt::Display) -> PyErr {
    let message = format!("`{what}`: an Arrow stream that cannot be read ({err})");
    error::raise(py, &input(message, None), None)
}

/// An Arrow object's data as one array (a stream's chunks concatenated): a table is an array
/// of structs, one field per column.
pub(crate) fn array(obj: &Obj, what: &str) -> PyResult<ArrayRef> {
    let py = obj.py();
    let got = reading(py, what, obj.extract::<AnyArray>())?;
    let chunked = got
        .into_chunked_array()
        .map_err(|e| unreadable(py, what, PyErr::from(e)))?;
    match chunked.chunks() {
        [one] => Ok(Arc::clone(one)),
        [] => Ok(arrow_array::new_empty_array(chunked.data_type())),
        chunks => {
            let parts: Vec<&dyn Array> = chunks.iter().map(|c| c.as_ref()).collect();
            arrow_select::concat::concat(&parts).map_err(|e| unreadable(py, what, e))
        }
    }
}

/// The columns of an array of structs (a table), or None for any other array.
pub(crate) fn table_of(array: &ArrayRef) -> Option<RecordBatch> {
    let s = array.as_struct_opt()?;
    let DataType::Struct(fields) = array.data_type() else {
        return None;
    };
    let schema = Arc::new(Schema::new(fields.clone()));
    let options = arrow_array::RecordBatchOptions::new().with_row_count(Some(s.len()));
    RecordBatch::try_new_with_options(schema, s.columns().to_vec(), &options).ok()
}

/// One array as the core's column (`zhidu_arrow::column`: the one reading of Arrow types).
pub(crate) fn column(py: Python<'_>, what: &str, array: &ArrayRef) -> PyResult<Column> {
    zhidu_arrow::column(what, array.as_ref())
        .map_err(core_error)
        .or_raise(py)
}

/// zhidu-arrow's error as the core's, which the binding raises by its code.
pub(crate) fn core_error(e: zhidu_arrow::Error) -> zhidu::Error {
    match e {
        zhidu_arrow::Error::Zhidu(e) => e,
        other => input(other.to_string(), None),
    }
}

/// An Arrow table as its row count and the core's columns, for `zhidu::rows::read_frame`;
/// None when `obj` exports one column, not a table.
pub(crate) fn frame(obj: &Obj, what: &str) -> PyResult<Option<crate::rows::Frame>> {
    let py = obj.py();
    let Some(batch) = table_of(&array(obj, what)?) else {
        return Ok(None);
    };
    let schema = batch.schema();
    let mut columns = Vec::with_capacity(batch.num_columns());
    for (field, array) in schema.fields().iter().zip(batch.columns()) {
        let name = format!("{what}.{}", field.name());
        columns.push((field.name().clone(), column(py, &name, array)?));
    }
    Ok(Some((batch.num_rows(), columns)))
}

/// What a batch call returns: `None` (as before: numpy or Python objects) or `"arrow"`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Output {
    Python,
    Arrow,
}

impl Output {
    /// The `output` argument: None, `"numpy"` / `"python"` (the default answer) or `"arrow"`.
    pub(crate) fn parse(obj: Option<&Obj>) -> PyResult<Output> {
        let Some(obj) = obj.filter(|o| !o.is_none()) else {
            return Ok(Output::Python);
        };
        match obj.cast::<PyString>().map(|s| s.to_cow()) {
            Ok(Ok(s)) if s == "arrow" => Ok(Output::Arrow),
            Ok(Ok(s)) if s == "numpy" || s == "python" => Ok(Output::Python),
            _ => {
                let got = obj.repr().map(|r| r.to_string()).unwrap_or_default();
                let message = format!("`output` must be None, \"numpy\" or \"arrow\", not {got}");
                Err(error::raise(obj.py(), &input(message, None), None))
            }
        }
    }
}

/// A record batch (zhidu-arrow's: the one writer of Arrow answers) as a `pyarrow.Table`,
/// its schema's metadata (the policy's stamp, `zhidu:stamp`) included.
pub(crate) fn to_pyarrow(py: Python<'_>, batch: RecordBatch) -> PyResult<Obj<'_>> {
    if py.import("pyarrow").is_err() {
        let message =
            "`output=\"arrow\"` needs pyarrow, which is not installed: pip install pyarrow";
        return Err(error::raise(py, &input(message, None), None));
    }
    let schema = batch.schema();
    PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)
}
