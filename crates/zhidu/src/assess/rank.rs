//! The monthly window ranking (红旗窗口, S4): windows by score, ties sharing a rank, and
//! windows carrying a disqualifying effect listed as not eligible with the reason.

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::{Assessment, SubjectKind};
use crate::{Error, Policy};

/// Why a window cannot be 红旗窗口 this period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Disqualification {
    /// The effect's id.
    pub effect: String,
    /// Its name.
    pub name: String,
    /// The rule (clause) that carried it.
    pub rule: String,
    /// The policy that defines the rule when the ranking policy imports it (S4.req.4 from
    /// `s4-duty-rota`).
    pub imported_from: Option<String>,
    /// Whose card carried it: a person or the window.
    pub subject: String,
}

/// A window's place in the ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WindowRank {
    /// 1-based; equal scores share a rank (1, 2, 2, 4).
    pub rank: usize,
    /// The window.
    pub window: String,
    /// Mean of the members' totals plus the window's own lines, rounded half away from zero
    /// to two places (ranks compare the exact values).
    #[serde(serialize_with = "two_places")]
    pub score: Decimal,
    /// Members counted.
    pub members: usize,
    /// Whether the window may be 红旗窗口 this period.
    pub eligible: bool,
    /// Why not, if not.
    pub disqualified_by: Vec<Disqualification>,
}

fn two_places<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_args!("{:.2}", d))
}

#[derive(Default)]
struct Acc {
    sum: i128,
    members: usize,
    own: i128,
    reasons: Vec<Disqualification>,
}

impl Policy {
    /// Rank the windows of an assessment of this policy.
    ///
    /// A window's score is the mean of its members' totals (a person belongs to the window
    /// of their card) plus the points of the window's own card; a window without members
    /// starts from the full score (the sum of the category maxima).
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the policy has no deduction table.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{AssessRequest, Incident, Start};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s14-window-scorecard").unwrap();
    /// let roster = [("甲".to_owned(), "W01".to_owned()), ("乙".to_owned(), "W02".to_owned())];
    /// let mut i = Incident::new("乙", "S14.att.2", "2026-10-12".parse::<Start>().unwrap());
    /// i.window = Some("W02".into());
    /// let incidents = [i];
    /// let a = p.assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents).roster(&roster)).unwrap();
    /// let ranking = p.rank(&a).unwrap();
    /// assert_eq!((ranking[0].window.as_str(), ranking[0].rank), ("W01", 1));
    /// assert_eq!(ranking[1].score.to_string(), "88");
    /// ```
    pub fn rank(&self, assessment: &Assessment) -> Result<Vec<WindowRank>, Error> {
        let model = self.assessment_model()?;
        let mut windows: BTreeMap<String, Acc> = BTreeMap::new();
        for card in &assessment.scorecards {
            let Some(window) = card.window.clone() else {
                continue;
            };
            let acc = windows.entry(window).or_default();
            match card.kind {
                SubjectKind::Person => {
                    acc.sum += i128::from(card.total);
                    acc.members += 1;
                }
                SubjectKind::Window => {
                    acc.own += card
                        .lines
                        .iter()
                        .map(|l| i128::from(l.points))
                        .sum::<i128>()
                }
            }
            for hit in &card.effects {
                let disqualifies = model
                    .disqualifying
                    .iter()
                    .filter_map(|&e| model.effects.get(e))
                    .any(|e| *e.id == *hit.id);
                if disqualifies {
                    acc.reasons.push(Disqualification {
                        effect: hit.id.to_string(),
                        name: hit.name.to_string(),
                        rule: hit.rule.to_string(),
                        imported_from: model
                            .rule_index
                            .get(&*hit.rule)
                            .and_then(|&r| model.rules.get(r))
                            .and_then(|r| r.meta.imported_from.as_deref())
                            .map(str::to_owned),
                        subject: card.subject.clone(),
                    });
                }
            }
        }
        let full = i128::from(model.full_score());
        // Exact scores as fractions num / den, compared by cross-multiplying.
        let mut rows: Vec<(String, i128, i128, Acc)> = windows
            .into_iter()
            .map(|(w, a)| {
                let (num, den) = if a.members == 0 {
                    (full + a.own, 1)
                } else {
                    (a.sum + a.own * a.members as i128, a.members as i128)
                };
                (w, num, den, a)
            })
            .collect();
        rows.sort_by(|a, b| (b.1 * a.2).cmp(&(a.1 * b.2)).then_with(|| a.0.cmp(&b.0)));
        let mut out: Vec<WindowRank> = Vec::with_capacity(rows.len());
        let mut prev: Option<(i128, i128, usize)> = None;
        for (i, (window, num, den, acc)) in rows.into_iter().enumerate() {
            let rank = match prev {
                Some((pn, pd, r)) if pn * den == num * pd => r,
                _ => i + 1,
            };
            prev = Some((num, den, rank));
            let score = decimal(num)
                .checked_div(decimal(den))
                .unwrap_or(Decimal::ZERO)
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            out.push(WindowRank {
                rank,
                window,
                score,
                members: acc.members,
                eligible: acc.reasons.is_empty(),
                disqualified_by: acc.reasons,
            });
        }
        Ok(out)
    }
}

/// `n` as a decimal, saturating: `Decimal::from_i128_with_scale` panics past 96 bits. Such
/// sums need millions of window lines at the largest points, but no input may panic
/// (issue #8).
fn decimal(n: i128) -> Decimal {
    Decimal::try_from_i128_with_scale(n, 0).unwrap_or(if n < 0 {
        Decimal::MIN
    } else {
        Decimal::MAX
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_past_the_decimal_range_saturate() {
        assert_eq!(decimal(i128::MAX), Decimal::MAX);
        assert_eq!(decimal(i128::MIN), Decimal::MIN);
        assert_eq!(decimal(-88), Decimal::from(-88));
    }
}
