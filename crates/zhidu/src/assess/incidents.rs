//! One incident of the period, read in full, on its way to the cards: the step the row path
//! and the column path share, so that both give the same assessment.

use chrono::{DateTime, Datelike, FixedOffset};

use super::cards::{Cards, Slots};
use super::model::{self, AssessmentModel};
use super::money::Fen;
use super::view::View;
use super::{Deferred, LineSource, Part, PeriodFacts, Scored, SkippedRow, place, place_inline};
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

/// The step's answer for every incident of the period whose rule code it was made for and
/// which gives nothing of its own but its subject, instant and window (no `quantity`,
/// `points` or `basis`): such an incident is scored the same whatever its row says, so the
/// column path asks the step once per code and places the answer (issue #16: the checks
/// and pricing were most of an incident's cost). Made by [`Scoring::fixed`] from the step's
/// own answer, never computed apart from it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Fixed<'m> {
    rule: &'m model::Rule,
    category: Option<usize>,
    points: i64,
    points_each: i64,
    fine: Fen,
    withholding: Fen,
}

impl Fixed<'_> {
    /// Whether an incident with these fields takes this answer: it gives no quantity, points
    /// or basis, and names a window (`has_window`: a text with more than white space) if its
    /// rule needs one (the step refuses it otherwise).
    #[inline(always)]
    pub(super) fn fits(
        &self,
        quantity: Option<i64>,
        points: Option<i64>,
        basis: Option<&str>,
        has_window: bool,
    ) -> bool {
        quantity.is_none()
            && points.is_none()
            && basis.is_none()
            && (has_window || !self.rule.needs_window)
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

    /// The answer every fitting incident of `plan`'s code takes in this period ([`Fixed`]),
    /// when there is one: the plan has the period's version, lines are off (a line names
    /// the row's case, note and source) and the rule has no family (A33 compares incidents
    /// by `ref`). An effect is fine: its hits are made when the answer is placed, with the
    /// row's instant. `None` also when the step refuses a bare incident of the code.
    pub(super) fn fixed(&self, plan: Plan<'m>, rule_text: &'i str) -> Option<Fixed<'m>> {
        let rule = plan.rule;
        if self.lines || plan.version.is_none() || rule.family.is_some() {
            return None;
        }
        // A bare incident of the code, at the period's start and at a window: what differs
        // between fitting incidents (the instant and the window) does not reach the sums.
        let view = View {
            rule: rule_text,
            window: Some("W"),
            quantity: None,
            points: None,
            case: None,
            note: None,
            basis: None,
            reference: None,
        };
        let scored = self
            .policy
            .score_incident_inline(self.model, plan, view, self.facts.start, None, &self.facts)
            .ok()?;
        Some(Fixed {
            rule: scored.rule,
            category: scored.category,
            points: scored.points,
            points_each: scored.points_each,
            fine: scored.fine,
            withholding: scored.withholding,
        })
    }

    /// Score a fitting incident of `fixed`'s code ([`Fixed::fits`]) as [`Scoring::incident`]
    /// would: placed with the answer when it falls in the period; otherwise the full step
    /// (`plan` is the code's, `view` the row's).
    #[expect(
        clippy::too_many_arguments,
        reason = "an incident's parts as each path holds them, passed once per incident"
    )]
    #[inline(always)]
    pub(super) fn incident_fixed(
        &mut self,
        row: usize,
        subject: &'i str,
        at: DateTime<FixedOffset>,
        fixed: Fixed<'m>,
        plan: Plan<'m>,
        window: Option<&'i str>,
        view: impl FnOnce() -> View<'i>,
        slots: Slots<'_>,
    ) {
        if at < self.facts.start || at >= self.facts.end {
            return self.incident(row, subject, at, Some(plan), || Ok(plan), view(), slots);
        }
        let scored = Scored {
            rule: fixed.rule,
            category: fixed.category,
            points: fixed.points,
            points_each: fixed.points_each,
            fine: fixed.fine,
            withholding: fixed.withholding,
            at,
            line: None,
            window,
        };
        place_inline(
            self.model,
            &mut self.cards,
            scored,
            subject,
            slots,
            row,
            Part::All,
        );
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
