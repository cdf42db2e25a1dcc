//! The accountability part of a what-if: the period's decisions whose tier changes.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::Responsible;
use crate::{AccountabilityRules, Decision, Error, Policy, ReportRequest, SkippedRow};

/// A decision of the period (matched by its violation row) whose tier changes.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// assert!(p.what_if(p, &zhidu::ReportRequest::new("2026-10".parse()?))?.decisions.is_empty());
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DecisionChange {
    /// The violation row (from 1).
    pub row: usize,
    /// The person.
    pub subject: String,
    /// When.
    pub at: DateTime<FixedOffset>,
    /// The violation recorded.
    pub violation: String,
    /// The tier before (none: a person's to decide; also none when the row is decided on
    /// one side only).
    pub before: Option<u32>,
    /// The tier after.
    pub after: Option<u32>,
    /// The violation, tiers, flags and escalation rules that differ and that the decision
    /// used.
    pub responsible: Vec<Responsible>,
}

/// The decisions that change and the violation rows each side could not decide.
type Compared = (Vec<DecisionChange>, Vec<SkippedRow>, Vec<SkippedRow>);

/// Decide both sides and keep the period's decisions whose tier differs, with the rows
/// each side could not decide.
pub(super) fn compare(
    before: &Policy,
    after: &Policy,
    req: &ReportRequest<'_>,
    as_of: DateTime<FixedOffset>,
) -> Result<Compared, Error> {
    if req.violations.is_empty() {
        return Ok((Vec::new(), Vec::new(), Vec::new()));
    }
    let offset = before.calendar().offset();
    let (first, last) = req.period.days();
    let in_period = |p: &Policy| -> Result<(BTreeMap<usize, Decision>, Vec<SkippedRow>), Error> {
        let all = p.decide(req.violations, Some(as_of))?;
        let decided = all
            .decisions
            .into_iter()
            .filter(|d| (first..=last).contains(&d.at.with_timezone(&offset).date_naive()))
            .map(|d| (d.row, d))
            .collect();
        Ok((decided, all.errors))
    };
    let ((a, skipped_a), (b, skipped_b)) = (in_period(before)?, in_period(after)?);
    let (ra, rb) = (
        before.accountability_rules().ok(),
        after.accountability_rules().ok(),
    );
    let rows: BTreeSet<usize> = a.keys().chain(b.keys()).copied().collect();
    let mut out = Vec::new();
    for row in rows {
        let (x, y) = (a.get(&row), b.get(&row));
        let (tx, ty) = (x.and_then(|d| d.tier), y.and_then(|d| d.tier));
        if tx == ty && x.is_some() == y.is_some() {
            continue;
        }
        let Some(d) = x.or(y) else { continue };
        let mut why = BTreeSet::new();
        for d in x.into_iter().chain(y) {
            responsible(d, ra.as_ref(), rb.as_ref(), &mut why);
        }
        out.push(DecisionChange {
            row,
            subject: d.subject.clone(),
            at: d.at,
            violation: d.violation.clone(),
            before: tx,
            after: ty,
            responsible: why.into_iter().collect(),
        });
    }
    Ok((out, skipped_a, skipped_b))
}

/// The violation codes, tiers, flags and escalation settings a decision used that differ.
fn responsible(
    d: &Decision,
    a: Option<&AccountabilityRules>,
    b: Option<&AccountabilityRules>,
    why: &mut BTreeSet<Responsible>,
) {
    let violation = |r: Option<&AccountabilityRules>, code: &str| {
        r.and_then(|r| r.violations.iter().find(|v| v.code == code).cloned())
    };
    for code in [&d.violation, &d.applied] {
        if violation(a, code) != violation(b, code) {
            why.insert(Responsible::new("violation", code));
        }
    }
    let tier = |r: Option<&AccountabilityRules>, level: u32| {
        r.and_then(|r| r.tiers.iter().find(|t| t.level == level).cloned())
    };
    for level in d.tier.into_iter().chain(d.candidate_tier) {
        if tier(a, level) != tier(b, level) {
            why.insert(Responsible::new("tier", &level.to_string()));
        }
    }
    let flag = |r: Option<&AccountabilityRules>, id: &str| {
        r.and_then(|r| r.flags.iter().find(|f| f.id == id).cloned())
    };
    for f in &d.flags {
        if flag(a, f) != flag(b, f) {
            why.insert(Responsible::new("flag", f));
        }
    }
    if let Some(e) = &d.escalation {
        let settings =
            |r: Option<&AccountabilityRules>| r.map(|r| (r.repeat.clone(), r.complaints.clone()));
        if settings(a) != settings(b) {
            why.insert(Responsible::new("escalation", &e.clause));
        }
    }
}
