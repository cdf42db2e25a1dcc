//! The builtin set compiles each policy, and its calendar, when first asked for.
//!
//! A page that computes one S2 due date needs S2 and `cn-mainland`, not the fifteen files of
//! the set: compiling them all made `PolicySet.builtin()` cost 170–230 ms on a browser's main
//! thread, nearly all of it the JavaScript engine compiling the TOML reader, deserialisers
//! and compilers on their first run (issue #14 point 16, benches/RESULTS.md). A user's set
//! stays eager, so its errors appear when it is loaded.
//!
//! Each slot is a [`OnceLock`]: a set is shared by threads, and the first thread to ask for
//! a policy compiles it while the others wait for the same result. A shipped policy does not
//! fail to compile (the tests below compile the whole set and compare every policy); should
//! one fail all the same, the whole set is compiled the eager way and its diagnostics are the
//! error, so the failure reads as it would have at load, and nothing panics.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use super::compile::{self, RawFile};
use super::set::normalized;
use super::{Policy, PolicySet, builtin};
use crate::diagnostic::{Diagnostic, Severity, closest};
use crate::load::document::Document;
use crate::{Calendar, Error};

/// A calendar or policy of a set: compiled, or (the builtin set) not yet asked for.
pub(super) type Slot<T> = Arc<OnceLock<Result<Arc<T>, Error>>>;

/// Every calendar and every policy of a set, compiled, by id.
pub(super) type Compiled = (
    BTreeMap<String, Arc<Calendar>>,
    BTreeMap<String, Arc<Policy>>,
);

/// A slot not compiled yet.
fn empty<T>() -> Slot<T> {
    Arc::new(OnceLock::new())
}

/// A slot holding what was compiled with the set.
pub(super) fn filled<T>(value: Arc<T>) -> Slot<T> {
    Arc::new(OnceLock::from(Ok(value)))
}

impl PolicySet {
    /// The builtin set with nothing compiled: its ids are the shipped files' names.
    pub(super) fn lazy_builtin() -> PolicySet {
        PolicySet {
            calendars: builtin::calendars()
                .map(|(id, _)| (id.to_owned(), empty()))
                .collect(),
            policies: builtin::policies()
                .map(|(id, _)| (id.to_owned(), empty()))
                .collect(),
            warnings: Arc::new(Vec::new()),
            sources: Arc::new(
                builtin::SOURCES
                    .iter()
                    .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                    .collect(),
            ),
            builtin: true,
            clause_index: None,
            notice_only: false,
            hash: None,
        }
    }

    /// A policy by id, compiled now if it was not yet.
    pub(super) fn compiled_policy(&self, id: &str) -> Result<&Arc<Policy>, Error> {
        self.policy_in_chain(id, &mut Vec::new())
    }

    /// A calendar by id, compiled now if it was not yet.
    pub(super) fn compiled_calendar(&self, id: &str) -> Result<&Arc<Calendar>, Error> {
        let Some(slot) = self.calendars.get(id) else {
            return Err(Error::input(format!("no calendar `{id}`"), None));
        };
        slot.get_or_init(|| self.compile_shipped_calendar(id))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Every calendar and policy of the set, compiled: what a user's set falls back on.
    ///
    /// # Errors
    ///
    /// The first that does not compile.
    pub(super) fn compiled_maps(&self) -> Result<Compiled, Error> {
        let calendars = self
            .calendars
            .keys()
            .map(|id| Ok((id.clone(), Arc::clone(self.compiled_calendar(id)?))))
            .collect::<Result<_, Error>>()?;
        let policies = self
            .policies
            .keys()
            .map(|id| Ok((id.clone(), Arc::clone(self.compiled_policy(id)?))))
            .collect::<Result<_, Error>>()?;
        Ok((calendars, policies))
    }

    /// Every policy compiled, or the first error: for answers over the whole set (coverage)
    /// that must not leave a policy out without a word.
    pub(crate) fn compile_all(&self) -> Result<(), Error> {
        self.compiled_maps().map(|_| ())
    }

    /// `chain`: the policies being compiled on this thread, importers first; asking again
    /// for one of them would wait on itself, so an import cycle goes the eager way, which
    /// reports it.
    fn policy_in_chain(&self, id: &str, chain: &mut Vec<String>) -> Result<&Arc<Policy>, Error> {
        let Some(slot) = self.policies.get(id) else {
            return Err(Error::UnknownPolicy {
                id: id.to_owned(),
                closest: closest(id, self.policies.keys().map(String::as_str)).map(str::to_owned),
            });
        };
        if slot.get().is_none() && chain.iter().any(|c| c == id) {
            return Err(eager_error());
        }
        slot.get_or_init(|| {
            chain.push(id.to_owned());
            let compiled = self.compile_shipped_policy(id, chain);
            chain.pop();
            compiled
        })
        .as_ref()
        .map_err(Clone::clone)
    }

    /// Compile one shipped policy file against the calendar and the policies it imports from,
    /// each compiled first (and kept).
    fn compile_shipped_policy(
        &self,
        id: &str,
        chain: &mut Vec<String>,
    ) -> Result<Arc<Policy>, Error> {
        let Some((name, text)) = builtin::policies().find(|(i, _)| *i == id).map(|(_, f)| f) else {
            return eager_policy(id);
        };
        let text = normalized(text);
        let mut out = Vec::new();
        let Some((doc, raw)) = read(name, &text, &mut out) else {
            return eager_policy(id);
        };
        let RawFile::Policy {
            header, imports, ..
        } = &raw
        else {
            return eager_policy(id);
        };
        let mut calendars = BTreeMap::new();
        let calendar = header.calendar.get_ref();
        if self.calendars.contains_key(calendar) {
            calendars.insert(
                calendar.clone(),
                Arc::clone(self.compiled_calendar(calendar)?),
            );
        }
        let mut policies = BTreeMap::new();
        for (_, import) in imports {
            let from = import.policy.get_ref();
            if self.policies.contains_key(from) {
                let exporter = self.policy_in_chain(from, chain)?;
                policies.insert(from.clone(), Arc::clone(exporter));
            }
        }
        let fallback = compile::Fallback {
            calendars: &calendars,
            policies: &policies,
        };
        let mut compiled = compile::compile(&[(doc, raw)], Some(&fallback), &mut out);
        match compiled.policies.remove(id) {
            Some(policy) if !has_errors(&out) => {
                // A fresh policy: its cell is empty, so setting it cannot fail.
                let _ = policy.set_hash.set(super::set::builtin_hash().into());
                Ok(policy)
            }
            _ => eager_policy(id),
        }
    }

    /// Compile the shipped calendar file `id`.
    fn compile_shipped_calendar(&self, id: &str) -> Result<Arc<Calendar>, Error> {
        let Some((name, text)) = builtin::calendars().find(|(i, _)| *i == id).map(|(_, f)| f)
        else {
            return eager_calendar(id);
        };
        let text = normalized(text);
        let mut out = Vec::new();
        let Some(file) = read(name, &text, &mut out) else {
            return eager_calendar(id);
        };
        let mut compiled = compile::compile(&[file], None, &mut out);
        match compiled.calendars.remove(id) {
            Some(calendar) if !has_errors(&out) => Ok(calendar),
            _ => eager_calendar(id),
        }
    }
}

/// Parse and decode one shipped file, as `compile_sources` does.
fn read<'a>(
    name: &'a str,
    text: &'a str,
    out: &mut Vec<Diagnostic>,
) -> Option<(Document<'a>, RawFile)> {
    let doc = Document::parse(name, text, out)?;
    let raw = compile::read_file(&doc, out)?;
    Some((doc, raw))
}

fn has_errors(out: &[Diagnostic]) -> bool {
    out.iter().any(|d| d.severity == Severity::Error)
}

/// The whole builtin set compiled the eager way (as before this module): its error.
fn eager() -> Result<PolicySet, Error> {
    PolicySet::compile_sources(builtin::SOURCES, None)
}

fn eager_error() -> Error {
    match eager() {
        Err(e) => e,
        Ok(_) => Error::Policy {
            diagnostics: Vec::new(),
        },
    }
}

/// A shipped policy the lazy way could not compile: the eager compile's policy, or its error.
fn eager_policy(id: &str) -> Result<Arc<Policy>, Error> {
    let set = eager()?;
    let slot = set.policies.get(id).ok_or_else(eager_error)?;
    slot.get().cloned().unwrap_or_else(|| Err(eager_error()))
}

/// As [`eager_policy`], for a calendar.
fn eager_calendar(id: &str) -> Result<Arc<Calendar>, Error> {
    let set = eager()?;
    let slot = set.calendars.get(id).ok_or_else(eager_error)?;
    slot.get().cloned().unwrap_or_else(|| Err(eager_error()))
}

#[cfg(test)]
mod tests;
