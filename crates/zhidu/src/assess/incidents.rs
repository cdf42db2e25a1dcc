//! One incident of the period, read in full, on its way to the cards: the step the row path
//! and the column path share, so that both give the same assessment.

use chrono::{DateTime, Datelike, FixedOffset};

use super::cards::{Cards, Slots};
use super::model::{self, AssessmentModel};
use super::view::View;
use super::{Deferred, LineSource, Part, PeriodFacts, SkippedRow, place, place_inline};
use crate::{Error, Policy};

/// What an incident's step needs of its rule that every incident of the period with the
/// same rule code shares, made once per code by the column path (issue #16: the step
/// resolved the priced rule and its version per incident).
#[derive(Clone, Copy, Debug)]
pub(super) struct Plan<'m> {
    pub(super) rule: &'m model::Rule,
    /// The version every incident of the period takes when it gives no `basis`: the rule
    /// prices itself, has one version and that version is in force on every day of a period
    /// the policy is in force for throughout (what `score_incident` finds for such an
    /// incident). `None`: found per incident.
    pub(super) version: Option<&'m model::RuleVersion>,
}

impl<'m> Plan<'m> {
    /// The plan of `rule` for the period of `facts`.
    pub(super) fn new(rule: &'m model::Rule, facts: &PeriodFacts) -> Plan<'m> {
        let version = match rule.versions.as_slice() {
            [v] if rule.basis_from.is_none()
                && facts.in_force
                && v.from <= facts.first
                && v.until.is_none_or(|u| facts.last <= u) =>
            {
                Some(v)
            }
            _ => None,
        };
        Plan { rule, version }
    }

    /// A plan that finds the version per incident (the row path).
    pub(super) fn per_incident(rule: &'m model::Rule) -> Plan<'m> {
        Plan {
            rule,
            version: None,
        }
    }
}

/// What one assessment keeps while it scores its incidents.
pub(super) struct Scoring<'p, 'm, 'i> {
    pub(super) policy: &'p Policy,
    pub(super) model: &'m AssessmentModel,
    pub(super) facts: PeriodFacts,
    /// The calendar year of the period's first day.
    pub(super) year: i32,
    /// Whether any effect lasts the calendar year (取消年度评先资格).
    pub(super) has_annual: bool,
    pub(super) lines: bool,
    pub(super) cards: Cards,
    pub(super) errors: Vec<SkippedRow>,
    pub(super) outside_rows: Vec<usize>,
    /// Bonuses waiting for the others of their family, subject and `ref` (A33).
    pub(super) deferred: Vec<Deferred<'m, 'i>>,
}

impl<'m, 'i> Scoring<'_, 'm, 'i> {
    /// Skip incident `row` (from 1) with its error.
    pub(super) fn skip(&mut self, row: usize, error: Error) {
        self.errors.push(SkippedRow {
            input: "incident",
            row,
            error,
        });
    }

    /// Score incident `row` of `subject` at `at`. `rule` finds its rule, asked only when the
    /// row is used: a row outside the period is counted, not checked, unless it is earlier
    /// in the same calendar year and its rule carries an annual effect, which still holds
    /// (README Scorecards, issue #18 BUG-1); such a row is checked like a row of the period.
    #[expect(
        clippy::too_many_arguments,
        reason = "an incident's parts as each path holds them, passed once per incident"
    )]
    pub(super) fn incident(
        &mut self,
        row: usize,
        subject: &'i str,
        at: DateTime<FixedOffset>,
        // The plan of the row's rule code when the caller has it already (the column path,
        // after a code's first row): no call to `rule`.
        known: Option<Plan<'m>>,
        rule: impl FnOnce() -> Result<Plan<'m>, Error>,
        view: View<'i>,
        slots: Slots<'_>,
    ) {
        let model = self.model;
        if at < self.facts.start || at >= self.facts.end {
            if self.has_annual && at < self.facts.start && at.year() == self.year {
                let annual = known
                    .map_or_else(|| rule().ok(), Some)
                    .map(|p| p.rule)
                    .filter(|r| {
                        r.effects
                            .iter()
                            .filter_map(|&e| model.effects.get(e))
                            .any(|e| e.annual)
                    });
                if let Some(rule) = annual {
                    let scored =
                        self.policy
                            .score_incident(model, rule, view, at, None, &self.facts);
                    match scored {
                        Ok(scored) => place(
                            model,
                            &mut self.cards,
                            scored,
                            subject,
                            slots,
                            row,
                            Part::AnnualEffects,
                        ),
                        Err(error) => return self.skip(row, error),
                    }
                }
            }
            self.outside_rows.push(row);
            return;
        }
        let plan = match known.map_or_else(rule, Ok) {
            Ok(plan) => plan,
            Err(error) => return self.skip(row, error),
        };
        let source = self.lines.then_some(LineSource::Incident { row });
        // In the period: the plan's version, if any, is this incident's.
        let scored = self
            .policy
            .score_incident_inline(model, plan, view, at, source, &self.facts);
        match (scored, view.reference) {
            (Ok(scored), Some(reference)) if scored.rule.family.is_some() => {
                self.deferred.push(Deferred {
                    scored,
                    subject,
                    reference,
                    order: row,
                });
            }
            (Ok(scored), _) => place_inline(
                model,
                &mut self.cards,
                scored,
                subject,
                slots,
                row,
                Part::All,
            ),
            (Err(error), _) => self.skip(row, error),
        }
    }
}
