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
    /// Why, in words, when the policy says.
    pub review_reason: Option<String>,
    /// It sends to review only decisions below this tier (and manual ones).
    pub review_below_tier: Option<u32>,
    /// The flags it implies: recording it records them too.
    pub implies: Vec<String>,
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
    /// Its tier, or none when a person decides or the clause gives only an effect.
    pub tier: Option<u32>,
    /// Measures the clause names itself (an effect such as S7.art7.3c's), after the tier's.
    pub measures: Vec<String>,
    /// Whether every decision under it goes to a person (always, when it has no tier and is
    /// not an effect).
    pub needs_review: bool,
    /// Why, in words, when the policy says.
    pub review_reason: Option<String>,
    /// 照价赔偿: a decision under it carries the record's `amount`, the original price.
    pub compensation: bool,
    /// The clause its repeat escalates to, when not the policy's.
    pub repeat_escalation: Option<String>,
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
    /// Groups of codes that are one conduct: a repeat of one after a recorded tier 1 of
    /// another counts as a repeat (A11).
    pub same_conduct: Vec<Vec<String>>,
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
    /// // 首问: one conduct under two clauses (A11); S2.fq.4's own repeat is a person's decision.
    /// assert_eq!(r.same_conduct, [["S2.zr.t1.2", "S2.fq.4"]]);
    /// let fq4 = r.violations.iter().find(|v| v.code == "S2.fq.4").unwrap();
    /// assert_eq!(fq4.repeat_escalation.as_deref(), Some("S2.fq.4c"));
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
                    review_reason: f.review_reason.clone(),
                    review_below_tier: f.review_below_tier,
                    implies: f
                        .implies
                        .iter()
                        .filter_map(|&g| m.flags.get(g))
                        .map(|g| g.id.clone())
                        .collect(),
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
                    tier: v.outcome.tier(),
                    measures: v.measures.clone(),
                    needs_review: v.needs_review || v.outcome == Outcome::Manual,
                    review_reason: v.review_reason.clone(),
                    compensation: v.compensation,
                    repeat_escalation: v.repeat_escalation.and_then(code),
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
            same_conduct: m
                .conducts
                .iter()
                .map(|g| g.iter().filter_map(|&v| code(v)).collect())
                .collect(),
            source: m.source.clone(),
            defaults: m.defaults.clone(),
        })
    }
}
