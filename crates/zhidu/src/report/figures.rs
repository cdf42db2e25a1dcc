//! The supervisor's figures over a set of cases: counts, rates, working days to complete,
//! suspensions and extensions. Every figure is exact: counts are integers, rates are a
//! numerator and a denominator with a percentage rounded once, at the end.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::{Case, CaseEvent, CaseStatus, Status};

/// A rate as the fraction it is, with its percentage rounded to two decimals, half away
/// from zero (`96.125` → `96.13`). No percentage when the denominator is 0.
///
/// # Example
///
/// ```
/// let r = zhidu::Rate::new(7, 8);
/// assert_eq!(r.percent.unwrap().to_string(), "87.50");
/// assert_eq!(zhidu::Rate::new(0, 0).percent, None);
/// assert_eq!(zhidu::Rate::new(1, 3).percent.unwrap().to_string(), "33.33");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rate {
    /// The cases counted.
    pub numerator: u64,
    /// The cases they are counted among.
    pub denominator: u64,
    /// `100 × numerator ÷ denominator`, two decimals, half away from zero.
    pub percent: Option<Decimal>,
}

impl Rate {
    /// `numerator` of `denominator`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::Rate::new(2, 3).percent.unwrap().to_string(), "66.67");
    /// ```
    #[must_use]
    pub fn new(numerator: u64, denominator: u64) -> Rate {
        let percent = (denominator > 0).then(|| {
            two_places(Decimal::from(numerator) * Decimal::ONE_HUNDRED / Decimal::from(denominator))
        });
        Rate {
            numerator,
            denominator,
            percent,
        }
    }

    /// Compare two rates exactly (cross-multiplied, no rounding); an empty rate is lowest.
    pub(crate) fn cmp_exact(&self, other: &Rate) -> core::cmp::Ordering {
        match (self.denominator, other.denominator) {
            (0, 0) => core::cmp::Ordering::Equal,
            (0, _) => core::cmp::Ordering::Less,
            (_, 0) => core::cmp::Ordering::Greater,
            _ => (u128::from(self.numerator) * u128::from(other.denominator))
                .cmp(&(u128::from(other.numerator) * u128::from(self.denominator))),
        }
    }
}

/// The figures of one group of cases (the whole period, a window, a class, an item, the
/// complaints). See the README's *Monthly report* for each figure's definition and clause.
///
/// # Example
///
/// ```
/// use zhidu::{Case, ReportRequest, Start};
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let p = ps.policy("s2-service-center").unwrap();
/// let mut c = Case::new("C1", "promised", "2026-10-12T09:00:00+08:00".parse::<Start>().unwrap(), Some(5));
/// c.completed_at = Some("2026-10-14T10:00:00+08:00".parse().unwrap());
/// let cases = [Ok(c)];
/// let r = p.report(&ReportRequest::new("2026-10".parse().unwrap()).cases(&cases)).unwrap();
/// assert_eq!((r.figures.received, r.figures.completed_on_time), (1, 1));
/// assert_eq!(r.figures.days_p90, Some(2)); // 10-13 and 10-14
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Figures {
    /// The window, class or item; empty for the whole period.
    pub key: String,
    /// The cases of the period (received in it, completed in it or open at its end) by status.
    pub by_status: BTreeMap<String, u64>,
    /// The cases of the period: received in it, completed in it, or open at its end.
    pub cases: u64,
    /// Accepted (受理) in the period.
    pub received: u64,
    /// Completed (办结) in the period.
    pub completed: u64,
    /// Completed in the period within the limit.
    pub completed_on_time: u64,
    /// Completed in the period after the due instant.
    pub completed_late: u64,
    /// Completed in the period on a day before the due day.
    pub completed_early: u64,
    /// 按时办结率: completed on time ÷ completed, both in the period.
    pub on_time_rate: Rate,
    /// Open at the end of the period (or at the as-of instant).
    pub open: u64,
    /// Open and past due (红牌) at the end.
    pub open_overdue: u64,
    /// Overdue cases: completed late in the period plus open and past due at its end.
    pub overdue: u64,
    /// Overdue ÷ (completed in the period + open at its end).
    pub overdue_rate: Rate,
    /// Mean working days from acceptance to completion over the cases completed in the
    /// period, two decimals, half away from zero.
    pub days_mean: Option<Decimal>,
    /// The 90th percentile of the same (nearest rank: the ⌈0.9·n⌉-th smallest).
    pub days_p90: Option<i64>,
    /// Cases of the period with a suspension that began in the period.
    pub suspended_cases: u64,
    /// Suspensions that began in the period.
    pub suspensions: u64,
    /// Cases of the period with an extension approved in the period.
    pub extended_cases: u64,
    /// Extensions approved in the period.
    pub extensions: u64,
    /// Working days (or the class's units) added by those extensions.
    pub extension_units: u64,
    /// How many cases completed in the period took each number of working days (for the
    /// mean and percentile): bounded by the distinct day counts, not the cases, so a report
    /// over a million cases holds a few hundred entries per group; not serialized.
    #[serde(skip)]
    pub(crate) days: BTreeMap<i64, u64>,
}

/// One case of the period with what the figures need.
pub(crate) struct Counted<'a> {
    pub(crate) case: &'a Case,
    pub(crate) status: CaseStatus,
    pub(crate) accepted: DateTime<FixedOffset>,
    /// Working days from acceptance to completion, for a case completed in the period.
    pub(crate) days: Option<i64>,
}

/// The period's bounds `[start, end)` and the as-of instant the statuses are taken at.
#[derive(Clone, Copy)]
pub(crate) struct Window {
    pub(crate) start: DateTime<FixedOffset>,
    pub(crate) end: DateTime<FixedOffset>,
    pub(crate) as_of: DateTime<FixedOffset>,
    pub(crate) offset: FixedOffset,
}

impl Window {
    pub(crate) fn contains(&self, t: DateTime<FixedOffset>) -> bool {
        self.start <= t && t < self.end
    }

    /// Whether a case known at `as_of` belongs to the period: received in it, completed in
    /// it, or still open at its end.
    pub(crate) fn belongs(&self, accepted: DateTime<FixedOffset>, status: &CaseStatus) -> bool {
        match status.completed_at {
            Some(done) => self.contains(accepted) || self.contains(done),
            None => true,
        }
    }
}

impl Figures {
    pub(crate) fn keyed(key: impl Into<String>) -> Figures {
        Figures {
            key: key.into(),
            ..Figures::default()
        }
    }

    /// Count one case of the period.
    pub(crate) fn add(&mut self, c: &Counted<'_>, w: &Window) {
        let s = &c.status;
        self.cases += 1;
        *self.by_status.entry(s.status.to_string()).or_default() += 1;
        if w.contains(c.accepted) {
            self.received += 1;
        }
        match s.completed_at {
            Some(done) if w.contains(done) => {
                self.completed += 1;
                match s.status {
                    Status::DoneLate => {
                        self.completed_late += 1;
                        self.overdue += 1;
                    }
                    _ => {
                        self.completed_on_time += 1;
                        let done_day = done.with_timezone(&w.offset).date_naive();
                        if s.due_date.is_some_and(|due| done_day < due) {
                            self.completed_early += 1;
                        }
                    }
                }
                if let Some(d) = c.days {
                    *self.days.entry(d).or_default() += 1;
                }
            }
            Some(_) => {}
            None => {
                self.open += 1;
                if s.status == Status::Red {
                    self.open_overdue += 1;
                    self.overdue += 1;
                }
            }
        }
        let mut suspended = false;
        let mut extended = false;
        for e in &c.case.events {
            match e {
                CaseEvent::Suspend { at, .. } if in_period(*at, w) => {
                    self.suspensions += 1;
                    suspended = true;
                }
                CaseEvent::Extend { at, days, .. } if in_period(*at, w) => {
                    self.extensions += 1;
                    self.extension_units += u64::from(*days);
                    extended = true;
                }
                _ => {}
            }
        }
        self.suspended_cases += u64::from(suspended);
        self.extended_cases += u64::from(extended);
    }

    /// Compute the rates, mean and percentile from the counts.
    pub(crate) fn finish(mut self) -> Figures {
        self.on_time_rate = Rate::new(self.completed_on_time, self.completed);
        self.overdue_rate = Rate::new(self.overdue, self.completed + self.open);
        let n: u64 = self.days.values().sum();
        if n > 0 {
            let sum: i128 = self
                .days
                .iter()
                .map(|(&d, &k)| i128::from(d) * i128::from(k))
                .sum();
            // Within the decimal type for any count a machine can hold (28 digits).
            let sum = Decimal::try_from_i128_with_scale(sum, 0).unwrap_or(Decimal::MAX);
            self.days_mean = Some(two_places(sum / Decimal::from(n)));
            // Nearest rank: the ⌈0.9·n⌉-th smallest value (1-based).
            let rank = n.saturating_mul(9).div_ceil(10).max(1);
            let mut seen = 0u64;
            self.days_p90 = self.days.iter().find_map(|(&d, &k)| {
                seen += k;
                (seen >= rank).then_some(d)
            });
        }
        self
    }
}

/// Rounded to two decimals, half away from zero, and always printed with two (`100.00`).
pub(crate) fn two_places(d: Decimal) -> Decimal {
    let mut d = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(2);
    d
}

/// An event counts in the period when it happened in it and was known at the as-of instant
/// (a case's status ignores later events; so do its figures).
fn in_period(at: crate::Start, w: &Window) -> bool {
    at.instant_in(w.offset)
        .is_ok_and(|t| w.contains(t) && t <= w.as_of)
}

/// The month-on-month change of the headline figures: this period minus the previous one.
/// Rates change in percentage points (of the rounded percentages).
///
/// # Example
///
/// ```
/// use zhidu::{Case, ReportRequest, Start};
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let p = ps.policy("s2-service-center").unwrap();
/// let case = |id: &str, at: &str| Ok(Case::new(id, "promised", at.parse::<Start>().unwrap(), Some(5)));
/// let october = [case("C1", "2026-10-12"), case("C2", "2026-10-13")];
/// let september = [case("C0", "2026-09-14")];
/// let r = p.report(&ReportRequest::new("2026-10".parse().unwrap()).cases(&october).previous_cases(&september)).unwrap();
/// assert_eq!(r.change.unwrap().received, 1); // 2 received in October, 1 in September
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Change {
    /// Received.
    pub received: i64,
    /// Completed.
    pub completed: i64,
    /// 按时办结率, in percentage points.
    pub on_time_rate_points: Option<Decimal>,
    /// Overdue cases.
    pub overdue: i64,
    /// Overdue rate, in percentage points.
    pub overdue_rate_points: Option<Decimal>,
    /// Mean working days to complete.
    pub days_mean: Option<Decimal>,
    /// Open at the end.
    pub open: i64,
}

impl Change {
    pub(crate) fn between(now: &Figures, before: &Figures) -> Change {
        let diff = |a: u64, b: u64| {
            i64::try_from(a).unwrap_or(i64::MAX) - i64::try_from(b).unwrap_or(i64::MAX)
        };
        let sub = |a: Option<Decimal>, b: Option<Decimal>| Some(a? - b?);
        Change {
            received: diff(now.received, before.received),
            completed: diff(now.completed, before.completed),
            on_time_rate_points: sub(now.on_time_rate.percent, before.on_time_rate.percent),
            overdue: diff(now.overdue, before.overdue),
            overdue_rate_points: sub(now.overdue_rate.percent, before.overdue_rate.percent),
            days_mean: sub(now.days_mean, before.days_mean),
            open: diff(now.open, before.open),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn histogram(days: &[i64]) -> BTreeMap<i64, u64> {
        let mut h = BTreeMap::new();
        for &d in days {
            *h.entry(d).or_default() += 1;
        }
        h
    }

    #[test]
    fn percentile_is_nearest_rank() {
        let f = Figures {
            days: histogram(&[5, 1, 2, 3, 4, 6, 7, 8, 9, 10]),
            ..Figures::default()
        }
        .finish();
        // n = 10: rank ⌈9⌉ = 9 → 9; mean 55 / 10.
        assert_eq!(f.days_p90, Some(9));
        assert_eq!(f.days_mean.map(|d| d.to_string()), Some("5.50".to_owned()));
        let f = Figures {
            days: histogram(&[0, 0, 3]),
            ..Figures::default()
        }
        .finish();
        // n = 3: rank ⌈2.7⌉ = 3 → 3; mean 1.
        assert_eq!(f.days_p90, Some(3));
        assert_eq!(f.days_mean.map(|d| d.to_string()), Some("1.00".to_owned()));
    }

    #[test]
    fn rates_round_half_away_from_zero_and_compare_exactly() {
        assert_eq!(
            Rate::new(1, 8).percent.map(|d| d.to_string()),
            Some("12.50".to_owned())
        );
        // 1/1600 = 0.0625 % → 0.06; 1/800 = 0.125 % → 0.13.
        assert_eq!(
            Rate::new(1, 1600).percent.map(|d| d.to_string()),
            Some("0.06".to_owned())
        );
        assert_eq!(
            Rate::new(1, 800).percent.map(|d| d.to_string()),
            Some("0.13".to_owned())
        );
        assert!(Rate::new(2, 3).cmp_exact(&Rate::new(66, 100)).is_gt());
        assert!(Rate::new(0, 0).cmp_exact(&Rate::new(0, 5)).is_lt());
    }
}
