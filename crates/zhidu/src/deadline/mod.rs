//! Deadline classes, service items and suspension reasons, and the due date of a case.
//!
//! Semantics (each a policy setting with its citation; see the README's semantics table):
//! day units count from the day after the start (次日起算); the case is due at the end of
//! the N-th counted day (24:00 by default, office close as a setting); `calendar_days` roll a
//! due day that is not a working day to the next working day; `office_minutes` count only
//! minutes inside office sessions of working days.

mod answers;
mod clock;
mod explain;
pub(crate) mod hours;
mod model;
mod start;
mod words;

pub use explain::{DayStep, DayStepKind, DueExplanation};
pub use model::{ClockStart, Effect, SuspensionReason, Unit};
pub use start::Start;
pub use words::instant_words;

pub(crate) use clock::{Clock, Interval, Outcome, instant};
pub(crate) use explain::explain as explain_with;
pub(crate) use model::{DayEnd, DeadlineClass, Limit, ServiceItem};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::Policy;
use crate::source::{Clause, DefaultNote};
use crate::{Calendar, Error, Warning};

/// A due date and the instant the case falls due.
///
/// `due_at` is the end of the due day: with the default `day_ends_at = "midnight"` that is
/// 24:00, written as 00:00 of the next day (`2026-10-14T00:00:00+08:00` for a case due on
/// 2026-10-13). A case completed at or before `due_at` is on time.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let p = ps.policy("s2-service-center").unwrap();
/// let due = p.due("promised", "2026-09-30T10:00:00+08:00".parse::<zhidu::Start>().unwrap(), Some(5)).unwrap();
/// assert_eq!(due.due_date.to_string(), "2026-10-13");
/// assert_eq!(due.due_at.to_rfc3339(), "2026-10-14T00:00:00+08:00");
/// assert!(!due.provisional);
/// // Past the last notice: the statute's days, and the answer says so.
/// let due = p.due("promised", "2026-12-10".parse::<zhidu::Start>().unwrap(), Some(20)).unwrap();
/// assert_eq!(due.due_date.to_string(), "2027-01-08");
/// assert!(due.provisional);
/// assert_eq!(due.basis[0], "2027: 国务院令第795号; the 2027 notice is not in the calendar; make-up working days unknown");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Due {
    /// The last day of the limit, in the calendar's zone.
    pub due_date: NaiveDate,
    /// The instant the limit ends.
    pub due_at: DateTime<FixedOffset>,
    /// Whether the computation touched a day of a provisional year (after the calendar's
    /// last State Council notice, derived from the statute).
    pub provisional: bool,
    /// For a provisional answer, the basis of each provisional year it touched.
    pub basis: Vec<String>,
    /// The limit used, in `unit`.
    pub limit: u32,
    /// The class's unit.
    pub unit: Unit,
    /// What a person should look at; the answer stands (e.g. a promised limit outside the
    /// class's usual range, A3). Empty for most answers.
    pub warnings: Vec<Warning>,
}

/// `num_days_from_ce` of 1970-01-01.
const UNIX_EPOCH_CE: i64 = 719_163;

/// The most rows one call of [`Class::due_many`] or [`Class::due_epoch_days`] takes; a
/// longer column is an [`Error::Input`] before any row is computed (split it into calls of
/// at most this many rows, as the WebAssembly binding does). At the limit the results of
/// `due_many` hold about 1 GB.
pub const MAX_BATCH: usize = 10_000_000;

/// The batch-size check of the column APIs.
fn check_batch(rows: usize) -> Result<(), Error> {
    if rows > MAX_BATCH {
        return Err(Error::input(
            format!("a column of {rows} rows is over the limit of {MAX_BATCH} rows per call"),
            Some(format!(
                "split the column into calls of at most {MAX_BATCH} rows"
            )),
        ));
    }
    Ok(())
}

/// Most slots of the answer table of [`Class::due_epoch_days`], as a power of two: 2^16
/// slots (1.5 MiB) hold every pair of three years of dates and 20 limits.
const EPOCH_MEMO_MAX_BITS: u32 = 16;

fn epoch_date(days: i64) -> Result<NaiveDate, Error> {
    // Checked: a column may hold any i64 (`i64::MAX` once overflowed here, issue #8).
    days.checked_add(UNIX_EPOCH_CE)
        .and_then(|n| i32::try_from(n).ok())
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| Error::input(format!("day number `{days}` is not a date"), None))
}

impl Due {
    pub(crate) fn from_parts(
        due_date: NaiveDate,
        due_at: DateTime<FixedOffset>,
        limit: u32,
        unit: Unit,
    ) -> Due {
        Due {
            due_date,
            due_at,
            provisional: false,
            basis: Vec::new(),
            limit,
            unit,
            warnings: Vec::new(),
        }
    }
}

/// Whether days from `from` to `to` touch a provisional year: `None` when they do not, else
/// the basis lines; with `beyond_notices = "error"`, the coverage error instead.
pub(crate) fn provisional_span(
    policy: &Policy,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Option<Vec<String>>, Error> {
    let cal = &policy.calendar;
    let j = cal.index(to)?;
    if j < cal.first_provisional() {
        return Ok(None);
    }
    let i = cal.index(from.min(to)).unwrap_or(0);
    if policy.beyond_notices_error {
        let first = cal.date_at(cal.first_provisional().max(i));
        return Err(cal.beyond_notices(first.year()));
    }
    Ok(Some(cal.basis_between(i, j)))
}

/// A deadline class of a policy, resolved and ready to compute with.
///
/// Get one with [`Policy::class`]; it may come from a service item, whose promised limit
/// then is the default limit and whose legal limit caps per-case limits.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let class = ps.policy("s2-service-center").unwrap().class("promised").unwrap();
/// assert_eq!(class.name(), "承诺件");
/// let due = class.due("2026-09-30".parse::<chrono::NaiveDate>().unwrap(), Some(5)).unwrap();
/// assert_eq!(due.due_date.to_string(), "2026-10-13");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Class<'a> {
    pub(crate) policy: &'a Policy,
    pub(crate) class: &'a DeadlineClass,
    pub(crate) item: Option<&'a ServiceItem>,
}

impl<'a> Class<'a> {
    /// The id asked for: the service item's id if it came from one, else the class's.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.policy("s2-service-center").unwrap().class("promised").unwrap().id(), "promised");
    /// ```
    #[must_use]
    pub fn id(&self) -> &'a str {
        self.item.map_or(&self.class.id, |i| &i.id)
    }

    /// The class id (never an item id).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.policy("s10-service-system").unwrap().class("immediate").unwrap().class_id(), "immediate");
    /// ```
    #[must_use]
    pub fn class_id(&self) -> &'a str {
        &self.class.id
    }

    /// The display name (the item's name if it came from one).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.policy("s10-service-system").unwrap().class("immediate").unwrap().name(), "即办件");
    /// ```
    #[must_use]
    pub fn name(&self) -> &'a str {
        self.item.map_or(&self.class.name, |i| &i.name)
    }

    /// The unit the class counts in.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let c = ps.policy("s12-confidentiality").unwrap().class("job_materials_return").unwrap();
    /// assert_eq!(c.unit(), zhidu::Unit::Hours);
    /// ```
    #[must_use]
    pub fn unit(&self) -> Unit {
        self.class.unit
    }

    /// The clause the class encodes (the item's clause if it came from one).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.policy("s2-service-center").unwrap().class("promised").unwrap().source().clause, "S2.xs.2");
    /// ```
    #[must_use]
    pub fn source(&self) -> &'a Clause {
        self.item.map_or(&self.class.source, |i| &i.source)
    }

    /// The defaults (open parameters of §5) this class relies on.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let c = ps.policy("s10-service-system").unwrap().class("immediate").unwrap();
    /// assert!(c.defaults().iter().any(|d| d.param == "A22"));
    /// ```
    #[must_use]
    pub fn defaults(&self) -> &'a [DefaultNote] {
        &self.class.defaults
    }

    /// What starts the class's clock.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let c = ps.policy("s10-service-system").unwrap().class("supplement").unwrap();
    /// assert_eq!(c.clock_start(), zhidu::ClockStart::StartEvent);
    /// ```
    #[must_use]
    pub fn clock_start(&self) -> ClockStart {
        self.class.clock_start
    }

    /// The clause ids an answer for this class rests on: the class's, its `also` clauses and
    /// the item's.
    pub(crate) fn clause_ids(&self) -> Vec<String> {
        // Room for a suspension's clause too (a case status adds them): one allocation.
        let mut ids = Vec::with_capacity(self.class.also.len() + 3);
        ids.push(self.class.source.clause.clone());
        ids.extend(self.class.also.iter().cloned());
        if let Some(item) = self.item {
            ids.push(item.source.clause.clone());
        }
        ids.dedup();
        ids
    }

    pub(crate) fn calendar(&self) -> &'a Calendar {
        &self.policy.calendar
    }

    /// The limit to use for a case: the per-case `days` if given and allowed, else the
    /// item's promised limit, the class's default or its fixed limit.
    pub(crate) fn resolve_limit(&self, days: Option<u32>) -> Result<u32, Error> {
        let legal = self
            .item
            .and_then(|i| i.legal_limit)
            .or(self.class.legal_limit);
        let limit = match (self.class.limit, days) {
            (Limit::Fixed(n), None) => self.item.map_or(n, |i| i.promised_limit),
            (Limit::Fixed(n), Some(d)) => {
                return Err(Error::input(
                    format!(
                        "class `{}` has a fixed limit of {n} {}; `days` cannot be given",
                        self.class.id, self.class.unit
                    ),
                    Some(format!(
                        "leave `days` empty, or use a class whose limit is promised per case (got {d})"
                    )),
                ));
            }
            (Limit::PerCase { .. }, Some(d)) => d,
            (Limit::PerCase { default, .. }, None) => {
                match self.item.map(|i| i.promised_limit).or(default) {
                    Some(n) => n,
                    None => {
                        return Err(Error::input(
                            format!(
                                "class `{}` needs the limit promised for this case",
                                self.class.id
                            ),
                            Some(format!(
                                "give `days`: the promised limit in {}",
                                self.class.unit
                            )),
                        ));
                    }
                }
            }
        };
        if let Some(legal) = legal {
            if limit > legal {
                return Err(Error::input(
                    format!(
                        "a limit of {limit} {} exceeds the legal limit of {legal}",
                        self.class.unit
                    ),
                    Some(
                        "a promised limit may not be longer than the legal one (法定时限)"
                            .to_owned(),
                    ),
                ));
            }
        }
        Ok(limit)
    }

    /// The legal limit (法定时限) of this class or item, if it has one.
    pub(crate) fn legal_limit(&self) -> Option<u32> {
        self.item
            .and_then(|i| i.legal_limit)
            .or(self.class.legal_limit)
    }

    /// The due date and instant for a case started at `start` with limit `days`.
    ///
    /// `days` is the per-case limit in the class's unit (the promised days of a 承诺件);
    /// leave it `None` for classes with a fixed limit or a default.
    ///
    /// # Errors
    ///
    /// [`Error::Coverage`] when a date falls outside the calendar, [`Error::NotInForce`]
    /// before the policy's `effective_from`, [`Error::Input`] for a missing, forbidden or
    /// over-legal limit or a plain date given to a minute-counting class.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let c = ps.policy("s10-service-system").unwrap().class("immediate").unwrap();
    /// let due = c.due("2026-10-12T10:50:00+08:00".parse::<zhidu::Start>().unwrap(), None).unwrap();
    /// assert_eq!(due.due_at.to_rfc3339(), "2026-10-12T11:20:00+08:00");
    /// ```
    pub fn due(&self, start: impl Into<Start>, days: Option<u32>) -> Result<Due, Error> {
        let mut due = self.due_unwarned(start.into(), days)?;
        due.warnings = self.limit_warnings(days);
        Ok(due)
    }

    /// [`Class::due`] without its limit warnings, for callers that keep the date alone (a
    /// column): formatting a warning costs more than counting the days.
    fn due_unwarned(&self, start: Start, days: Option<u32>) -> Result<Due, Error> {
        let limit = self.resolve_limit(days)?;
        self.due_at_limit(start, limit)
    }

    /// Warnings about a per-case limit: outside the class's usual range (A3).
    pub(crate) fn limit_warnings(&self, days: Option<u32>) -> Vec<Warning> {
        let (
            Limit::PerCase {
                usual: Some((lo, hi)),
                ..
            },
            Some(d),
        ) = (self.class.limit, days)
        else {
            return Vec::new();
        };
        if (lo..=hi).contains(&d) {
            return Vec::new();
        }
        let param = self
            .class
            .defaults
            .iter()
            .find(|n| {
                n.key.as_deref() == Some("default_limit") || n.key.as_deref() == Some("usual_range")
            })
            .map_or("—", |n| n.param.as_str());
        vec![Warning::new(
            "outside_usual_range",
            format!(
                "the promised limit of `{d}` {} is outside the usual range {lo}–{hi} of class `{}`",
                self.class.unit, self.class.id
            ),
            self.class.source.clause.clone(),
            Some(param),
        )]
    }

    fn due_at_limit(&self, start: Start, limit: u32) -> Result<Due, Error> {
        if self.class.unit == Unit::WorkingDays {
            return self.due_working_days(start, limit);
        }
        let clock = clock::Clock::new(self.calendar(), self.class, self.policy.day_end_minutes());
        let at = start.resolve(self.calendar(), self.class)?;
        // Coverage first: a date the calendar cannot place is the more basic problem.
        self.calendar().index(at.date_naive())?;
        self.policy.check_in_force(at.date_naive())?;
        match clock.run(at, u64::from(limit), &[])? {
            Outcome::Due { at: t, .. } => {
                let mut due = self.make_due(t, limit);
                if let Some(basis) = provisional_span(self.policy, at.date_naive(), due.due_date)? {
                    due.provisional = true;
                    due.basis = basis;
                }
                Ok(due)
            }
            Outcome::Suspended { .. } => Err(Error::input("the clock is suspended", None)),
        }
    }

    /// The common case on the calendar's index alone: working days, no events. Same answers
    /// as the general clock (the conformance corpus and property tests run both).
    fn due_working_days(&self, start: Start, limit: u32) -> Result<Due, Error> {
        let cal = self.calendar();
        let offset = cal.offset();
        let date = start.local_date(offset);
        cal.index(date)?;
        self.policy.check_in_force(date)?;
        let due_date = cal.add_working_days(date, limit)?;
        let end = i64::from(due_date.num_days_from_ce()) - UNIX_EPOCH_CE;
        let mut t = self.day_end_at(end);
        if limit == 0 {
            // As the clock's anchor: a start after its day's close (`office_close`) is due at
            // the start itself, never before it (issue #8).
            t = t.max(start.resolve(cal, self.class)?.timestamp());
        }
        let mut due = Due {
            due_date,
            due_at: clock::instant(t, offset),
            provisional: false,
            basis: Vec::new(),
            limit,
            unit: Unit::WorkingDays,
            warnings: Vec::new(),
        };
        // The hot path pays one comparison: is the due day at or past the first provisional day?
        if let Some(basis) = provisional_span(self.policy, date, due_date)? {
            due.provisional = true;
            due.basis = basis;
        }
        Ok(due)
    }

    /// [`Class::due`] with the full explanation: each day counted or skipped and why, and
    /// the clauses and defaults used.
    ///
    /// # Errors
    ///
    /// As [`Class::due`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::DayStepKind;
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let c = ps.policy("s2-service-center").unwrap().class("promised").unwrap();
    /// let ex = c.explain("2026-09-30".parse::<chrono::NaiveDate>().unwrap(), Some(5)).unwrap();
    /// assert_eq!(ex.due.due_date.to_string(), "2026-10-13");
    /// let oct10 = ex.days.iter().find(|d| d.date.to_string() == "2026-10-10").unwrap();
    /// assert_eq!(oct10.kind, DayStepKind::MakeupWorkday);
    /// assert_eq!(oct10.counted, Some(3));
    /// ```
    pub fn explain(
        &self,
        start: impl Into<Start>,
        days: Option<u32>,
    ) -> Result<DueExplanation, Error> {
        let start = start.into();
        let due = self.due(start, days)?;
        let at = start.resolve(self.calendar(), self.class)?;
        explain::explain(self, at, due, &[])
    }

    /// Due dates for a column of starts, one result per row, in order: a bad row never
    /// hides the others. `days` is either empty (no per-case limits) or as long as `starts`.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when `days` has a different length or the column has more than
    /// [`MAX_BATCH`] rows; per-row errors are in the rows.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let c = ps.policy("s2-service-center").unwrap().class("promised").unwrap();
    /// let starts = ["2026-09-30", "2101-01-04"].map(|s| s.parse::<NaiveDate>().unwrap().into());
    /// let out = c.due_many(&starts, &[Some(5), Some(5)]).unwrap();
    /// assert_eq!(out[0].as_ref().unwrap().due_date.to_string(), "2026-10-13");
    /// assert_eq!(out[1].as_ref().unwrap_err().code(), "coverage");
    /// ```
    pub fn due_many(
        &self,
        starts: &[Start],
        days: &[Option<u32>],
    ) -> Result<Vec<Result<Due, Error>>, Error> {
        check_batch(starts.len())?;
        if !days.is_empty() && days.len() != starts.len() {
            return Err(Error::input(
                format!("{} starts but {} day counts", starts.len(), days.len()),
                Some("give one day count per start, or none".to_owned()),
            ));
        }
        Ok(starts
            .iter()
            .enumerate()
            .map(|(i, &s)| self.due(s, days.get(i).copied().flatten()))
            .collect())
    }

    /// The column fast path for day-counting classes: start dates as days since 1970-01-01
    /// (numpy `datetime64[D]`, JavaScript day numbers) in, due dates the same way out.
    /// Rows that fail get `None` in `out` and their index and error in the returned list.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the class does not count days, the columns differ in length or
    /// have more than [`MAX_BATCH`] rows.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let c = ps.policy("s2-service-center").unwrap().class("promised").unwrap();
    /// // 2026-09-30 is day 20726 since 1970-01-01; 2026-10-13 is day 20739.
    /// let mut out = vec![None; 2];
    /// let errors = c.due_epoch_days(&[20726, 20726], &[5, 0], &mut out).unwrap();
    /// assert_eq!(out, [Some(20739), Some(20726)]);
    /// assert!(errors.is_empty());
    /// ```
    pub fn due_epoch_days(
        &self,
        starts: &[i64],
        days: &[u32],
        out: &mut [Option<i64>],
    ) -> Result<Vec<(usize, Error)>, Error> {
        if !self.class.unit.is_days() {
            return Err(Error::input(
                format!(
                    "class `{}` counts {}; the day-number fast path needs a day-counting class",
                    self.class.id, self.class.unit
                ),
                Some("use `due_many` with instants".to_owned()),
            ));
        }
        check_batch(starts.len())?;
        if (!days.is_empty() && days.len() != starts.len()) || out.len() != starts.len() {
            return Err(Error::input(
                format!(
                    "column lengths differ: {} starts, {} day counts, {} outputs",
                    starts.len(),
                    days.len(),
                    out.len()
                ),
                None,
            ));
        }
        let mut errors = Vec::new();
        // Columns repeat the same few thousand (start, limit) pairs (a year of dates times a
        // few limits), so answers are remembered in a small direct-mapped table: a repeated
        // pair costs a hash and a compare instead of a full `Class::due`. Only successes are
        // remembered; the answer for a pair is the same whatever row it is on.
        // The table grows with the column, so a short column does not pay for a big one.
        let bits = usize::BITS - starts.len().max(16).leading_zeros();
        let bits = bits.min(EPOCH_MEMO_MAX_BITS);
        let mut memo = vec![(i64::MIN, 0u64, 0i64); 1 << bits];
        for (i, (&start, slot)) in starts.iter().zip(out.iter_mut()).enumerate() {
            let limit = if days.is_empty() {
                None
            } else {
                days.get(i).copied()
            };
            let key = limit.map_or(u64::MAX, u64::from);
            let hash = (start as u64 ^ key.rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let entry = memo.get_mut((hash >> (64 - bits)) as usize);
            if let Some(&(s, k, due)) = entry.as_deref() {
                if s == start && k == key {
                    *slot = Some(due);
                    continue;
                }
            }
            // The column keeps the date alone: the warnings `due` would format (half the time
            // of a 1 M-row column) are not made.
            match epoch_date(start).and_then(|d| self.due_unwarned(d.into(), limit)) {
                Ok(due) => {
                    let day = i64::from(due.due_date.num_days_from_ce()) - UNIX_EPOCH_CE;
                    *slot = Some(day);
                    if let Some(e) = entry {
                        *e = (start, key, day);
                    }
                }
                Err(e) => {
                    *slot = None;
                    errors.push((i, e));
                }
            }
        }
        Ok(errors)
    }

    /// The instant (Unix seconds) day `day` (days since 1970-01-01) ends in the calendar's
    /// zone, as the policy's `day_ends_at` says: when a working-day limit that falls due that
    /// day runs out.
    pub(crate) fn day_end_at(&self, day: i64) -> i64 {
        day * 86_400 + i64::from(self.policy.day_end_minutes()) * 60
            - i64::from(self.calendar().offset().local_minus_utc())
    }

    pub(crate) fn make_due(&self, t: i64, limit: u32) -> Due {
        let offset = self.calendar().offset();
        let due_at = clock::instant(t, offset);
        let due_date = if self.class.unit.is_days() {
            // The due day is the day whose end is `due_at`.
            clock::instant(t - 1, offset).date_naive()
        } else {
            due_at.date_naive()
        };
        Due {
            due_date,
            due_at,
            provisional: false,
            basis: Vec::new(),
            limit,
            unit: self.class.unit,
            warnings: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate};

    use super::UNIX_EPOCH_CE;

    /// The remembered answers of `due_epoch_days` are those of `Class::due`, row by row, for
    /// columns with repeated pairs, colliding slots and bad rows.
    #[test]
    fn due_epoch_days_matches_due() {
        let ps = crate::PolicySet::builtin().unwrap();
        for class in ["promised", "complaint_complex", "reported_up"] {
            let c = ps
                .policy("s2-service-center")
                .unwrap()
                .class(class)
                .unwrap();
            let mut x: u64 = 0x2545_F491_4F6C_DD1D;
            let mut starts = Vec::new();
            let mut days = Vec::new();
            for _ in 0..20_000 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                // 2003-10 … 2027-03: some rows fall outside the calendar.
                starts.push(12_330 + (x % 8_600) as i64);
                days.push((x >> 32) as u32 % 25);
            }
            for days in [&days[..], &[][..]] {
                let mut out = vec![None; starts.len()];
                let errors = c.due_epoch_days(&starts, days, &mut out).unwrap();
                let mut bad = errors.iter().map(|(i, _)| *i).peekable();
                for (i, &s) in starts.iter().enumerate() {
                    let d =
                        NaiveDate::from_num_days_from_ce_opt((s + UNIX_EPOCH_CE) as i32).unwrap();
                    let want = c.due(d, days.get(i).copied());
                    match want {
                        Ok(due) => {
                            let day = i64::from(due.due_date.num_days_from_ce()) - UNIX_EPOCH_CE;
                            assert_eq!(out[i], Some(day), "row {i} of {class}");
                        }
                        Err(_) => {
                            assert_eq!(out[i], None);
                            assert_eq!(bad.next(), Some(i));
                        }
                    }
                }
                assert_eq!(bad.next(), None);
            }
        }
    }
}
