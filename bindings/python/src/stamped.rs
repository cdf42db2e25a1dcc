//! Stamps on answers (issue #17): every answer names the rules that gave it. A single answer
//! (`Due`, `DueExplanation`, `CaseStatus`) holds its call's [`Shared`] stamp, a refcount
//! rather than a copy per object; a list answer is a `zhidu.StampedList` (a `list` subclass
//! of the pure-Python package) carrying the stamp as a dict.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyList;

use crate::Obj;
use crate::convert;

/// One call's stamp, shared by every answer the call returns.
pub(crate) type Shared = Arc<zhidu::Stamp>;

/// `zhidu._stamped.StampedList`, imported once.
static STAMPED_LIST: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The stamp as `Policy.stamp` has it: a dict with `policy`, `version`, `effective_from`
/// and `hash`.
pub(crate) fn dict<'py>(py: Python<'py>, stamp: &zhidu::Stamp) -> PyResult<Obj<'py>> {
    convert::to_dict(py, stamp)
}

/// `stamp` of a single answer: its dict, or None for an answer with no policy of its own.
pub(crate) fn getter<'py>(py: Python<'py>, stamp: Option<&Shared>) -> PyResult<Option<Obj<'py>>> {
    stamp.map(|s| dict(py, s)).transpose()
}

/// A list answer as a `zhidu.StampedList` with `stamp`; anything that is not a plain list (a
/// numpy array, which cannot carry an attribute) is returned as it is.
pub(crate) fn list<'py>(answer: Obj<'py>, stamp: &zhidu::Stamp) -> PyResult<Obj<'py>> {
    if !answer.is_exact_instance_of::<PyList>() {
        return Ok(answer);
    }
    let py = answer.py();
    let class = STAMPED_LIST.get_or_try_init(py, || {
        Ok::<_, PyErr>(
            py.import("zhidu._stamped")?
                .getattr("StampedList")?
                .unbind(),
        )
    })?;
    class.bind(py).call1((answer, dict(py, stamp)?))
}

/// A dict answer (`rota`, `triggers`, … as the CLI's JSON has them) with one more key,
/// `stamp`, last, as the CLI's `--format json` adds it.
pub(crate) fn dict_answer<'py>(answer: Obj<'py>, stamp: &zhidu::Stamp) -> PyResult<Obj<'py>> {
    answer.set_item("stamp", dict(answer.py(), stamp)?)?;
    Ok(answer)
}
