//! Training subsidies (S8.train.1a/1b): for each trainee of the 随岗培训班 (a registered,
//! unemployed person), a living subsidy paid to the trainee and a management fee paid to the
//! employer, both a fixed amount for each **full calendar month** of training. A month the
//! training covers only in part is listed for a person to decide and never priced (A27).
//!
//! Months are calendar months (the month a payment run covers): a training period from
//! 2027-01-15 to 2027-04-14 has two full months (February, March) and two partial ones
//! (January 17 of 31 days, April 14 of 30). Both the start and the end day are training days.

pub(crate) mod compile;
pub(crate) mod model;
mod months;

pub use model::Payee;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::deadline::Start;
use crate::source::DefaultNote;
use crate::{Error, Policy, SkippedRow};

/// One trainee's training (one row of `zhidu subsidies`).
///
/// # Example
///
/// ```
/// let d = |s: &str| s.parse::<zhidu::Start>().unwrap();
/// let t = zhidu::Trainee::new("王五", "E1", d("2027-01-01"), d("2027-03-31"));
/// assert_eq!(t.employer, "E1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Trainee {
    /// The trainee.
    pub person: String,
    /// The employer (用人单位) the trainee is placed with.
    pub employer: String,
    /// The first day of training.
    pub start: Start,
    /// The last day of training.
    pub end: Start,
}

impl Trainee {
    /// A trainee's training from `start` to `end`, both days included.
    ///
    /// # Example
    ///
    /// ```
    /// let d = |s: &str| s.parse::<zhidu::Start>().unwrap();
    /// assert_eq!(zhidu::Trainee::new("王五", "E1", d("2027-01-01"), d("2027-03-31")).person, "王五");
    /// ```
    #[must_use]
    pub fn new(
        person: impl Into<String>,
        employer: impl Into<String>,
        start: impl Into<Start>,
        end: impl Into<Start>,
    ) -> Trainee {
        Trainee {
            person: person.into(),
            employer: employer.into(),
            start: start.into(),
            end: end.into(),
        }
    }
}

/// A calendar month the training covers only in part: for a person to decide (A27).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PartialMonth {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The first training day in it.
    pub from: NaiveDate,
    /// The last training day in it.
    pub to: NaiveDate,
    /// Training days in it.
    pub days: u32,
    /// Days of the month.
    pub of_days: u32,
}

/// One trainee's subsidies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TraineeSubsidy {
    /// 1-based row.
    pub row: usize,
    /// The trainee.
    pub person: String,
    /// The employer.
    pub employer: String,
    /// The first day of training.
    pub start: NaiveDate,
    /// The last day of training.
    pub end: NaiveDate,
    /// The full calendar months, `YYYY-MM`.
    pub full_months: Vec<String>,
    /// Yuan to the trainee: the monthly amount × full months (S8.train.1a).
    pub trainee_amount: Decimal,
    /// Yuan to the employer for this trainee: the monthly amount × full months (S8.train.1b).
    pub employer_amount: Decimal,
    /// Months covered in part: priced by no one but a person (A27).
    pub partial_months: Vec<PartialMonth>,
    /// Whether a person must decide the partial months.
    pub needs_decision: bool,
    /// The clauses that priced the months.
    pub clauses: Vec<String>,
}

/// One employer's management fees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EmployerSubsidy {
    /// The employer.
    pub employer: String,
    /// Trainees placed with it.
    pub trainees: usize,
    /// Full months summed over its trainees (每人每月).
    pub person_months: u32,
    /// Yuan: the monthly amount × person-months (S8.train.1b).
    pub amount: Decimal,
    /// Partial months of its trainees, for a person to decide.
    pub partial_months: usize,
}

/// The subsidies of a batch of trainees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Subsidies {
    /// The policy.
    pub policy: String,
    /// One per good row, in input order.
    pub trainees: Vec<TraineeSubsidy>,
    /// Per employer, by employer.
    pub employers: Vec<EmployerSubsidy>,
    /// Yuan to all trainees.
    pub trainee_total: Decimal,
    /// Yuan to all employers.
    pub employer_total: Decimal,
    /// Partial months in all, for a person to decide.
    pub needs_decision: usize,
    /// The defaults the answer used.
    pub defaults: Vec<DefaultNote>,
    /// One per bad row.
    pub errors: Vec<SkippedRow>,
}

impl Policy {
    /// The training subsidies of each trainee and employer (S8.train.1a/1b): full calendar
    /// months priced, partial months listed for a person (A27).
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the policy has no `[[subsidy]]`; bad rows are in
    /// [`Subsidies::errors`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Start, Trainee};
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let s8 = ps.policy("s8-investment-centre")?;
    /// let d = |s: &str| s.parse::<Start>().unwrap();
    /// // 2027-01-15 to 2027-04-14: February and March are full (2 × 400, 2 × 100 yuan);
    /// // January and April are partial, for a person to decide.
    /// let out = s8.subsidies(&[Ok(Trainee::new("王五", "E1", d("2027-01-15"), d("2027-04-14")))])?;
    /// assert_eq!(out.trainees[0].trainee_amount.to_string(), "800");
    /// assert_eq!(out.employers[0].amount.to_string(), "200");
    /// assert_eq!(out.needs_decision, 2);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn subsidies(&self, rows: &[Result<Trainee, Error>]) -> Result<Subsidies, Error> {
        let model = self.subsidies.as_ref().ok_or_else(|| {
            Error::input(
                format!("policy `{}` has no training subsidies", self.id),
                Some("policies with `[[subsidy]]`: s8-investment-centre".to_owned()),
            )
        })?;
        let offset = self.calendar().offset();
        let monthly = |s: &Option<model::Subsidy>| s.as_ref().map_or(Decimal::ZERO, |s| s.monthly);
        let clauses: Vec<String> = [&model.trainee, &model.employer]
            .iter()
            .filter_map(|s| s.as_ref().map(|s| s.source.clause.clone()))
            .collect();
        let mut out = Subsidies {
            policy: self.id.clone(),
            trainees: Vec::new(),
            employers: Vec::new(),
            trainee_total: Decimal::ZERO,
            employer_total: Decimal::ZERO,
            needs_decision: 0,
            defaults: [&model.trainee, &model.employer]
                .iter()
                .filter_map(|s| s.as_ref())
                .flat_map(|s| s.defaults.iter().cloned())
                .collect(),
            errors: Vec::new(),
        };
        let mut employers: BTreeMap<String, EmployerSubsidy> = BTreeMap::new();
        for (i, row) in rows.iter().enumerate() {
            let n = i + 1;
            let t = match row {
                Ok(t) => t,
                Err(e) => {
                    out.errors.push(SkippedRow::new("trainee", n, e.clone()));
                    continue;
                }
            };
            let (start, end) = (t.start.local_date(offset), t.end.local_date(offset));
            if end < start {
                out.errors.push(SkippedRow::new(
                    "trainee",
                    n,
                    Error::input(
                        format!(
                            "the training of `{}` ends on {end}, before it starts on {start}",
                            t.person
                        ),
                        Some(
                            "give `end` on or after `start`; both days are training days"
                                .to_owned(),
                        ),
                    ),
                ));
                continue;
            }
            let (full, partial) = months::split(start, end);
            let count = u32::try_from(full.len()).unwrap_or(u32::MAX);
            // Saturating, as a card's fines: a policy's `monthly` may be any amount the decimal
            // type holds, and a product or sum past it must stop growing, not panic (issue
            // #18: 79228162514264337593543950335 yuan a month, two trainees).
            let trainee_amount = monthly(&model.trainee).saturating_mul(Decimal::from(count));
            let employer_amount = monthly(&model.employer).saturating_mul(Decimal::from(count));
            out.trainee_total = out.trainee_total.saturating_add(trainee_amount);
            out.employer_total = out.employer_total.saturating_add(employer_amount);
            out.needs_decision += partial.len();
            let e = employers
                .entry(t.employer.clone())
                .or_insert_with(|| EmployerSubsidy {
                    employer: t.employer.clone(),
                    trainees: 0,
                    person_months: 0,
                    amount: Decimal::ZERO,
                    partial_months: 0,
                });
            e.trainees += 1;
            e.person_months = e.person_months.saturating_add(count);
            e.amount = e.amount.saturating_add(employer_amount);
            e.partial_months += partial.len();
            out.trainees.push(TraineeSubsidy {
                row: n,
                person: t.person.clone(),
                employer: t.employer.clone(),
                start,
                end,
                full_months: full,
                trainee_amount,
                employer_amount,
                needs_decision: !partial.is_empty(),
                partial_months: partial,
                clauses: clauses.clone(),
            });
        }
        out.employers = employers.into_values().collect();
        Ok(out)
    }
}
