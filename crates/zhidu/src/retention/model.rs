//! The typed retention rules of a policy: which record kinds each covers and how long they
//! are kept — a number of years from the record's date, or until an event.

use crate::source::{Clause, DefaultNote};

/// How long a record is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Keep {
    /// At least this many years from the record's date (the anniversary is the last day).
    Years(u32),
    /// Until an event happens (made public, discarded); then `destroy` says whether the
    /// record must be destroyed rather than merely no longer kept.
    UntilEvent { event: String, destroy: bool },
}

/// One `[[retention]]` entry.
#[derive(Clone, Debug)]
pub(crate) struct RetentionRule {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) kinds: Vec<String>,
    pub(crate) keep: Keep,
    pub(crate) sources: Vec<Clause>,
    pub(crate) defaults: Vec<DefaultNote>,
}

/// A policy's retention rules.
#[derive(Clone, Debug)]
pub(crate) struct RetentionModel {
    pub(crate) rules: Vec<RetentionRule>,
}

impl RetentionModel {
    /// The rule covering a record kind.
    pub(crate) fn rule(&self, kind: &str) -> Option<&RetentionRule> {
        self.rules
            .iter()
            .find(|r| r.kinds.iter().any(|k| k == kind))
    }

    /// Every record kind some rule covers.
    pub(crate) fn kinds(&self) -> impl Iterator<Item = &str> {
        self.rules
            .iter()
            .flat_map(|r| r.kinds.iter().map(String::as_str))
    }
}
