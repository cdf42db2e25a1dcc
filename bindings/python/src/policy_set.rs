//! `PolicySet`: loading, checking, lookup and pickling of a set of calendars and policies.

use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::Obj;
use crate::args::{path, sources, text};
use crate::error::OrRaise;
use crate::policy::Policy;
use crate::results::diagnostics;

/// A validated set of calendars and policies; immutable, shareable across threads, picklable.
#[pyclass(frozen, module = "zhidu", name = "PolicySet")]
pub(crate) struct PolicySet {
    pub(crate) inner: zhidu::PolicySet,
}

fn compile(py: Python<'_>, files: &[(String, String)]) -> PyResult<zhidu::PolicySet> {
    py.detach(|| zhidu::PolicySet::from_sources(files))
        .or_raise(py)
}

/// What `__reduce__` gives pickle: the function that rebuilds the object, and its arguments.
pub(crate) type Restore<'py, Args> = (Obj<'py>, Args);
/// A pickled set's state: `None` for the builtin set, else its `(name, text)` pairs.
type State = Option<Vec<(String, String)>>;

/// Sets rebuilt from pickles, by their sources: a worker that unpickles the same policy for
/// every task compiles it once.
static UNPICKLED: Mutex<Vec<zhidu::PolicySet>> = Mutex::new(Vec::new());
const UNPICKLED_MAX: usize = 8;

/// Rebuild a pickled `PolicySet`: `None` is the builtin set, else its `(name, text)` pairs.
#[pyfunction]
pub(crate) fn _restore_policy_set(py: Python<'_>, state: &Obj) -> PyResult<PolicySet> {
    if state.is_none() {
        return PolicySet::builtin(py);
    }
    let files = sources(state)?;
    let cached = UNPICKLED.lock().ok().and_then(|sets| {
        sets.iter()
            .find(|s| s.sources() == files.as_slice())
            .cloned()
    });
    if let Some(inner) = cached {
        return Ok(PolicySet { inner });
    }
    let inner = compile(py, &files)?;
    if let Ok(mut sets) = UNPICKLED.lock() {
        if sets.len() >= UNPICKLED_MAX {
            sets.remove(0);
        }
        sets.push(inner.clone());
    }
    Ok(PolicySet { inner })
}

/// Rebuild a pickled `Policy` from its set and id.
#[pyfunction]
pub(crate) fn _restore_policy(set: &Bound<'_, PolicySet>, id: &Obj) -> PyResult<Policy> {
    set.get().policy(id)
}

#[pymethods]
impl PolicySet {
    /// The shipped policies (compiled once per process).
    #[staticmethod]
    fn builtin(py: Python<'_>) -> PyResult<PolicySet> {
        let inner = zhidu::PolicySet::builtin().or_raise(py)?;
        Ok(PolicySet { inner })
    }

    /// Load every `*.toml` file under a directory (recursively, in name order), or one file.
    #[staticmethod]
    fn load(py: Python<'_>, path: &Obj) -> PyResult<PolicySet> {
        let path = self::path(path)?;
        let inner = py.detach(|| zhidu::PolicySet::load(&path)).or_raise(py)?;
        Ok(PolicySet { inner })
    }

    /// Load a set from `{file name: text}` (or `(name, text)` pairs).
    #[staticmethod]
    fn from_sources(py: Python<'_>, sources: &Obj) -> PyResult<PolicySet> {
        let files = self::sources(sources)?;
        Ok(PolicySet {
            inner: compile(py, &files)?,
        })
    }

    /// Every diagnostic (errors and warnings) of `{file name: text}`, without failing.
    #[staticmethod]
    fn check_sources<'py>(py: Python<'py>, sources: &Obj<'py>) -> PyResult<Bound<'py, PyList>> {
        let files = self::sources(sources)?;
        let found = py
            .detach(|| zhidu::PolicySet::check_sources(&files))
            .or_raise(py)?;
        diagnostics(py, &found)
    }

    /// Every diagnostic of the policy files at `path` (a file or directory), without failing.
    #[staticmethod]
    fn check<'py>(py: Python<'py>, path: &Obj<'py>) -> PyResult<Bound<'py, PyList>> {
        let path = self::path(path)?;
        let found = py
            .detach(|| {
                let files = zhidu::PolicySet::read_paths(&[path])?;
                zhidu::PolicySet::check_sources(&files)
            })
            .or_raise(py)?;
        diagnostics(py, &found)
    }

    /// SHA-256 (hex) of the set's files, independent of their names and load order: the
    /// `hash` of every result's stamp.
    #[getter]
    fn content_hash(&self) -> &str {
        self.inner.content_hash()
    }

    /// A policy by id.
    fn policy(&self, id: &Obj) -> PyResult<Policy> {
        let py = id.py();
        let id = text(id, "id")?;
        let inner = self.inner.policy_arc(&id).or_raise(py)?;
        Ok(Policy {
            set: self.inner.clone(),
            inner,
        })
    }

    /// Every policy, by id.
    fn policies(&self) -> Vec<Policy> {
        self.inner
            .policies()
            .filter_map(|p| self.inner.policy_arc(p.id()).ok())
            .map(|inner| Policy {
                set: self.inner.clone(),
                inner,
            })
            .collect()
    }

    /// The ids of every policy.
    #[getter]
    fn policy_ids(&self) -> Vec<String> {
        self.inner.policy_ids().map(str::to_owned).collect()
    }

    /// For each regulation (or only `regulation`, such as `"S8"`), every clause of the clause
    /// index with the policy entries that encode it or the reason none does, and the totals:
    /// the core's `PolicySet::clause_coverage` as a dict (the CLI's `zhidu coverage --format
    /// json`). Not `coverage`: that name is the calendar's years.
    #[pyo3(signature = (regulation = None))]
    fn clause_coverage<'py>(
        &self,
        py: Python<'py>,
        regulation: Option<&Obj<'py>>,
    ) -> PyResult<Obj<'py>> {
        let regulation = regulation.map(|r| text(r, "regulation")).transpose()?;
        let cov = self
            .inner
            .clause_coverage(regulation.as_deref())
            .or_raise(py)?;
        crate::convert::to_dict(py, &cov)
    }

    /// Every entry of policy `policy` (class, rule, tier, obligation …) with its clauses,
    /// quotes, values and marked defaults: the core's `PolicySet::rules` as a dict (the CLI's
    /// `zhidu rules --format json`).
    fn rules<'py>(&self, py: Python<'py>, policy: &Obj<'py>) -> PyResult<Obj<'py>> {
        let policy = text(policy, "policy")?;
        let rules = self.inner.rules(&policy).or_raise(py)?;
        crate::convert::to_dict(py, &rules)
    }

    /// One clause id, rule code, class or tier id (`"tier:2"`) in full, with where it is used:
    /// the core's `PolicySet::explain` as a dict (the CLI's `zhidu explain --format json`).
    #[pyo3(signature = (code, policy = None))]
    fn explain<'py>(
        &self,
        py: Python<'py>,
        code: &Obj<'py>,
        policy: Option<&Obj<'py>>,
    ) -> PyResult<Obj<'py>> {
        let code = text(code, "code")?;
        let policy = policy.map(|p| text(p, "policy")).transpose()?;
        let x = self.inner.explain(&code, policy.as_deref()).or_raise(py)?;
        crate::convert::to_dict(py, &x)
    }

    /// Warnings found while loading.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        diagnostics(py, self.inner.warnings())
    }

    /// The `(name, text)` pairs the set was loaded from.
    #[getter]
    fn sources(&self) -> Vec<(String, String)> {
        self.inner.sources().to_vec()
    }

    /// Whether this is the shipped set.
    #[getter]
    fn is_builtin(&self) -> bool {
        self.inner.is_builtin()
    }

    fn __contains__(&self, id: &Obj) -> bool {
        id.cast::<PyString>()
            .ok()
            .and_then(|s| {
                s.to_cow()
                    .ok()
                    .map(|s| self.inner.policy_ids().any(|i| i == s))
            })
            .unwrap_or(false)
    }

    fn __len__(&self) -> usize {
        self.inner.policy_ids().count()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Restore<'py, (State,)>> {
        let restore = py.import("zhidu._zhidu")?.getattr("_restore_policy_set")?;
        let state = (!self.inner.is_builtin()).then(|| self.sources());
        Ok((restore, (state,)))
    }

    fn __repr__(&self) -> String {
        format!(
            "PolicySet({}{})",
            self.policy_ids().join(", "),
            if self.inner.is_builtin() {
                ", builtin"
            } else {
                ""
            }
        )
    }
}
