//! One declaration per result class: [`result_class!`] writes a frozen class's getters,
//! `to_dict()`, `to_json()`, `__eq__` and `__repr__` from the list of the core type's fields,
//! so a field added to the core is one line here and one in the stubs.
//!
//! A getter converts its field by the field's Rust type ([`Field`]): text and the core's
//! enums to `str`, integers to `int`, dates to `datetime.date`, instants to aware
//! `datetime`s, money to a two-place `decimal.Decimal`, nested parts (warnings, lines,
//! clauses …) to the dicts `to_dict()` has, `Option` to `None`, `Vec` to a list.
//! `to_dict()` and `to_json()` are the core's serde form, `__eq__` the core's equality,
//! `__repr__` the fields listed under `repr` (and the lengths under `counts`).

use std::fmt::Write as _;
use std::sync::Mutex;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyList, PyString};
use pyo3::{IntoPyObjectExt, PyClass};

use crate::Obj;
use crate::convert;

/// The core value a result class shows: its own, or one element of a shared result.
pub(crate) trait View {
    type Of: serde::Serialize + PartialEq;
    fn view(&self) -> PyResult<&Self::Of>;

    /// `to_json()`: the CLI's JSON text (compact, unless the core writes it otherwise).
    fn json(&self) -> PyResult<String> {
        convert::to_json_text(self.view()?)
    }
}

/// A result that is a sequence of element classes (`Assessment` of `Scorecard`s).
pub(crate) trait Sequence {
    type Item: PyClass + Into<PyClassInitializer<Self::Item>>;
    fn len(&self) -> usize;
    fn item(&self, i: usize) -> Self::Item;

    /// Every element, as a Python list.
    fn list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = (0..self.len()).map(|i| Bound::new(py, self.item(i)));
        PyList::new(py, items.collect::<PyResult<Vec<_>>>()?)
    }

    /// `seq[index]`: one element (negative counts from the end); anything else (a slice, a
    /// wrong index) as a list of every element has it.
    fn get<'py>(&self, index: &Obj<'py>) -> PyResult<Obj<'py>> {
        let py = index.py();
        if let Ok(i) = index.extract::<isize>() {
            let n = isize::try_from(self.len()).unwrap_or(isize::MAX);
            let i = if i < 0 { i + n } else { i };
            return match usize::try_from(i).ok().filter(|&i| i < self.len()) {
                Some(i) => Ok(Bound::new(py, self.item(i))?.into_any()),
                None => Err(PyIndexError::new_err(
                    crate::error::lang(py).translate("index out of range"),
                )),
            };
        }
        self.list(py)?.as_any().get_item(index)
    }
}

/// A field's Python value and its part of a `__repr__`, by the field's type.
pub(crate) trait Field {
    fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>>;
    fn repr(&self, out: &mut String);
}

/// Numbers as Python writes them; dates and instants in ISO 8601, as the CLI does.
macro_rules! plain_fields {
    ($($t:ty),*) => {$(
        impl Field for $t {
            fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
                self.into_bound_py_any(py)
            }
            fn repr(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
plain_fields!(u32, u64, usize, i64, NaiveDate);

impl Field for DateTime<FixedOffset> {
    fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        aware_datetime(py, self)
    }
    fn repr(&self, out: &mut String) {
        out.push_str(&self.to_rfc3339());
    }
}

impl Field for bool {
    fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        Ok(PyBool::new(py, *self).to_owned().into_any())
    }
    fn repr(&self, out: &mut String) {
        out.push_str(if *self { "True" } else { "False" });
    }
}

impl Field for String {
    fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        Ok(PyString::new(py, self).into_any())
    }
    fn repr(&self, out: &mut String) {
        quote(self, out);
    }
}

/// The core's enums whose `Display` is their serde spelling: a `str` in Python.
macro_rules! text_fields {
    ($($t:ty),*) => {$(
        impl Field for $t {
            fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
                Ok(PyString::new(py, &self.to_string()).into_any())
            }
            fn repr(&self, out: &mut String) {
                quote(&self.to_string(), out);
            }
        }
    )*};
}
text_fields!(
    zhidu::Unit,
    zhidu::Severity,
    zhidu::SubjectKind,
    zhidu::Verdict,
    zhidu::Retained
);

/// A case's status: a `zhidu.Status`, the `str` enumeration that refuses to compare with a
/// misspelt status (`== "overdue"` would otherwise match nothing, silently).
impl Field for zhidu::Status {
    fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        // The members by value, looked up once: calling the enum class costs six times a
        // plain field's read.
        static MEMBERS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let members = MEMBERS.get_or_try_init(py, || {
            py.import("zhidu._status")
                .and_then(|m| m.getattr("Status"))
                .and_then(|c| c.getattr("_value2member_map_"))
                .map(Bound::unbind)
        })?;
        members.bind(py).get_item(self.to_string())
    }
    fn repr(&self, out: &mut String) {
        quote(&self.to_string(), out);
    }
}

/// Money (or a window's mean score): a `decimal.Decimal` with two places, as the core
/// serializes it (policies allow no finer amounts, so this is exact).
impl Field for rust_decimal::Decimal {
    fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        convert::two_places(py, self)
    }
    fn repr(&self, out: &mut String) {
        let _ = write!(out, "Decimal('{self:.2}')");
    }
}

/// Nested parts of results (a warning, a day of an explanation, a scorecard's line …): the
/// serde form as `to_dict()` has it, a dict with Python dates, instants and decimals.
macro_rules! dict_fields {
    ($($t:ty),*) => {$(
        impl Field for $t {
            fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
                convert::to_dict(py, self)
            }
            fn repr(&self, out: &mut String) {
                out.push_str(&serde_json::to_string(self).unwrap_or_default());
            }
        }
    )*};
}
dict_fields!(
    zhidu::Figures,
    zhidu::PreviousPeriod,
    zhidu::Change,
    zhidu::CaseStatus,
    zhidu::WindowRank,
    zhidu::Decision,
    zhidu::Warning,
    zhidu::DayStep,
    zhidu::Clause,
    zhidu::DefaultNote,
    zhidu::CategoryScore,
    zhidu::EffectHit,
    zhidu::Line,
    zhidu::Disqualification,
    zhidu::SubjectSummary,
    zhidu::Escalation,
    zhidu::ApprovalNeed,
    zhidu::AccessCondition,
    zhidu::Stamp,
    zhidu::WhatIfTotals,
    zhidu::CaseChange,
    zhidu::ScoreChange,
    zhidu::RankChange,
    zhidu::DecisionChange,
    zhidu::WhatIfSkipped
);

/// Rows a batch could not use, as `zhidu.RowError`s.
impl Field for zhidu::SkippedRow {
    fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        crate::error::row_error(py, self, &crate::labels::RowLabels::default())
    }
    fn repr(&self, out: &mut String) {
        let _ = write!(out, "RowError(row={})", self.row);
    }
}

impl<T: Field> Field for Option<T> {
    fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        match self {
            Some(v) => v.py(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
    fn repr(&self, out: &mut String) {
        match self {
            Some(v) => v.repr(out),
            None => out.push_str("None"),
        }
    }
}

impl<T: Field> Field for Vec<T> {
    fn py<'py>(&self, py: Python<'py>) -> PyResult<Obj<'py>> {
        let items = self.iter().map(|v| v.py(py));
        Ok(PyList::new(py, items.collect::<PyResult<Vec<_>>>()?)?.into_any())
    }
    fn repr(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            out.push_str(if i == 0 { "" } else { ", " });
            v.repr(out);
        }
        out.push(']');
    }
}

/// An aware `datetime.datetime` with the instant's offset. pyo3's conversion builds a new
/// `timedelta` and `timezone` for every value (the abi3 build has no datetime C API), four
/// fifths of an instant getter's time; the `timezone` of each offset met is kept instead.
pub(crate) fn aware_datetime<'py>(
    py: Python<'py>,
    t: &DateTime<FixedOffset>,
) -> PyResult<Obj<'py>> {
    static CLASS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    /// Offsets met, with their `timezone`; a calendar has one, so this stays tiny.
    static ZONES: Mutex<Vec<(i32, Py<PyAny>)>> = Mutex::new(Vec::new());
    const ZONES_MAX: usize = 64;
    let seconds = t.offset().local_minus_utc();
    let cached = ZONES.lock().ok().and_then(|zones| {
        let found = zones.iter().find(|(s, _)| *s == seconds);
        found.map(|(_, zone)| zone.clone_ref(py))
    });
    let zone = match cached {
        Some(zone) => zone,
        None => {
            let zone = t.offset().into_bound_py_any(py)?.unbind();
            if let Ok(mut zones) = ZONES.lock() {
                if zones.len() < ZONES_MAX {
                    zones.push((seconds, zone.clone_ref(py)));
                }
            }
            zone
        }
    };
    let class = CLASS.get_or_try_init(py, || {
        py.import("datetime")?
            .getattr("datetime")
            .map(Bound::unbind)
    })?;
    let local = t.naive_local();
    // A leap second (nanoseconds past 10^9) is the second's last microsecond, as pyo3 has it.
    let micro = (local.nanosecond() / 1000).min(999_999);
    class.bind(py).call1((
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute(),
        local.second(),
        micro,
        zone,
    ))
}

/// A string as Python's `repr()` writes it: single quotes, backslash escapes.
fn quote(s: &str, out: &mut String) {
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' | '\'' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('\'');
}

/// `$name` or, renamed in Python, `$name = $source`: the core field read.
macro_rules! field_of {
    ($v:ident, $name:ident) => {
        &$v.$name
    };
    ($v:ident, $name:ident, $source:ident) => {
        &$v.$source
    };
}

/// A result class's `repr_of` from the fields its `repr` lists (and the lengths of `counts`);
/// `custom`: the class writes its own.
macro_rules! repr_of {
    ($class:ident, $core:ty, custom, [$($cname:ident),*]) => {};
    ($class:ident, $core:ty, { $( $rname:ident $(= $rsource:ident)? ),* $(,)? }, [$($cname:ident),*]) => {
        impl $class {
            /// The `__repr__` of a core value of this class.
            #[allow(dead_code, reason = "used where another class nests this one")]
            pub(crate) fn repr_of(v: &$core) -> String {
                use $crate::result_class::Field as _;
                let mut out = String::with_capacity(96);
                out.push_str(concat!(stringify!($class), "("));
                $(
                    out.push_str(concat!(stringify!($rname), "="));
                    $crate::result_class::field_of!(v, $rname $(, $rsource)?).repr(&mut out);
                    out.push_str(", ");
                )*
                $(
                    out.push_str(concat!(stringify!($cname), "="));
                    v.$cname.len().repr(&mut out);
                    out.push_str(", ");
                )*
                out.truncate(out.trim_end_matches(", ").len());
                out.push(')');
                out
            }
        }
    };
}

/// A result class's methods from its fields:
///
/// ```ignore
/// result_class! {
///     CaseStatus.inner: zhidu::CaseStatus {      // `.inner`: the field holding the core value,
///         /// The case's id.                        //   or `in cards`: element `i` of a shared
///                                                   //   sequence's `all.cards` (or `impl View`)
///         id,
///         class_id = class,                         // Python name = core field
///     }
///     repr { id, status }                        // or `repr custom`: `repr_of` by hand
///     counts { errors }                              // optional: `errors=3` in the repr
///     sequence statuses of Status                    // optional: `impl Sequence` over
///                                                    //   (elements made by `Status::element(all, i)`)
///                                                    //   `inner.statuses`, and the elements'
///                                                    //   getter, len, [i], iter
///     methods { /* hand-written methods of the same class */ }
/// }
/// ```
macro_rules! result_class {
    (
        $class:ident $(. $inner:ident)? $(in $elems:ident)? : $core:ty {
            $( $(#[$doc:meta])* $name:ident $(= $source:ident)? ),* $(,)?
        }
        repr $repr:tt
        $( counts { $( $cname:ident ),* $(,)? } )?
        $( sequence $seq:ident of $item:ident )?
        $( methods { $($methods:tt)* } )?
    ) => {
        $(
            impl $crate::result_class::View for $class {
                type Of = $core;
                fn view(&self) -> pyo3::PyResult<&$core> {
                    Ok(std::borrow::Borrow::borrow(&self.$inner))
                }
            }
        )?

        $(
            impl $crate::result_class::View for $class {
                type Of = $core;
                fn view(&self) -> pyo3::PyResult<&$core> {
                    self.all.$elems.get(self.i).ok_or_else(|| {
                        pyo3::exceptions::PyIndexError::new_err(concat!(
                            stringify!($class),
                            " index out of range"
                        ))
                    })
                }
            }
        )?

        $(
            impl $crate::result_class::Sequence for $class {
                type Item = $item;
                fn len(&self) -> usize {
                    self.inner.$seq.len()
                }
                fn item(&self, i: usize) -> $item {
                    $item::element(std::sync::Arc::clone(&self.inner), i)
                }
            }
        )?

        $crate::result_class::repr_of!($class, $core, $repr, [$($($cname),*)?]);

        #[pyo3::pymethods]
        impl $class {
            $(
                $(#[$doc])*
                #[getter]
                fn $name<'py>(
                    &self,
                    py: pyo3::Python<'py>,
                ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                    use $crate::result_class::{Field as _, View as _};
                    let v = self.view()?;
                    $crate::result_class::field_of!(v, $name $(, $source)?).py(py)
                }
            )*

            /// The result as the CLI's JSON has it (`to_json()`'s fields and order), with dates,
            /// instants and money as `datetime.date`, aware `datetime` and `decimal.Decimal`.
            fn to_dict<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::convert::to_dict(py, $crate::result_class::View::view(self)?)
            }

            /// The result as the CLI's JSON text (money as two-place decimal strings).
            fn to_json(&self) -> pyo3::PyResult<String> {
                $crate::result_class::View::json(self)
            }

            fn __eq__(&self, other: &pyo3::Bound<'_, pyo3::PyAny>) -> bool {
                use $crate::result_class::View as _;
                other.cast::<$class>().is_ok_and(|o| {
                    matches!((o.get().view(), self.view()), (Ok(a), Ok(b)) if a == b)
                })
            }

            fn __repr__(&self) -> pyo3::PyResult<String> {
                Ok(Self::repr_of($crate::result_class::View::view(self)?))
            }

            $(
                /// Every element, in order.
                #[getter]
                fn $seq<'py>(
                    &self,
                    py: pyo3::Python<'py>,
                ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyList>> {
                    $crate::result_class::Sequence::list(self, py)
                }

                fn __len__(&self) -> usize {
                    $crate::result_class::Sequence::len(self)
                }

                fn __getitem__<'py>(
                    &self,
                    index: &pyo3::Bound<'py, pyo3::PyAny>,
                ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                    $crate::result_class::Sequence::get(self, index)
                }

                fn __iter__<'py>(
                    &self,
                    py: pyo3::Python<'py>,
                ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                    let list = $crate::result_class::Sequence::list(self, py)?;
                    Ok(list.try_iter()?.into_any())
                }
            )?

            $( $($methods)* )?
        }
    };
}

pub(crate) use {field_of, repr_of, result_class};
