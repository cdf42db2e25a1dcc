//! Row labels: a bad row of a pandas input is reported with its index label (the frame's
//! `index`) as well as its 0-based position, so an analyst finds it with `df.loc[label]`.
//!
//! The index is kept as the pandas object and read only for the rows that failed; an input
//! that is not a pandas object labels each row by its position.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::Obj;
use crate::error::reading;

/// The labels of one input's rows.
#[derive(Default)]
pub(crate) struct Labels(Option<Py<PyAny>>);

impl Labels {
    /// The index of a pandas DataFrame or Series (`zhidu._columns.labels`), else positions.
    pub(crate) fn of(obj: &Obj) -> PyResult<Labels> {
        // Lists and tuples (the common case of small calls) have no index: no call into Python.
        if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            return Ok(Labels::default());
        }
        let py = obj.py();
        let index = py
            .import("zhidu._columns")
            .and_then(|m| m.call_method1("labels", (obj,)));
        let index = reading(py, "index", index)?;
        Ok(Labels((!index.is_none()).then(|| index.unbind())))
    }

    /// The pandas index, if the input had one.
    pub(crate) fn index<'py>(&self, py: Python<'py>) -> Option<Obj<'py>> {
        self.0.as_ref().map(|i| i.bind(py).clone())
    }

    /// The label of the row at 0-based `position`: the index's, as a Python value, else the
    /// position itself.
    pub(crate) fn get<'py>(&self, py: Python<'py>, position: usize) -> PyResult<Obj<'py>> {
        match &self.0 {
            Some(index) => {
                let label = index.bind(py).get_item(position)?;
                // numpy scalars (`numpy.int64` …) as Python values.
                match label.hasattr("item") {
                    Ok(true) => label.call_method0("item"),
                    _ => Ok(label),
                }
            }
            None => Ok(position.into_pyobject(py)?.into_any()),
        }
    }
}

/// The labels of each input of a scoring or accountability call, by the input's kind as a
/// row error names it (`incident`, `case`, `violation`).
#[derive(Default)]
pub(crate) struct RowLabels(Vec<(&'static str, Labels)>);

impl RowLabels {
    /// Add the labels of the input of `kind`.
    pub(crate) fn with(mut self, kind: &'static str, obj: Option<&Obj>) -> PyResult<RowLabels> {
        if let Some(obj) = obj.filter(|o| !o.is_none()) {
            self.0.push((kind, Labels::of(obj)?));
        }
        Ok(self)
    }

    /// The label of 1-based `row` of the input of `kind`.
    pub(crate) fn get<'py>(&self, py: Python<'py>, kind: &str, row: usize) -> PyResult<Obj<'py>> {
        let position = row.saturating_sub(1);
        match self.0.iter().find(|(k, _)| *k == kind) {
            Some((_, labels)) => labels.get(py, position),
            None => Ok(position.into_pyobject(py)?.into_any()),
        }
    }
}
