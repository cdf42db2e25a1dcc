//! `zhidu._zhidu`: the native module of the Python package `zhidu`.
//!
//! A thin binding: each class wraps one core type (`PolicySet`, `Policy`, `Due`,
//! `DueExplanation`, `CaseStatus`, `Diagnostic`) and each method converts its arguments,
//! calls the core once and converts the answer. Conversions are in `convert` (one value) and
//! `batch` (whole columns); every error mapping is in `error`. Later core features (`assess`,
//! `decide`) add a result class in `results` and a method on `Policy`, nothing else.

mod batch;
mod convert;
mod error;
mod policy;
mod results;

use pyo3::prelude::*;

/// The native module; `zhidu/__init__.py` re-exports it.
#[pymodule]
fn _zhidu(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<policy::PolicySet>()?;
    m.add_class::<policy::Policy>()?;
    m.add_class::<results::Due>()?;
    m.add_class::<results::DueExplanation>()?;
    m.add_class::<results::CaseStatus>()?;
    m.add_class::<results::Diagnostic>()?;
    m.add_function(wrap_pyfunction!(policy::_restore_policy_set, m)?)?;
    m.add_function(wrap_pyfunction!(policy::_restore_policy, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
