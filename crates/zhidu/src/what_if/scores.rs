//! The scoring part of a what-if: scorecards (people and windows' own cards) whose score,
//! fines, withholdings or effects change, and the windows whose ranking changes.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::Serialize;

use super::{CaseChange, Responsible};
use crate::{
    AssessRequest, Assessment, DeductionTable, Error, Policy, ReportRequest, Scorecard, SkippedRow,
    SubjectKind, WindowRank,
};

/// One side of a scorecard's change.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let d = p.what_if(p, &zhidu::ReportRequest::new("2026-10".parse()?))?;
/// assert!(d.scorecards.is_empty());
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ScoreSide {
    /// The total score.
    pub total: i64,
    /// The fines, in yuan.
    pub fines: Decimal,
    /// The withholdings, in yuan.
    pub withholdings: Decimal,
    /// The effects hit (ids), in order.
    pub effects: Vec<String>,
}

/// A scorecard whose score, fines, withholdings or effects change.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let d = p.what_if(p, &zhidu::ReportRequest::new("2026-10".parse()?))?;
/// assert_eq!(d.totals.people, d.scorecards.len());
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ScoreChange {
    /// The person or window.
    pub subject: String,
    /// A person's card or a window's own.
    pub kind: SubjectKind,
    /// The person's window.
    pub window: Option<String>,
    /// Which of `total`, `fines`, `withholdings` and `effects` differ, in that order
    /// (`card` when the card exists on one side only).
    pub changed: Vec<&'static str>,
    /// Before (none when the card is new).
    pub before: Option<ScoreSide>,
    /// After (none when the card is gone).
    pub after: Option<ScoreSide>,
    /// The rules, categories, effects and case classes that differ and that the card used.
    pub responsible: Vec<Responsible>,
}

/// One side of a window's ranking change.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// assert!(p.what_if(p, &zhidu::ReportRequest::new("2026-10".parse()?))?.ranks.is_empty());
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RankSide {
    /// The rank (1 = first).
    pub rank: usize,
    /// The ranking score.
    pub score: Decimal,
    /// Whether the window may be 红旗窗口.
    pub eligible: bool,
}

/// A window whose rank, ranking score or eligibility changes.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// assert_eq!(p.what_if(p, &zhidu::ReportRequest::new("2026-10".parse()?))?.totals.ranks, 0);
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RankChange {
    /// The window.
    pub window: String,
    /// Which of `rank`, `score` and `eligible` differ, in that order (`window` when the
    /// window is ranked on one side only).
    pub changed: Vec<&'static str>,
    /// Before.
    pub before: Option<RankSide>,
    /// After.
    pub after: Option<RankSide>,
    /// What moved the window's own score (its members' and its card's responsible rules);
    /// for a window that only moved because others did, theirs.
    pub responsible: Vec<Responsible>,
}

pub(super) struct Scored {
    pub(super) cards: Vec<ScoreChange>,
    pub(super) ranks: Vec<RankChange>,
    /// The incident and roster rows each side could not score (before, after); case rows
    /// are the case part's to list.
    pub(super) skipped: (Vec<SkippedRow>, Vec<SkippedRow>),
}

/// A subject's card before and after (none where it has none).
type Sides<'a> = (Option<&'a Scorecard>, Option<&'a Scorecard>);

/// Score and rank both sides and keep what changes.
pub(super) fn compare(
    before: &Policy,
    after: &Policy,
    req: &ReportRequest<'_>,
    cases: &[CaseChange],
) -> Result<Scored, Error> {
    let (a, b) = (assess(before, req)?, assess(after, req)?);
    let (ta, tb) = (before.deduction_table().ok(), after.deduction_table().ok());
    let mut cards: BTreeMap<(SubjectKind, &str), Sides<'_>> = BTreeMap::new();
    for c in a.iter().flat_map(|x| &x.scorecards) {
        cards.entry((c.kind, c.subject.as_str())).or_default().0 = Some(c);
    }
    for c in b.iter().flat_map(|x| &x.scorecards) {
        cards.entry((c.kind, c.subject.as_str())).or_default().1 = Some(c);
    }
    let mut out = Vec::new();
    for ((kind, subject), (x, y)) in cards {
        let (sx, sy) = (x.map(side), y.map(side));
        let changed = changed_fields(sx.as_ref(), sy.as_ref());
        if changed.is_empty() {
            continue;
        }
        let mut why = BTreeSet::new();
        for card in x.into_iter().chain(y) {
            card_responsible(card, ta.as_ref(), tb.as_ref(), cases, &mut why);
        }
        out.push(ScoreChange {
            subject: subject.to_owned(),
            kind,
            window: x.or(y).and_then(|c| c.window.clone()),
            changed,
            before: sx,
            after: sy,
            responsible: why.into_iter().collect(),
        });
    }
    let ranks = match (&a, &b) {
        (None, None) => Vec::new(),
        _ => rank_changes(&rank(before, a.as_ref())?, &rank(after, b.as_ref())?, &out),
    };
    let skipped = |x: &Option<Assessment>| -> Vec<SkippedRow> {
        x.iter()
            .flat_map(|x| &x.errors)
            .filter(|e| e.input != "case")
            .cloned()
            .collect()
    };
    Ok(Scored {
        skipped: (skipped(&a), skipped(&b)),
        cards: out,
        ranks,
    })
}

fn assess(p: &Policy, req: &ReportRequest<'_>) -> Result<Option<Assessment>, Error> {
    if p.assessment.is_none() {
        return Ok(None);
    }
    let case_policy = req.case_policy.unwrap_or(p);
    p.assess(
        &AssessRequest::new(req.period)
            .incident_rows(req.incidents)
            .roster_as(req.roster)
            .case_rows(case_policy, req.cases),
    )
    .map(Some)
}

fn rank(p: &Policy, a: Option<&Assessment>) -> Result<Vec<WindowRank>, Error> {
    a.map_or(Ok(Vec::new()), |a| p.rank(a))
}

fn side(c: &Scorecard) -> ScoreSide {
    ScoreSide {
        total: c.total,
        fines: c.fines,
        withholdings: c.withholdings,
        effects: c.effects.iter().map(|e| e.id.to_string()).collect(),
    }
}

fn changed_fields(x: Option<&ScoreSide>, y: Option<&ScoreSide>) -> Vec<&'static str> {
    let (Some(x), Some(y)) = (x, y) else {
        return if x.is_some() || y.is_some() {
            vec!["card"]
        } else {
            Vec::new()
        };
    };
    let mut out = Vec::new();
    if x.total != y.total {
        out.push("total");
    }
    if x.fines != y.fines {
        out.push("fines");
    }
    if x.withholdings != y.withholdings {
        out.push("withholdings");
    }
    if x.effects != y.effects {
        out.push("effects");
    }
    out
}

/// The rules, categories and effects of the card's lines whose values differ between the
/// two tables, and the class of each changed case a line was generated from.
fn card_responsible(
    card: &Scorecard,
    ta: Option<&DeductionTable>,
    tb: Option<&DeductionTable>,
    cases: &[CaseChange],
    why: &mut BTreeSet<Responsible>,
) {
    let rules = |t: Option<&DeductionTable>, code: &str| {
        t.map(|t| {
            t.rules
                .iter()
                .filter(|r| r.code == code)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let category = |t: Option<&DeductionTable>, id: &str| {
        t.and_then(|t| t.categories.iter().find(|c| c.id == id).cloned())
    };
    let effect = |t: Option<&DeductionTable>, id: &str| {
        t.and_then(|t| t.effects.iter().find(|e| e.id == id).cloned())
    };
    for line in &card.lines {
        if rules(ta, &line.rule) != rules(tb, &line.rule) {
            why.insert(Responsible::new("rule", &line.rule));
        }
        if let Some(basis) = &line.basis {
            if rules(ta, basis) != rules(tb, basis) {
                why.insert(Responsible::new("rule", basis));
            }
        }
        if let Some(cat) = &line.category {
            if category(ta, cat) != category(tb, cat) {
                why.insert(Responsible::new("category", cat));
            }
        }
        if let Some(case) = &line.case {
            for c in cases.iter().filter(|c| &c.id == case) {
                why.extend(c.responsible.iter().cloned());
            }
        }
    }
    for e in &card.effects {
        if effect(ta, &e.id) != effect(tb, &e.id) {
            why.insert(Responsible::new("effect", &e.id));
        }
    }
}

fn rank_changes(a: &[WindowRank], b: &[WindowRank], cards: &[ScoreChange]) -> Vec<RankChange> {
    let mut windows: BTreeMap<&str, (Option<RankSide>, Option<RankSide>)> = BTreeMap::new();
    let side = |w: &WindowRank| RankSide {
        rank: w.rank,
        score: w.score,
        eligible: w.eligible,
    };
    for w in a {
        windows.entry(w.window.as_str()).or_default().0 = Some(side(w));
    }
    for w in b {
        windows.entry(w.window.as_str()).or_default().1 = Some(side(w));
    }
    let everyone: BTreeSet<Responsible> = cards
        .iter()
        .flat_map(|c| c.responsible.iter().cloned())
        .collect();
    let mut out = Vec::new();
    for (window, (x, y)) in windows {
        let changed = match (&x, &y) {
            (Some(x), Some(y)) => {
                let mut v = Vec::new();
                if x.rank != y.rank {
                    v.push("rank");
                }
                if x.score != y.score {
                    v.push("score");
                }
                if x.eligible != y.eligible {
                    v.push("eligible");
                }
                v
            }
            _ => vec!["window"],
        };
        if changed.is_empty() {
            continue;
        }
        let own: BTreeSet<Responsible> = cards
            .iter()
            .filter(|c| {
                c.window.as_deref() == Some(window)
                    || (c.kind == SubjectKind::Window && c.subject == window)
            })
            .flat_map(|c| c.responsible.iter().cloned())
            .collect();
        let responsible = if own.is_empty() { &everyone } else { &own };
        out.push(RankChange {
            window: window.to_owned(),
            changed,
            before: x,
            after: y,
            responsible: responsible.iter().cloned().collect(),
        });
    }
    out
}
