//! Reading a method's arguments: text, paths, policy sources, flags and optional values.
//! A value of the wrong kind is an `InputError` whose message is a catalogue entry, so it
//! reads in the language of `zhidu.set_lang`.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

use crate::Obj;
use crate::convert;
use crate::error::{self, input, reading};

/// `zhidu.InputError` for an argument of the wrong kind.
pub(crate) fn bad_argument(py: Python<'_>, message: String) -> PyErr {
    error::raise(py, &input(message, None), None)
}

pub(crate) fn text(obj: &Obj, what: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => reading(obj.py(), what, s.to_cow().map(std::borrow::Cow::into_owned)),
        Err(_) => {
            let got = format!("`{}`", convert::type_name(obj));
            Err(bad_argument(
                obj.py(),
                format!("`{what}` must be {}, not {got}", "a string"),
            ))
        }
    }
}

pub(crate) fn path(obj: &Obj) -> PyResult<PathBuf> {
    let py = obj.py();
    let fspath = reading(
        py,
        "path",
        py.import("os")
            .and_then(|os| os.call_method1("fspath", (obj,))),
    )?;
    Ok(PathBuf::from(text(&fspath, "path")?))
}

/// `(name, text)` pairs from a mapping or an iterable of pairs.
pub(crate) fn sources(obj: &Obj) -> PyResult<Vec<(String, String)>> {
    let py = obj.py();
    let items = match obj.cast::<PyDict>() {
        Ok(d) => d.items().into_any(),
        Err(_) => obj.clone(),
    };
    let mut out = Vec::new();
    for item in reading(py, "sources", items.try_iter())? {
        let item = reading(py, "sources", item)?;
        let pair = item.cast::<PyTuple>().ok().filter(|t| t.len() == 2);
        let Some(pair) = pair else {
            let message = "`sources` must map file names to texts, or be (name, text) pairs";
            return Err(bad_argument(py, message.to_owned()));
        };
        let name = text(&reading(py, "sources", pair.get_item(0))?, "file name")?;
        let body = text(&reading(py, "sources", pair.get_item(1))?, "file text")?;
        out.push((name, body));
    }
    Ok(out)
}

/// An optional argument read by `read` (`None` and absent are the same).
pub(crate) fn opt<'py, T>(
    obj: Option<&Obj<'py>>,
    read: impl FnOnce(&Obj<'py>) -> PyResult<T>,
) -> PyResult<Option<T>> {
    obj.filter(|o| !o.is_none()).map(read).transpose()
}

/// A flag argument: `True` or `False` (numpy's bools too).
pub(crate) fn flag(obj: Option<&Obj>, what: &str, default: bool) -> PyResult<bool> {
    let Some(obj) = obj else {
        return Ok(default);
    };
    if let Ok(b) = obj.cast::<pyo3::types::PyBool>() {
        return Ok(b.is_true());
    }
    // numpy's bools (`numpy.bool`, `numpy.bool_`).
    if obj
        .get_type()
        .name()
        .is_ok_and(|n| matches!(n.to_cow().as_deref(), Ok("bool" | "bool_")))
    {
        if let Ok(b) = obj.is_truthy() {
            return Ok(b);
        }
    }
    Err(bad_argument(
        obj.py(),
        format!("`{what}` must be True or False"),
    ))
}
