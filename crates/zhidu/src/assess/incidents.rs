//! One incident of the period, read in full, on its way to the cards: the step the row path
//! and the column path share, so that both give the same assessment.

use chrono::{DateTime, Datelike, FixedOffset};

use super::cards::{Cards, Slots};
use super::model::{self, AssessmentModel};
use super::view::View;
use super::{Deferred, LineSource, Part, PeriodFacts, SkippedRow, place};
use crate::{Error, Policy};

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
    pub(super) fn incident(
        &mut self,
        row: usize,
        subject: &'i str,
        at: DateTime<FixedOffset>,
        rule: impl FnOnce() -> Result<&'m model::Rule, Error>,
        view: View<'i>,
        slots: Slots<'_>,
    ) {
        let model = self.model;
        if at < self.facts.start || at >= self.facts.end {
            if self.has_annual && at < self.facts.start && at.year() == self.year {
                let annual = rule().ok().filter(|r| {
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
        let rule = match rule() {
            Ok(rule) => rule,
            Err(error) => return self.skip(row, error),
        };
        let source = self.lines.then_some(LineSource::Incident { row });
        let scored = self
            .policy
            .score_incident(model, rule, view, at, source, &self.facts);
        match (scored, view.reference) {
            (Ok(scored), Some(reference)) if scored.rule.family.is_some() => {
                self.deferred.push(Deferred {
                    scored,
                    subject,
                    reference,
                    order: row,
                });
            }
            (Ok(scored), _) => place(
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
