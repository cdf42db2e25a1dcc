//! What-if: the same inputs under two rule sets (issue #17, point 4). A centre runs a
//! month's cases, incidents and violations under the policy in force and under a changed
//! copy (or a new version, before its `effective_from`), and reads every case, person,
//! window and decision whose answer changes, with both values and the rules responsible.
//!
//! The comparison is typed here once; the CLI, Python and JS render it. The case part is
//! shared with the calendar's provisional-vs-notice diff ([`crate::Policy::case_change`]).

pub(crate) mod cases;
mod decisions;
mod render;
mod scores;
mod skipped;

use chrono::{DateTime, Duration, FixedOffset};
use serde::Serialize;

pub use cases::CaseChange;
pub use decisions::DecisionChange;
pub use scores::{RankChange, RankSide, ScoreChange, ScoreSide};
pub use skipped::WhatIfSkipped;

use crate::{Error, Lang, Policy, ReportRequest, SkippedRow, Stamp};

/// A rule, class or other part of a policy whose values differ between the two sets and
/// that a changed row used: `class promised`, `rule S2.assess.qin.1`, `calendar cn-mainland` …
///
/// # Example
///
/// ```
/// let r = zhidu::Responsible::new("rule", "S2.assess.qin.1");
/// assert_eq!(r.to_string(), "rule S2.assess.qin.1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[non_exhaustive]
pub struct Responsible {
    /// `class`, `suspension`, `calendar`, `rule`, `category`, `effect`, `violation`,
    /// `tier`, `flag` or `escalation`.
    pub kind: &'static str,
    /// Its id or clause code.
    pub id: String,
}

impl Responsible {
    /// A responsible part of a policy by kind and id.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::Responsible::new("class", "promised").kind, "class");
    /// ```
    #[must_use]
    pub fn new(kind: &'static str, id: &str) -> Responsible {
        Responsible {
            kind,
            id: id.to_owned(),
        }
    }
}

impl core::fmt::Display for Responsible {
    /// `kind id`.
    ///
    /// ```
    /// assert_eq!(zhidu::Responsible::new("tier", "2").to_string(), "tier 2");
    /// ```
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} {}", self.kind, self.id)
    }
}

/// How many rows of each kind change.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let d = p.what_if(p, &zhidu::ReportRequest::new("2026-10".parse()?))?;
/// assert_eq!(d.totals, zhidu::WhatIfTotals::default());
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WhatIfTotals {
    /// Cases of the period whose due date, status or overdue days change.
    pub cases: usize,
    /// People whose score, fines, withholdings or effects change.
    pub people: usize,
    /// Windows whose own card (window-charged rules) changes.
    pub window_cards: usize,
    /// Windows whose rank, ranking score or eligibility (红旗窗口) changes.
    pub ranks: usize,
    /// Decisions of the period whose tier changes.
    pub decisions: usize,
    /// Rows that could not be used under one side or both ([`WhatIf::skipped`]).
    pub skipped: usize,
}

/// The same period's inputs under two policies: totals first, then every changed row with
/// both values and the rules responsible.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let d = p.what_if(p, &zhidu::ReportRequest::new("2026-10".parse()?))?;
/// assert!(d.is_empty());
/// assert_eq!(d.before, d.after);
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WhatIf {
    /// The rules before.
    pub before: Stamp,
    /// The rules after.
    pub after: Stamp,
    /// The period.
    pub period: String,
    /// The instant statuses and decisions are taken at (as in the report).
    pub as_of: DateTime<FixedOffset>,
    /// How many rows change, by kind.
    pub totals: WhatIfTotals,
    /// The cases that change, by case id.
    pub cases: Vec<CaseChange>,
    /// The scorecards (people, then windows' own) that change, by subject.
    pub scorecards: Vec<ScoreChange>,
    /// The windows whose ranking changes, by window.
    pub ranks: Vec<RankChange>,
    /// The decisions whose tier changes, by row.
    pub decisions: Vec<DecisionChange>,
    /// The rows that could not be read, or answered under one side or both, by input and
    /// row: they are in no list above, and are not silently dropped.
    pub skipped: Vec<WhatIfSkipped>,
}

impl WhatIf {
    /// Whether nothing changes (skipped rows aside: see [`WhatIf::skipped`]).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let p = ps.policy("s14-window-scorecard")?;
    /// assert!(p.what_if(p, &zhidu::ReportRequest::new("2026-10".parse()?))?.is_empty());
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        WhatIfTotals {
            skipped: 0,
            ..self.totals
        } == WhatIfTotals::default()
    }

    /// The diff as plain text: both stamps, the totals, then each changed row.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let p = ps.policy("s2-service-center")?;
    /// let d = p.what_if(p, &zhidu::ReportRequest::new("2026-10".parse()?))?;
    /// assert!(d.to_text(zhidu::Lang::En).contains("cases changed: 0"));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn to_text(&self, lang: Lang) -> String {
        render::text(self, lang)
    }

    /// The diff as one pretty-printed JSON document.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let p = ps.policy("s2-service-center")?;
    /// let d = p.what_if(p, &zhidu::ReportRequest::new("2026-10".parse()?))?;
    /// assert!(d.to_json().contains("\"totals\""));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        // Every field serializes (strings, integers, decimals as strings), so this cannot
        // fail; an empty object would be the answer if it did.
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// The diff as one self-contained HTML page (inline CSS, no script, no network).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let p = ps.policy("s2-service-center")?;
    /// let html = p.what_if(p, &zhidu::ReportRequest::new("2026-10".parse()?))?.to_html(zhidu::Lang::Zh);
    /// assert!(html.starts_with("<!doctype html>") && !html.contains("<script"));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn to_html(&self, lang: Lang) -> String {
        render::html(self, lang)
    }
}

impl Policy {
    /// The same inputs under this policy (before) and `after`: the period's cases whose due
    /// date, status or overdue days change, the scorecards whose score, fines or effects
    /// change, the windows whose rank changes and the period's decisions whose tier changes,
    /// each with both values and the rules responsible (the classes, rules, tiers … whose
    /// values differ between the two and that the row used).
    ///
    /// The request is the report's: the period, the as-of instant (default the period's last
    /// second), and the rows. A case belongs to the period as in [`Policy::report`]; rows
    /// that cannot be read, or answered under one policy or both, are in no change list but
    /// in [`WhatIf::skipped`], with their side and error, and counted in the totals.
    ///
    /// # Errors
    ///
    /// As [`Policy::report`] under either policy.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{PolicySet, ReportRequest, Start};
    /// let before = PolicySet::builtin()?;
    /// let s2 = PolicySet::builtin_sources().iter().find(|(n, _)| n.ends_with("s2-service-center.toml")).unwrap().1;
    /// // The next version raises 迟到 (S2.assess.qin.1) from 2 points to 3.
    /// let rule = "code = \"S2.assess.qin.1\"\ncategory = \"qin\"\nkind = \"deduction\"\nunit = \"occurrence\"\npoints = ";
    /// let changed = s2.replacen(&format!("{rule}2"), &format!("{rule}3"), 1);
    /// assert_ne!(changed, s2);
    /// let after = PolicySet::from_sources(&[("s2.toml", changed.as_str())])?;
    /// let mut late = zhidu::Incident::new("张三", "S2.assess.qin.1", "2026-10-12T08:40".parse::<Start>()?);
    /// late.window = Some("W01".into());
    /// let incidents = [Ok(late)];
    /// let req = ReportRequest::new("2026-10".parse()?).incidents(&incidents);
    /// let d = before.policy("s2-service-center")?.what_if(after.policy("s2-service-center")?, &req)?;
    /// assert_eq!(d.totals.people, 1);
    /// let card = &d.scorecards[0];
    /// // 勤 is 20 points: 100 − 2 before, 100 − 3 after.
    /// assert_eq!((card.before.as_ref().unwrap().total, card.after.as_ref().unwrap().total), (98, 97));
    /// assert_eq!(card.responsible[0].to_string(), "rule S2.assess.qin.1");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn what_if(&self, after: &Policy, req: &ReportRequest<'_>) -> Result<WhatIf, Error> {
        let offset = self.calendar().offset();
        let (start, end) = req.period.bounds(offset);
        let last = end - Duration::seconds(1);
        let as_of = req.as_of.map_or(last, |t| t.min(last));
        let window = crate::report::Window {
            start,
            end,
            as_of,
            offset,
        };
        let (case_changes, mut skipped_before, mut skipped_after) =
            period_cases(self, after, req, &window)?;
        let scored = scores::compare(self, after, req, &case_changes)?;
        let (decisions, decide_before, decide_after) = decisions::compare(self, after, req, as_of)?;
        skipped_before.extend(scored.skipped.0);
        skipped_before.extend(decide_before);
        skipped_after.extend(scored.skipped.1);
        skipped_after.extend(decide_after);
        let skipped = skipped::merge(skipped_before, skipped_after);
        let people = scored
            .cards
            .iter()
            .filter(|c| c.kind == crate::SubjectKind::Person)
            .count();
        Ok(WhatIf {
            before: self.stamp(),
            after: after.stamp(),
            period: req.period.to_string(),
            as_of,
            totals: WhatIfTotals {
                cases: case_changes.len(),
                people,
                window_cards: scored.cards.len() - people,
                ranks: scored.ranks.len(),
                decisions: decisions.len(),
                skipped: skipped.len(),
            },
            cases: case_changes,
            scorecards: scored.cards,
            ranks: scored.ranks,
            decisions,
            skipped,
        })
    }
}

/// The period's cases and the case rows each side could not answer (an unreadable row on
/// both).
type PeriodCases = (Vec<CaseChange>, Vec<SkippedRow>, Vec<SkippedRow>);

/// The period's cases (as the report counts them) that change, by id, and the case rows
/// that could not be read or answered, per side.
fn period_cases(
    before: &Policy,
    after: &Policy,
    req: &ReportRequest<'_>,
    window: &crate::report::Window,
) -> Result<PeriodCases, Error> {
    let (b, a) = match req.case_policy {
        Some(p) => (p, p),
        None => (before, after),
    };
    if req.cases.iter().any(Result::is_ok) && (b.classes.is_empty() || a.classes.is_empty()) {
        // The report's own error, for the side without deadline classes.
        let none = if b.classes.is_empty() { b } else { a };
        none.report(&ReportRequest::new(req.period).cases(req.cases))?;
    }
    let mut out = Vec::new();
    let (mut skipped_b, mut skipped_a) = (Vec::new(), Vec::new());
    for (i, row) in req.cases.iter().enumerate() {
        let case = match row {
            Ok(case) => case,
            Err(e) => {
                skipped_b.push(SkippedRow::new("case", i + 1, e.clone()));
                skipped_a.push(SkippedRow::new("case", i + 1, e.clone()));
                continue;
            }
        };
        let (sb, sa) = (
            b.case_status(case, window.as_of),
            a.case_status(case, window.as_of),
        );
        if let Err(e) = &sb {
            skipped_b.push(SkippedRow::new("case", i + 1, e.clone()));
        }
        if let Err(e) = &sa {
            skipped_a.push(SkippedRow::new("case", i + 1, e.clone()));
        }
        if sb.is_err() || sa.is_err() {
            continue;
        }
        let Ok(Some(change)) = cases::compare(b, a, case, window.as_of) else {
            continue;
        };
        let Ok(accepted) = case.accepted_at.instant_in(window.offset) else {
            continue;
        };
        if window.belongs(accepted, &change.old) || window.belongs(accepted, &change.new) {
            out.push(change);
        }
    }
    out.sort_by(|x, y| x.id.cmp(&y.id));
    Ok((out, skipped_b, skipped_a))
}
