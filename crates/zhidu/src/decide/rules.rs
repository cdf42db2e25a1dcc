//! A read-only view of a policy's accountability rules, for documentation and calculators.

use serde::Serialize;

use super::model::Outcome;
use crate::source::{Clause, DefaultNote};
use crate::{Error, Policy};

/// A tier and its measures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TierInfo {
    /// 1, 2, 3 …
    pub level: u32,
    /// Its name.
    pub name: String,
    /// Its measures.
    pub measures: Vec<String>,
    /// Where it comes from.
    pub source: Clause,
    /// Defaults.
    pub defaults: Vec<DefaultNote>,
}

/// A flag a person sets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FlagInfo {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Measures it adds.
    pub adds_measures: Vec<String>,
    /// Whether it sends a decision to review.
    pub needs_review: bool,
    /// Where it comes from.
    pub source: Clause,
    /// Defaults.
    pub defaults: Vec<DefaultNote>,
}

/// A violation type or exception.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ViolationInfo {
    /// Its clause id.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its tier, or none when a person decides.
    pub tier: Option<u32>,
    /// The base it refines.
    pub refines: Option<String>,
    /// The flags that make it apply.
    pub when_flags: Vec<String>,
    /// Its priority among refinements of one base.
    pub priority: Option<i32>,
    /// Applied only by the engine (an escalation clause).
    pub candidate_only: bool,
    /// Where it comes from.
    pub source: Clause,
    /// Defaults.
    pub defaults: Vec<DefaultNote>,
}

/// A policy's accountability rules as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AccountabilityRules {
    /// The policy.
    pub policy: String,
    /// Tiers, lowest first.
    pub tiers: Vec<TierInfo>,
    /// Flags.
    pub flags: Vec<FlagInfo>,
    /// Violations and exceptions, in file order.
    pub violations: Vec<ViolationInfo>,
    /// The repeat escalation: clause and months.
    pub repeat: Option<(String, u32)>,
    /// The complaint escalation: clause, months and threshold.
    pub complaints: Option<(String, u32, u32)>,
    /// Where the rules come from.
    pub source: Option<Clause>,
    /// Defaults.
    pub defaults: Vec<DefaultNote>,
}

impl Policy {
    /// The policy's accountability rules as data.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the policy has none.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let r = ps.policy("s2-service-center").unwrap().accountability_rules().unwrap();
    /// assert_eq!(r.tiers.len(), 3);
    /// assert_eq!(r.repeat.as_ref().unwrap().0, "S2.zr.t2.4");
    /// ```
    pub fn accountability_rules(&self) -> Result<AccountabilityRules, Error> {
        let m = self.accountability.as_ref().ok_or_else(|| {
            Error::input(
                format!("policy `{}` has no accountability rules", self.id),
                None,
            )
        })?;
        let code = |i: usize| m.violations.get(i).map(|v| v.code.clone());
        Ok(AccountabilityRules {
            policy: self.id.clone(),
            tiers: m
                .tiers
                .iter()
                .map(|t| TierInfo {
                    level: t.level,
                    name: t.name.clone(),
                    measures: t.measures.clone(),
                    source: t.source.clone(),
                    defaults: t.defaults.clone(),
                })
                .collect(),
            flags: m
                .flags
                .iter()
                .map(|f| FlagInfo {
                    id: f.id.clone(),
                    name: f.name.clone(),
                    adds_measures: f.adds_measures.clone(),
                    needs_review: f.needs_review,
                    source: f.source.clone(),
                    defaults: f.defaults.clone(),
                })
                .collect(),
            violations: m
                .violations
                .iter()
                .map(|v| ViolationInfo {
                    code: v.code.clone(),
                    name: v.name.clone(),
                    tier: match v.outcome {
                        Outcome::Tier(t) => Some(t),
                        Outcome::Manual => None,
                    },
                    refines: v.refines.and_then(code),
                    when_flags: v
                        .when_flags
                        .iter()
                        .filter_map(|&f| m.flags.get(f))
                        .map(|f| f.id.clone())
                        .collect(),
                    priority: v.priority,
                    candidate_only: v.candidate_only,
                    source: v.source.clone(),
                    defaults: v.defaults.clone(),
                })
                .collect(),
            repeat: m
                .repeat
                .and_then(|e| code(e.violation).map(|c| (c, e.months))),
            complaints: m
                .complaints
                .and_then(|e| code(e.violation).map(|c| (c, e.months, e.threshold))),
            source: m.source.clone(),
            defaults: m.defaults.clone(),
        })
    }
}
