//! Every error mapping between zhidu and Python, in one place.
//!
//! Core errors become instances of the classes of `zhidu._errors` (one per
//! [`zhidu::Error::code`], all under `zhidu.ZhiduError`), with the core's fields as attributes.
//! Conversion problems (a wrong type, an unreadable value, a Python exception raised while
//! reading a column) become `InputError`s, so a caller only ever sees zhidu exceptions.

use core::sync::atomic::{AtomicBool, Ordering};

use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyList;

use crate::Obj;
use crate::convert;
use crate::labels::RowLabels;
use crate::results::Diagnostic;

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
static LANG: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Whether `zhidu.set_lang` chose Chinese: the default, kept here as well as in
/// `zhidu._lang`, so that reading it is no call into Python.
static DEFAULT_ZH: AtomicBool = AtomicBool::new(false);
/// Whether a `with zhidu.lang(…)` block was ever entered; until then the default is the
/// language everywhere.
static CONTEXTS: AtomicBool = AtomicBool::new(false);

/// The language messages are written in: `zhidu.get_lang()` (`with zhidu.lang("zh")`, else
/// `zhidu.set_lang`, else English). Read when an error or explanation is made, never cached,
/// so a context set in one thread or task never leaks into another; while no context was
/// ever set, the default is read here without calling Python (a call costs a fifth of a
/// `due()`).
pub(crate) fn lang(py: Python<'_>) -> zhidu::Lang {
    if !CONTEXTS.load(Ordering::Relaxed) {
        return if DEFAULT_ZH.load(Ordering::Relaxed) {
            zhidu::Lang::Zh
        } else {
            zhidu::Lang::En
        };
    }
    LANG.get_or_try_init(py, || {
        py.import("zhidu._lang")
            .and_then(|m| m.getattr("get_lang"))
            .map(Bound::unbind)
    })
    .ok()
    .and_then(|get| get.bind(py).call0().ok())
    .and_then(|code| code.extract::<String>().ok())
    .and_then(|code| code.parse().ok())
    .unwrap_or_default()
}

/// A core result whose words (warnings, the basis of a provisional year, an explanation's
/// rules and notes) follow the language of `zhidu.get_lang()`.
pub(crate) trait Localized: Sized {
    /// Whether the result has words a language changes.
    fn has_words(&self) -> bool;
    /// The result with its words in `lang`.
    fn in_lang(self, lang: zhidu::Lang) -> Self;

    /// The result in the language of `zhidu.get_lang()`. Asking for the language runs Python
    /// code (about 1,200 instructions, a fifth of a `due()` call), so it is asked only when
    /// the result has words to translate, which most due dates and statuses have not.
    fn localized(self, py: Python<'_>) -> Self {
        if self.has_words() {
            self.in_lang(lang(py))
        } else {
            self
        }
    }
}

impl Localized for zhidu::Due {
    fn has_words(&self) -> bool {
        !self.warnings.is_empty() || !self.basis.is_empty()
    }
    fn in_lang(self, lang: zhidu::Lang) -> Self {
        self.into_lang(lang)
    }
}

impl Localized for zhidu::CaseStatus {
    fn has_words(&self) -> bool {
        !self.warnings.is_empty() || !self.basis.is_empty()
    }
    fn in_lang(self, lang: zhidu::Lang) -> Self {
        self.into_lang(lang)
    }
}

impl Localized for zhidu::DueExplanation {
    fn has_words(&self) -> bool {
        true
    }
    fn in_lang(self, lang: zhidu::Lang) -> Self {
        self.into_lang(lang)
    }
}

impl Localized for zhidu::Triggers {
    fn has_words(&self) -> bool {
        self.enterprises.iter().any(|e| !e.fired.is_empty())
    }
    fn in_lang(self, lang: zhidu::Lang) -> Self {
        self.into_lang(lang)
    }
}

impl Localized for zhidu::FlowFindings {
    fn has_words(&self) -> bool {
        true
    }
    fn in_lang(self, lang: zhidu::Lang) -> Self {
        self.into_lang(lang)
    }
}

/// `zhidu.set_lang`: the name checked with the core's rules (`"zh"`, `"en"` or a locale name
/// such as `"zh_CN.UTF-8"`) and kept as the default; answers `"zh"` or `"en"`.
#[pyfunction]
pub(crate) fn _set_lang(py: Python<'_>, name: &str) -> PyResult<&'static str> {
    let lang = name.parse::<zhidu::Lang>().or_raise(py)?;
    DEFAULT_ZH.store(lang == zhidu::Lang::Zh, Ordering::Relaxed);
    Ok(lang.code())
}

/// `with zhidu.lang(name)`: the name checked as by `_set_lang`; from now on the language is
/// read from `zhidu._lang`'s context variable.
#[pyfunction]
pub(crate) fn _enter_lang(py: Python<'_>, name: &str) -> PyResult<&'static str> {
    let lang = name.parse::<zhidu::Lang>().or_raise(py)?;
    CONTEXTS.store(true, Ordering::Relaxed);
    Ok(lang.code())
}

/// A message of the catalogue in the caller's language, for the package's own Python code
/// (`zhidu._columns`, `zhidu.pandas`, …), so its errors read in Chinese as the binding's do.
/// An id the catalogue lacks is a bug of the package: `KeyError`.
#[pyfunction]
#[pyo3(signature = (id, **params))]
pub(crate) fn _text(
    py: Python<'_>,
    id: &str,
    params: Option<std::collections::HashMap<String, String>>,
) -> PyResult<String> {
    let params = params.unwrap_or_default();
    let pairs: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    lang(py)
        .text(id, &pairs)
        .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(id.to_owned()))
}

/// A name of `zhidu._errors`: a class, or `_BY_CODE`.
fn class<'py>(py: Python<'py>, name: &str) -> PyResult<Obj<'py>> {
    let module = ERRORS.get_or_try_init(py, || py.import("zhidu._errors").map(Bound::unbind))?;
    module.bind(py).getattr(name)
}

/// A `zhidu.RowError` (input, 1-based row, exception) for a row the core could not use; the
/// exception's `index` is the 0-based position and its `label` the row's label (a
/// DataFrame's index label, else the position).
pub(crate) fn row_error<'py>(
    py: Python<'py>,
    e: &zhidu::SkippedRow,
    labels: &RowLabels,
) -> PyResult<Obj<'py>> {
    let exc = exception(py, &e.error, Some(e.row.saturating_sub(1)))?;
    exc.setattr("label", labels.get(py, e.input, e.row)?)?;
    class(py, "RowError")?.call1((e.input, e.row, exc))
}

/// The `zhidu.AsOfWarning` class.
pub(crate) fn as_of_warning(py: Python<'_>) -> PyResult<Obj<'_>> {
    class(py, "AsOfWarning")
}

/// The `zhidu.RowWarning` class.
pub(crate) fn row_warning(py: Python<'_>) -> PyResult<Obj<'_>> {
    class(py, "RowWarning")
}

/// An input error made by the binding itself (a value it cannot convert).
pub(crate) fn input(message: impl Into<String>, hint: Option<&str>) -> zhidu::Error {
    zhidu::Error::Input {
        message: message.into(),
        hint: hint.map(str::to_owned),
    }
}

/// The exception instance for a core error; `index` is the row of a batch, if any.
pub(crate) fn exception<'py>(
    py: Python<'py>,
    err: &zhidu::Error,
    index: Option<usize>,
) -> PyResult<Obj<'py>> {
    let lang = lang(py);
    // The class of the code (`zhidu._errors._BY_CODE`); a code the binding does not know yet
    // (a later core feature) is raised as the base class with its `.code`, so nothing is lost.
    let class = class(py, "_BY_CODE")?
        .get_item(err.code())
        .or_else(|_| class(py, "ZhiduError").map(Bound::into_any))?;
    let exc = class.call1((err.message_in(lang),))?;
    exc.setattr("code", err.code())?;
    exc.setattr("help", err.help_in(lang))?;
    exc.setattr("index", index)?;
    let diagnostics = err.diagnostics_in(lang).into_iter().map(Diagnostic::from);
    exc.setattr("diagnostics", PyList::new(py, diagnostics)?)?;
    // A row that could not be read: its row error as a dict (kind, row, line, field, code,
    // message, hint), the same in every host.
    let row = err.row().map(|r| convert::to_dict(py, r)).transpose()?;
    exc.setattr("row_error", row)?;
    // The fields of the error's kind (`year` of a coverage error …) as attributes; a path is
    // `filename`, as in `OSError`.
    for (key, value) in err.fields() {
        let key = if key == "path" { "filename" } else { key };
        exc.setattr(key, convert::from_json(py, &value, Some(key))?)?;
    }
    Ok(exc)
}

/// The Python exception to raise for a core error.
pub(crate) fn raise(py: Python<'_>, err: &zhidu::Error, index: Option<usize>) -> PyErr {
    match exception(py, err, index) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// `?` for core results in functions that return `PyResult`.
pub(crate) trait OrRaise<T> {
    /// The value, or the zhidu exception for the error.
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, zhidu::Error> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| raise(py, &e, None))
    }
}

/// A Python exception met while reading one value (a row), as an input error naming what
/// was read.
pub(crate) fn from_python(py: Python<'_>, what: &str, err: &PyErr) -> zhidu::Error {
    let text = err
        .value(py)
        .str()
        .map(|s| s.to_string())
        .unwrap_or_default();
    input(format!("{what}: {text}"), None)
}

/// Read an argument with Python calls; a Python exception becomes an `InputError` naming the
/// argument (with the original as its `__cause__`), except non-errors such as
/// `KeyboardInterrupt`, which pass unchanged.
pub(crate) fn reading<T>(py: Python<'_>, what: &str, result: PyResult<T>) -> PyResult<T> {
    result.map_err(|err| {
        if !err.is_instance_of::<PyException>(py) || is_zhidu(py, &err) {
            return err;
        }
        let new = raise(py, &from_python(py, what, &err), None);
        new.set_cause(py, Some(err));
        new
    })
}

fn is_zhidu(py: Python<'_>, err: &PyErr) -> bool {
    class(py, "ZhiduError").is_ok_and(|c| err.value(py).is_instance(&c).unwrap_or(false))
}
