//! `zhidu._zhidu`: the native module of the Python package `zhidu`.
//!
//! A thin binding: each class wraps one core type (`PolicySet`, `Policy`, `Due`,
//! `DueExplanation`, `CaseStatus`, `Diagnostic`, `Assessment`, `Scorecard`, `WindowRank`,
//! `Decisions`, `Decision`, `Report`) and each method converts its arguments, calls the core
//! once and converts the answer: `PolicySet` in `policy_set`, `Policy` in `policy`, their
//! arguments read in `args`. Conversions are in `convert` (one value), `batch` (whole
//! columns) and `rows` (rows of incidents, violations, cases and rosters, read by the core's
//! `zhidu::rows`); every error mapping is in `error`, each message from the core's catalogue
//! in the language of `zhidu.set_lang`. Each result class is declared once, as
//! the list of its core type's fields, with `result_class!` (getters, `to_dict`, `to_json`,
//! `==`, `repr`): those of due dates and cases in `results`, of scoring and accountability in
//! `scoring`, the period's report in `report`.

mod access;
mod args;
mod arrow;
mod batch;
mod convert;
mod error;
mod gc_pause;
mod labels;
mod lines;
mod policy;
mod policy_set;
mod report;
mod result_class;
mod results;
mod row_batch;
mod rows;
mod schedules;
mod scoring;
mod stamped;
mod what_if;

use pyo3::prelude::*;

/// Any Python object, as a method receives its arguments.
pub(crate) type Obj<'py> = Bound<'py, PyAny>;

/// The native module; `zhidu/__init__.py` re-exports it.
#[pymodule]
fn _zhidu(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<policy_set::PolicySet>()?;
    m.add_class::<policy::Policy>()?;
    m.add_class::<results::Due>()?;
    m.add_class::<results::DueExplanation>()?;
    m.add_class::<results::CaseStatus>()?;
    m.add_class::<results::Diagnostic>()?;
    m.add_class::<scoring::Assessment>()?;
    m.add_class::<scoring::Scorecard>()?;
    m.add_class::<scoring::WindowRank>()?;
    m.add_class::<scoring::Decisions>()?;
    m.add_class::<scoring::Decision>()?;
    m.add_class::<report::Report>()?;
    m.add_class::<access::AccessDecisions>()?;
    m.add_class::<access::AccessDecision>()?;
    m.add_class::<access::Retention>()?;
    m.add_class::<access::RetentionLine>()?;
    m.add_class::<what_if::WhatIf>()?;
    m.add_function(wrap_pyfunction!(policy_set::_restore_policy_set, m)?)?;
    m.add_function(wrap_pyfunction!(error::_set_lang, m)?)?;
    m.add_function(wrap_pyfunction!(error::_enter_lang, m)?)?;
    m.add_function(wrap_pyfunction!(error::_text, m)?)?;
    m.add_function(wrap_pyfunction!(policy_set::_restore_policy, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
