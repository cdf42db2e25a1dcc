//! The compiled accountability rules of a policy: tiers, flags, violations and refinements.

use std::collections::HashMap;

use crate::source::{Clause, DefaultNote};

/// What a violation leads to: a tier, a decision left to a person, or an effect the clause
/// states with no tier (S7.art7.3c).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    Tier(u32),
    Manual,
    Effect,
}

impl Outcome {
    pub(crate) fn tier(self) -> Option<u32> {
        match self {
            Outcome::Tier(t) => Some(t),
            Outcome::Manual | Outcome::Effect => None,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Tier {
    pub(crate) level: u32,
    pub(crate) name: String,
    pub(crate) measures: Vec<String>,
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
}

#[derive(Clone, Debug)]
pub(crate) struct Flag {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) adds_measures: Vec<String>,
    pub(crate) needs_review: bool,
    pub(crate) review_reason: Option<String>,
    /// Review only below this tier (a manual decision is below every tier).
    pub(crate) review_below_tier: Option<u32>,
    /// Flag indices this flag implies (its closure, itself excluded).
    pub(crate) implies: Vec<usize>,
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
}

#[derive(Clone, Debug)]
pub(crate) struct Violation {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) outcome: Outcome,
    /// The base violation this one refines, by index.
    pub(crate) refines: Option<usize>,
    /// Flag indices that must all be set, sorted.
    pub(crate) when_flags: Vec<usize>,
    pub(crate) priority: Option<i32>,
    pub(crate) candidate_only: bool,
    pub(crate) measures: Vec<String>,
    pub(crate) needs_review: bool,
    pub(crate) review_reason: Option<String>,
    /// 照价赔偿: the decision carries the record's `amount`, the item's original price.
    pub(crate) compensation: bool,
    /// The violation a repeat of this one escalates to, by index (else the policy's).
    pub(crate) repeat_escalation: Option<usize>,
    /// The same-conduct group this violation belongs to, by index into `conducts`.
    pub(crate) conduct: Option<usize>,
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
}

/// An escalation: a clause (a candidate-only violation) and its window in months.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Escalation {
    pub(crate) violation: usize,
    pub(crate) months: u32,
    /// For the complaint escalation: how many complaints in the window.
    pub(crate) threshold: u32,
}

#[derive(Clone, Debug)]
pub(crate) struct AccountabilityModel {
    pub(crate) tiers: Vec<Tier>,
    pub(crate) flags: Vec<Flag>,
    pub(crate) flag_index: HashMap<String, usize>,
    pub(crate) violations: Vec<Violation>,
    pub(crate) index: HashMap<String, usize>,
    /// Base violation → its refinements.
    pub(crate) refinements: HashMap<usize, Vec<usize>>,
    pub(crate) repeat: Option<Escalation>,
    pub(crate) complaints: Option<Escalation>,
    pub(crate) complaint_flag: Option<usize>,
    /// Groups of violation indices that are one conduct for repeats (A11).
    pub(crate) conducts: Vec<Vec<usize>>,
    pub(crate) source: Option<Clause>,
    pub(crate) defaults: Vec<DefaultNote>,
}

impl AccountabilityModel {
    pub(crate) fn tier(&self, level: u32) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.level == level)
    }

    /// The key repeats of violation `v` are counted under: the first code of its same-conduct
    /// group, else its own code.
    pub(crate) fn conduct_key(&self, v: usize) -> &str {
        let first = self
            .violations
            .get(v)
            .and_then(|x| x.conduct)
            .and_then(|g| self.conducts.get(g))
            .and_then(|g| g.first())
            .copied()
            .unwrap_or(v);
        self.violations.get(first).map_or("", |x| x.code.as_str())
    }
}
