//! Accountability (责任追究): violations in time order become decisions — a tier and its
//! measures, the exception that refined the base rule, the escalation that applied, and
//! whether a person must review it. Two rules that both apply with no priority between them
//! and different outcomes are a conflict naming both clauses, never a first match.

pub(crate) mod compile;
pub(crate) mod model;
mod rules;

pub use rules::{AccountabilityRules, FlagInfo, TierInfo, ViolationInfo};

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::Policy;
use crate::assess::resolve;
use crate::deadline::Start;
use crate::{Error, SkippedRow};
use model::{AccountabilityModel, Outcome};

/// A recorded violation: who, when, which clause, and the flags a person set.
///
/// # Example
///
/// ```
/// let v: zhidu::ViolationRecord = serde_json::from_str(
///     r#"{"subject":"张三","at":"2026-10-12","violation":"S2.zr.t1.1","flags":["caused_delay"]}"#,
/// ).unwrap();
/// assert_eq!(v.flags, ["caused_delay"]);
/// ```
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ViolationRecord {
    /// The person.
    pub subject: String,
    /// When.
    #[serde(deserialize_with = "crate::case::start")]
    pub at: Start,
    /// The violation's clause id, such as `S2.zr.t1.1`.
    pub violation: String,
    /// Flag ids set by a person (情节严重, 构成犯罪 …).
    #[serde(default)]
    pub flags: Vec<String>,
    /// A note.
    #[serde(default)]
    pub note: Option<String>,
    /// The original price of the item lost or damaged, for a clause of 照价赔偿 (an input,
    /// never looked up or invented).
    #[serde(default)]
    pub amount: Option<rust_decimal::Decimal>,
}

impl ViolationRecord {
    /// A record without flags.
    ///
    /// # Example
    ///
    /// ```
    /// let v = zhidu::ViolationRecord::new("张三", "S2.zr.t1.1", "2026-10-12".parse::<zhidu::Start>().unwrap());
    /// assert!(v.flags.is_empty());
    /// ```
    #[must_use]
    pub fn new(
        subject: impl Into<String>,
        violation: impl Into<String>,
        at: impl Into<Start>,
    ) -> ViolationRecord {
        ViolationRecord {
            subject: subject.into(),
            at: at.into(),
            violation: violation.into(),
            flags: Vec::new(),
            note: None,
            amount: None,
        }
    }
}

/// The earlier decision an escalation refers to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PriorDecision {
    /// Its 1-based row.
    pub row: usize,
    /// When.
    pub at: DateTime<FixedOffset>,
    /// Its recorded violation.
    pub violation: String,
    /// Its tier.
    pub tier: Option<u32>,
}

/// An escalation that applied to a decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Escalation {
    /// `repeat` (经批评教育仍未改正) or `complaints` (多次受到投诉).
    pub kind: &'static str,
    /// The escalation's clause, such as `S2.zr.t2.4`.
    pub clause: String,
    /// For a repeat: the earlier tier-1 decision.
    pub refers_to: Option<PriorDecision>,
    /// For complaints: how many in the window, this one included.
    pub count: Option<u32>,
}

/// The decision for one violation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Decision {
    /// 1-based row of the record.
    pub row: usize,
    /// The person.
    pub subject: String,
    /// When.
    pub at: DateTime<FixedOffset>,
    /// The recorded violation.
    pub violation: String,
    /// The clause that decided the tier: the violation, or the exception that refined it.
    pub applied: String,
    /// The tier (1, 2, 3 …), or none when a person decides (`needs_review`) or the clause
    /// gives only an effect (its `measures`, S7.art7.3c).
    pub tier: Option<u32>,
    /// The tier's name.
    pub tier_name: Option<String>,
    /// The measures: the tier's, then those the clause names itself (按违纪论处, an effect),
    /// then those the flags add (移送司法机关, 赔偿责任 …).
    pub measures: Vec<String>,
    /// Whether a person must review or decide.
    pub needs_review: bool,
    /// Why, in words.
    pub review_reasons: Vec<String>,
    /// The escalation that changed the tier (a repeat), or flagged a candidate tier.
    pub escalation: Option<Escalation>,
    /// A higher tier a person should consider (多次受到投诉: never applied automatically).
    pub candidate_tier: Option<u32>,
    /// The flags recorded, then those they imply (`major_loss` → `loss`, `considerable_impact`).
    pub flags: Vec<String>,
    /// The clauses that applied, in order: the deciding clause, the recorded one when an
    /// exception refined it, the escalation's, then the clause of each flag that did something
    /// (chose the exception, added a measure, sent to review, counted toward an escalation).
    pub clauses: Vec<String>,
    /// The record's note.
    pub note: Option<String>,
    /// What the subject pays at the original price (照价赔偿): the record's `amount`, when
    /// the deciding clause carries compensation; none when it does not, or when the price is
    /// not recorded (then a person must give it: `needs_review`).
    pub compensation: Option<rust_decimal::Decimal>,
}

/// A subject's highest tier in the run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SubjectSummary {
    /// The person.
    pub subject: String,
    /// The highest tier decided (none if only manual decisions).
    pub highest_tier: Option<u32>,
    /// Decisions.
    pub decisions: usize,
    /// Decisions waiting for a person.
    pub needs_review: usize,
}

/// Decisions for a history of violations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Decisions {
    /// The policy.
    pub policy: String,
    /// In time order (ties: input order).
    pub decisions: Vec<Decision>,
    /// Rows that could not be decided.
    pub errors: Vec<SkippedRow>,
    /// Per subject.
    pub subjects: Vec<SubjectSummary>,
    /// Records after `as_of`: not yet known, not decided.
    pub after_as_of: usize,
}

impl Policy {
    /// Decide a history of violations (any order; processed per subject in time order).
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the policy has no accountability rules. Bad rows (unknown codes
    /// or flags, conflicts) are in [`Decisions::errors`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Start, ViolationRecord};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let day = |s: &str| s.parse::<Start>().unwrap();
    /// // Left the post without leave twice within 12 months: 批评教育, then tier 2 (S2.zr.t2.4).
    /// let history = [
    ///     Ok(ViolationRecord::new("张三", "S2.zr.t1.1", day("2025-11-03"))),
    ///     Ok(ViolationRecord::new("张三", "S2.zr.t1.1", day("2026-10-12"))),
    /// ];
    /// let d = p.decide(&history, None).unwrap();
    /// assert_eq!(d.decisions[0].tier, Some(1));
    /// assert_eq!(d.decisions[1].tier, Some(2));
    /// assert_eq!(d.decisions[1].escalation.as_ref().unwrap().clause, "S2.zr.t2.4");
    /// ```
    pub fn decide(
        &self,
        records: &[Result<ViolationRecord, Error>],
        as_of: Option<DateTime<FixedOffset>>,
    ) -> Result<Decisions, Error> {
        let model = self.accountability.as_ref().ok_or_else(|| {
            Error::input(
                format!("policy `{}` has no accountability rules", self.id),
                Some("policies with `[[violation]]`: s2-service-center, s7-joint-processing, s10-service-system, s15-township-center".to_owned()),
            )
        })?;
        let offset = self.calendar().offset();
        let mut errors = Vec::new();
        let mut after_as_of = 0;
        let mut rows: Vec<(usize, &ViolationRecord, DateTime<FixedOffset>)> = Vec::new();
        for (i, r) in records.iter().enumerate() {
            let row = i + 1;
            match r {
                Err(e) => errors.push(SkippedRow::new("violation", row, e.clone())),
                Ok(rec) => match resolve(rec.at, offset) {
                    Ok(at) if as_of.is_some_and(|a| at > a) => after_as_of += 1,
                    Ok(at) => rows.push((row, rec, at)),
                    Err(e) => errors.push(SkippedRow::new("violation", row, e)),
                },
            }
        }
        rows.sort_by_key(|&(row, _, at)| (at, row));
        let mut decisions: Vec<Decision> = Vec::new();
        let mut history = History::default();
        let complaint_flag = model
            .complaint_flag
            .and_then(|f| model.flags.get(f))
            .map(|f| f.id.as_str());
        for (row, rec, at) in rows {
            match self.decide_one(model, rec, at, row, &decisions, &history) {
                Ok(d) => {
                    let conduct = model
                        .index
                        .get(d.violation.as_str())
                        .map_or(d.violation.as_str(), |&v| model.conduct_key(v));
                    history.record(&d, conduct, decisions.len(), complaint_flag);
                    decisions.push(d);
                }
                Err(e) => errors.push(SkippedRow::new("violation", row, e)),
            }
        }
        errors.sort_by_key(|e| e.row);
        let mut by_subject: HashMap<&str, SubjectSummary> = HashMap::new();
        for d in &decisions {
            let s = by_subject
                .entry(d.subject.as_str())
                .or_insert_with(|| SubjectSummary {
                    subject: d.subject.clone(),
                    highest_tier: None,
                    decisions: 0,
                    needs_review: 0,
                });
            s.decisions += 1;
            s.needs_review += usize::from(d.needs_review);
            s.highest_tier = s.highest_tier.max(d.tier);
        }
        let mut subjects: Vec<SubjectSummary> = by_subject.into_values().collect();
        subjects.sort_by(|a, b| a.subject.cmp(&b.subject));
        Ok(Decisions {
            policy: self.id.clone(),
            decisions,
            errors,
            subjects,
            after_as_of,
        })
    }

    fn decide_one(
        &self,
        m: &AccountabilityModel,
        rec: &ViolationRecord,
        at: DateTime<FixedOffset>,
        row: usize,
        earlier: &[Decision],
        history: &History,
    ) -> Result<Decision, Error> {
        let &base = m.index.get(rec.violation.as_str()).ok_or_else(|| {
            Error::input(
                format!("policy `{}` has no violation `{}`", self.id, rec.violation),
                crate::closest(&rec.violation, m.index.keys().map(String::as_str))
                    .map(|c| format!("did you mean `{c}`?")),
            )
        })?;
        let base_v = m
            .violations
            .get(base)
            .ok_or_else(|| Error::input("internal index out of range", None))?;
        if base_v.candidate_only {
            return Err(Error::input(
                format!("`{}` is an escalation clause, applied by the engine", rec.violation),
                Some("record the underlying violation; repeats and complaints escalate by themselves".to_owned()),
            ));
        }
        let mut flags: Vec<usize> = Vec::with_capacity(rec.flags.len());
        for f in &rec.flags {
            let f = f.trim();
            if f.is_empty() {
                continue;
            }
            let &i = m.flag_index.get(f).ok_or_else(|| {
                Error::input(
                    format!("policy `{}` has no flag `{f}`", self.id),
                    crate::closest(f, m.flag_index.keys().map(String::as_str))
                        .map(|c| format!("did you mean `{c}`?"))
                        .or_else(|| {
                            Some(format!(
                                "known flags: {}",
                                m.flags
                                    .iter()
                                    .map(|f| format!("`{}`", f.id))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ))
                        }),
                )
            })?;
            if !flags.contains(&i) {
                flags.push(i);
            }
        }
        // A flag records the flags it implies too (a major loss is a loss with considerable
        // impact), after the recorded ones.
        let recorded = flags.len();
        for k in 0..recorded {
            let implied = flags
                .get(k)
                .and_then(|&f| m.flags.get(f))
                .map(|f| f.implies.clone())
                .unwrap_or_default();
            for g in implied {
                if !flags.contains(&g) {
                    flags.push(g);
                }
            }
        }
        let applied = self.refine(m, base, &flags)?;
        let applied_v = m.violations.get(applied).unwrap_or(base_v);
        // The clauses that applied: the deciding clause first, then the recorded one.
        let mut clauses = vec![applied_v.code.clone()];
        if applied != base {
            clauses.push(base_v.code.clone());
        }
        let mut tier = applied_v.outcome.tier();
        let mut review_reasons = Vec::new();
        let decided_by_person = |v: &model::Violation| {
            v.review_reason.clone().map_or_else(
                || format!("`{}` is decided by a person", v.code),
                |r| format!("`{}`: {r}", v.code),
            )
        };
        match applied_v.outcome {
            Outcome::Manual => review_reasons.push(decided_by_person(applied_v)),
            Outcome::Tier(_) | Outcome::Effect if applied_v.needs_review => {
                review_reasons.push(decided_by_person(applied_v));
            }
            Outcome::Tier(_) | Outcome::Effect => {}
        }
        let date = at.date_naive();
        let mut escalation = None;
        // 经批评教育仍未改正 / 屡教不改: a recorded tier-1 decision for the same conduct (the same
        // code, or one of its same-conduct group), within the window. The clause recorded now
        // decides what the repeat becomes: its own repeat clause, else the policy's.
        let target = applied_v
            .repeat_escalation
            .or(m.repeat.map(|r| r.violation));
        let months = m.repeat.map_or(12, |r| r.months);
        if let (Some(target), Some(1)) = (target, tier) {
            // The latest tier-1 decision of the subject for the conduct is the only candidate:
            // an older one is within the window only if the latest is.
            let prior = history
                .last_tier1
                .get(rec.subject.as_str())
                .and_then(|codes| codes.get(m.conduct_key(base)))
                .and_then(|&i| earlier.get(i))
                .filter(|d| within(d.at.date_naive(), date, months));
            if let (Some(prior), Some(esc_v)) = (prior, m.violations.get(target)) {
                tier = esc_v.outcome.tier();
                if !clauses.contains(&esc_v.code) {
                    clauses.push(esc_v.code.clone());
                }
                if esc_v.outcome == Outcome::Manual || esc_v.needs_review {
                    review_reasons.push(format!(
                        "repeat of {} (row {}, {}) within {months} months: {}",
                        prior.violation,
                        prior.row,
                        prior.at.format("%Y-%m-%d"),
                        decided_by_person(esc_v)
                    ));
                }
                escalation = Some(Escalation {
                    kind: "repeat",
                    clause: esc_v.code.clone(),
                    refers_to: Some(PriorDecision {
                        row: prior.row,
                        at: prior.at,
                        violation: prior.violation.clone(),
                        tier: prior.tier,
                    }),
                    count: None,
                });
            }
        }
        // 多次受到投诉: the threshold-th verified complaint in the window flags a candidate tier.
        let mut candidate_tier = None;
        let mut complaints_counted = false;
        if let (Some(c), Some(flag)) = (m.complaints, m.complaint_flag) {
            if flags.contains(&flag) {
                // The subject's earlier complaints, in time order: those in the window are a
                // suffix, found by bisection.
                let dates = history
                    .complaints
                    .get(rec.subject.as_str())
                    .map_or(&[][..], Vec::as_slice);
                let outside = dates.partition_point(|&d| !within(d, date, c.months));
                let count = 1 + dates.len() - outside;
                let count = u32::try_from(count).unwrap_or(u32::MAX);
                if count >= c.threshold {
                    if let Some(esc_v) = m.violations.get(c.violation) {
                        complaints_counted = true;
                        candidate_tier = esc_v.outcome.tier();
                        if !clauses.contains(&esc_v.code) {
                            clauses.push(esc_v.code.clone());
                        }
                        review_reasons.push(format!("{count} verified complaints within {} months: a candidate for {} (never automatic)", c.months, esc_v.code));
                        if escalation.is_none() {
                            escalation = Some(Escalation {
                                kind: "complaints",
                                clause: esc_v.code.clone(),
                                refers_to: None,
                                count: Some(count),
                            });
                        }
                    }
                }
            }
        }
        let tier_info = tier.and_then(|t| m.tier(t));
        let mut measures: Vec<String> = tier_info.map(|t| t.measures.clone()).unwrap_or_default();
        for measure in &applied_v.measures {
            if !measures.contains(measure) {
                measures.push(measure.clone());
            }
        }
        // A flag's clause is listed only when the flag did something: chose the exception,
        // added a measure, sent the decision to review, or counted toward an escalation.
        for &f in &flags {
            let Some(flag) = m.flags.get(f) else {
                continue;
            };
            let mut used = applied != base && applied_v.when_flags.contains(&f);
            for measure in &flag.adds_measures {
                used = true;
                if !measures.contains(measure) {
                    measures.push(measure.clone());
                }
            }
            let below = match (flag.review_below_tier, tier) {
                (Some(limit), Some(t)) => t < limit,
                _ => true,
            };
            if flag.needs_review && below {
                used = true;
                review_reasons.push(flag.review_reason.as_ref().map_or_else(
                    || {
                        format!(
                            "flag `{}` ({}) needs a person's judgement",
                            flag.id, flag.name
                        )
                    },
                    |r| format!("flag `{}` ({}): {r}", flag.id, flag.name),
                ));
            }
            used |= complaints_counted && m.complaint_flag == Some(f);
            if used && !clauses.contains(&flag.source.clause) {
                clauses.push(flag.source.clause.clone());
            }
        }
        // 照价赔偿: the original price is the record's, never looked up or invented.
        let pays = applied_v.compensation || base_v.compensation;
        let compensation = match (pays, rec.amount) {
            (true, Some(a)) if a >= rust_decimal::Decimal::ZERO => Some(a),
            (true, Some(a)) => {
                return Err(Error::input(
                    format!("`amount` {a} is below 0"),
                    Some("give the item's original price in yuan".to_owned()),
                ));
            }
            (true, None) => {
                review_reasons.push(format!(
                    "`{}`: 照价赔偿 needs the item's original price, which is not recorded",
                    applied_v.code
                ));
                None
            }
            (false, Some(_)) => {
                return Err(Error::input(
                    format!(
                        "`{}` carries no 照价赔偿, so the record takes no `amount`",
                        applied_v.code
                    ),
                    Some(
                        "`amount` is the original price of an item for a clause of 照价赔偿"
                            .to_owned(),
                    ),
                ));
            }
            (false, None) => None,
        };
        Ok(Decision {
            compensation,
            row,
            subject: rec.subject.clone(),
            at,
            violation: rec.violation.clone(),
            applied: applied_v.code.clone(),
            tier,
            tier_name: tier_info.map(|t| t.name.clone()),
            measures,
            needs_review: !review_reasons.is_empty(),
            review_reasons,
            escalation,
            candidate_tier,
            flags: flags
                .iter()
                .filter_map(|&f| m.flags.get(f))
                .map(|f| f.id.clone())
                .collect(),
            clauses,
            note: rec.note.clone(),
        })
    }

    /// The rule that decides a record of `base` with `flags`: the base, or the one matching
    /// refinement that is most specific (its flags a strict superset of the others'), then of
    /// highest priority. Two left with different outcomes are a conflict.
    fn refine(
        &self,
        m: &AccountabilityModel,
        base: usize,
        flags: &[usize],
    ) -> Result<usize, Error> {
        let Some(list) = m.refinements.get(&base) else {
            return Ok(base);
        };
        let matching: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&r| {
                m.violations
                    .get(r)
                    .is_some_and(|v| v.when_flags.iter().all(|f| flags.contains(f)))
            })
            .collect();
        let specific: Vec<usize> = matching
            .iter()
            .copied()
            .filter(|&a| {
                let fa = m.violations.get(a).map(|v| &v.when_flags);
                !matching.iter().any(|&b| {
                    let fb = m.violations.get(b).map(|v| &v.when_flags);
                    match (fa, fb) {
                        (Some(fa), Some(fb)) => {
                            b != a && fb.len() > fa.len() && fa.iter().all(|f| fb.contains(f))
                        }
                        _ => false,
                    }
                })
            })
            .collect();
        let top = specific
            .iter()
            .filter_map(|&r| m.violations.get(r).map(|v| v.priority.unwrap_or(i32::MIN)))
            .max();
        let best: Vec<usize> = specific
            .iter()
            .copied()
            .filter(|&r| m.violations.get(r).map(|v| v.priority.unwrap_or(i32::MIN)) == top)
            .collect();
        match best.as_slice() {
            [] => Ok(base),
            [one] => Ok(*one),
            [first, rest @ ..] => {
                let outcome = m.violations.get(*first).map(|v| v.outcome);
                if let Some(other) = rest
                    .iter()
                    .find(|&&r| m.violations.get(r).map(|v| v.outcome) != outcome)
                {
                    let a = m.violations.get(*first).map_or("", |v| v.code.as_str());
                    let b = m.violations.get(*other).map_or("", |v| v.code.as_str());
                    return Err(Error::Conflict {
                        clauses: vec![a.to_owned(), b.to_owned()],
                        message: format!(
                            "`{a}` and `{b}` both apply with no priority between them and different outcomes"
                        ),
                    });
                }
                Ok(*first)
            }
        }
    }
}

/// Whether `later` is within `months` calendar months after `earlier` (both inclusive). A
/// window that runs past the last representable date holds every later date (it was empty:
/// `repeat_months = 4294967295` never escalated).
fn within(earlier: NaiveDate, later: NaiveDate, months: u32) -> bool {
    later >= earlier
        && earlier
            .checked_add_months(Months::new(months))
            .is_none_or(|end| later <= end)
}

/// What escalations look back at, indexed as decisions are made in time order, so that a
/// history costs a lookup per record rather than a scan of every earlier decision (issue
/// #8: 40,000 records of one person took 28 s, a million would not finish).
#[derive(Default)]
struct History {
    /// Subject → conduct (a violation code, or the first code of its same-conduct group) →
    /// index of its latest tier-1 decision.
    last_tier1: HashMap<String, HashMap<String, usize>>,
    /// Subject → the dates of its decisions carrying the complaint flag, in time order.
    complaints: HashMap<String, Vec<NaiveDate>>,
}

impl History {
    fn record(&mut self, d: &Decision, conduct: &str, index: usize, complaint_flag: Option<&str>) {
        if d.tier == Some(1) {
            self.last_tier1
                .entry(d.subject.clone())
                .or_default()
                .insert(conduct.to_owned(), index);
        }
        if complaint_flag.is_some_and(|f| d.flags.iter().any(|x| x == f)) {
            self.complaints
                .entry(d.subject.clone())
                .or_default()
                .push(d.at.date_naive());
        }
    }
}
