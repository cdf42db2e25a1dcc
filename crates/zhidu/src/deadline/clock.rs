//! The case clock: how much of a limit elapses between two instants, and when it runs out.
//!
//! Instants are Unix seconds. Every unit is a *measure* over the timeline:
//!
//! - day units count days whose *close* (the end of the day: 24:00, or office close as a
//!   setting) falls inside a running interval, so a day counts only if the clock is running
//!   at that day's close; the clock of a case starts at the close of its start day, which is
//!   次日起算;
//! - `minutes` and `hours` count wall-clock seconds;
//! - `office_minutes` count seconds inside the office sessions of working days (or of every
//!   day, where the policy keeps them every day); the sessions are those of the class's policy
//!   (`[policy.office_sessions]`), never the calendar's.
//!
//! A suspension with `pause` stops the measure between suspend and resume; one with
//! `restart` throws away what was counted and starts again at the close of the resume day.
//! All day arithmetic goes through the calendar's dense index, so a due date costs a few
//! array reads whatever the limit.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::hours::Session;
use super::{DeadlineClass, Effect, Unit};
use crate::{Calendar, Error};

const DAY: i64 = 86_400;
/// `num_days_from_ce` of 1970-01-01.
const UNIX_EPOCH_CE: i64 = 719_163;

/// A suspension of the clock from `suspended` to `resumed` (open when `None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Interval {
    pub(crate) suspended: i64,
    pub(crate) resumed: Option<i64>,
    pub(crate) effect: Effect,
}

/// Where a clock ends up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The limit runs out at `at`; counting last (re)started at `anchor`, so nothing before
    /// `anchor` is left to count.
    Due { at: i64, anchor: i64 },
    /// An open suspension stops the clock before the limit runs out.
    Suspended {
        /// What is left of the limit, in the measure's own units (days or seconds).
        remaining: u64,
        /// When the open suspension began.
        since: i64,
    },
}

/// A class's clock over a calendar.
pub(crate) struct Clock<'a> {
    cal: &'a Calendar,
    unit: Unit,
    roll: bool,
    /// Seconds from local midnight at which a day closes.
    day_end: i64,
    /// The zone's offset in seconds.
    offset: i64,
    /// Unix day number of the calendar's first day.
    first_day: i64,
    /// The office sessions of the class's policy (empty when it states none).
    sessions: &'a [Session],
    /// Whether the sessions are kept every day rather than on working days only.
    every_day: bool,
}

pub(crate) fn instant(t: i64, offset: FixedOffset) -> DateTime<FixedOffset> {
    DateTime::from_timestamp(t, 0)
        .unwrap_or(DateTime::UNIX_EPOCH)
        .with_timezone(&offset)
}

impl<'a> Clock<'a> {
    pub(crate) fn new(cal: &'a Calendar, class: &'a DeadlineClass, day_end_minutes: u32) -> Self {
        Clock {
            cal,
            unit: class.unit,
            roll: class.roll,
            day_end: i64::from(day_end_minutes) * 60,
            offset: i64::from(cal.offset().local_minus_utc()),
            first_day: i64::from(cal.date_at(0).num_days_from_ce()) - UNIX_EPOCH_CE,
            sessions: class
                .office
                .as_deref()
                .map_or(&[], |o| o.sessions.as_slice()),
            every_day: class.office.as_deref().is_some_and(|o| o.every_day),
        }
    }

    /// The unit's size in the measure's own units (1 for days, seconds otherwise).
    fn scale(&self) -> u64 {
        match self.unit {
            Unit::WorkingDays | Unit::CalendarDays => 1,
            Unit::Minutes | Unit::OfficeMinutes => 60,
            Unit::Hours => 3600,
        }
    }

    /// Convert a measure amount to whole units, rounding up.
    pub(crate) fn to_units(&self, amount: u64) -> u64 {
        amount.div_ceil(self.scale())
    }

    /// Run the clock from `start` for `limit` units through `intervals` (in time order).
    pub(crate) fn run<'i>(
        &self,
        start: DateTime<FixedOffset>,
        limit: u64,
        intervals: impl IntoIterator<Item = &'i Interval>,
    ) -> Result<Outcome, Error> {
        let start = start.timestamp();
        // The start day must be covered, whatever the unit.
        self.covered(self.day_of(start))?;
        let budget = limit.saturating_mul(self.scale());
        let mut anchor = self.anchor(start);
        let mut remaining = budget;
        for iv in intervals {
            let available = if iv.suspended > anchor {
                self.counted(anchor, iv.suspended)?
            } else {
                0
            };
            // With nothing left to count, the limit ends at the anchor (a 0-day limit: the end
            // of the start day); a restart that begins before that instant still restarts it.
            let restarts_first =
                remaining == 0 && iv.effect == Effect::Restart && iv.suspended < anchor;
            if available >= remaining && !restarts_first {
                return Ok(Outcome::Due {
                    at: self.advance(anchor, remaining)?,
                    anchor,
                });
            }
            remaining -= available;
            let Some(resumed) = iv.resumed else {
                let remaining = if iv.effect == Effect::Restart {
                    budget
                } else {
                    remaining
                };
                return Ok(Outcome::Suspended {
                    remaining,
                    since: iv.suspended,
                });
            };
            match iv.effect {
                Effect::Pause => anchor = anchor.max(resumed),
                Effect::Restart => {
                    anchor = anchor.max(self.anchor(resumed));
                    remaining = budget;
                }
            }
        }
        Ok(Outcome::Due {
            at: self.advance(anchor, remaining)?,
            anchor,
        })
    }

    /// Where counting starts for a clock started (or restarted) at `t`: for day units the
    /// close of `t`'s day (次日起算), otherwise `t` itself.
    ///
    /// With `day_ends_at = "office_close"` a start can come after its day's close; counting
    /// then starts at `t` itself, so the counted days are the same (those whose close is
    /// after `t`) and a limit of 0 days is due at the start, never before it (issue #8: a
    /// case accepted at 23:59 with 0 days was due at 17:00 the same day).
    pub(crate) fn anchor(&self, t: i64) -> i64 {
        if self.unit.is_days() {
            self.close(self.day_of(t)).max(t)
        } else {
            t
        }
    }

    /// How much of the limit elapses in `(a, b]`, in the measure's units.
    pub(crate) fn counted(&self, a: i64, b: i64) -> Result<u64, Error> {
        if b <= a {
            return Ok(0);
        }
        match self.unit {
            Unit::WorkingDays | Unit::CalendarDays => {
                let ca = self.counted_through(self.first_after(a) - 1)?;
                let cb = self.counted_through(self.first_after(b) - 1)?;
                Ok(cb.saturating_sub(ca))
            }
            Unit::Minutes | Unit::Hours => Ok(u64::try_from(b - a).unwrap_or(0)),
            Unit::OfficeMinutes => self.office_seconds(a, b),
        }
    }

    /// The instant at which `amount` more of the limit has elapsed after `a`.
    pub(crate) fn advance(&self, a: i64, amount: u64) -> Result<i64, Error> {
        match self.unit {
            Unit::WorkingDays => {
                let last = self.first_after(a) - 1;
                if amount == 0 {
                    return Ok(a);
                }
                let ordinal = self.counted_through(last)? + amount;
                let day = self
                    .cal
                    .nth_working_day(ordinal)
                    .ok_or_else(|| self.cal.beyond())?;
                Ok(self.close(day as i64))
            }
            Unit::CalendarDays => {
                if amount == 0 {
                    return Ok(a);
                }
                let last = self.first_after(a) - 1;
                let mut day = last.saturating_add(i64::try_from(amount).unwrap_or(i64::MAX));
                let idx = self.covered(day)?;
                if self.roll && !self.cal.working_at(idx) {
                    let ordinal = u64::from(self.cal.cumulative_at(idx)) + 1;
                    day = self
                        .cal
                        .nth_working_day(ordinal)
                        .ok_or_else(|| self.cal.beyond())? as i64;
                }
                Ok(self.close(day))
            }
            Unit::Minutes | Unit::Hours => {
                let t = a.saturating_add(i64::try_from(amount).unwrap_or(i64::MAX));
                self.covered(self.day_of(t))?;
                Ok(t)
            }
            Unit::OfficeMinutes => self.office_advance(a, amount),
        }
    }

    // ---- days ----

    /// Calendar-relative index of the local day containing `t`.
    pub(crate) fn day_of(&self, t: i64) -> i64 {
        (t + self.offset).div_euclid(DAY) - self.first_day
    }

    /// Local midnight that starts day `i`.
    fn midnight(&self, i: i64) -> i64 {
        (self.first_day + i) * DAY - self.offset
    }

    /// The instant day `i` closes.
    pub(crate) fn close(&self, i: i64) -> i64 {
        self.midnight(i) + self.day_end
    }

    /// The first day whose close is strictly after `t`.
    fn first_after(&self, t: i64) -> i64 {
        (t + self.offset - self.day_end).div_euclid(DAY) + 1 - self.first_day
    }

    /// Day index `i` as a checked array index, or the coverage error for its year.
    pub(crate) fn covered(&self, i: i64) -> Result<usize, Error> {
        usize::try_from(i)
            .ok()
            .filter(|&u| u < self.cal.len())
            .ok_or_else(|| {
                let ce = self.first_day + UNIX_EPOCH_CE + i;
                let year = i32::try_from(ce)
                    .ok()
                    .and_then(NaiveDate::from_num_days_from_ce_opt)
                    .map_or(if i < 0 { i32::MIN } else { i32::MAX }, |d| d.year());
                self.cal.coverage(year)
            })
    }

    /// Counted days in `[0, j]` (0 for `j = -1`).
    fn counted_through(&self, j: i64) -> Result<u64, Error> {
        if j == -1 {
            return Ok(0);
        }
        let idx = self.covered(j)?;
        Ok(match self.unit {
            Unit::CalendarDays => idx as u64 + 1,
            _ => u64::from(self.cal.cumulative_at(idx)),
        })
    }

    // ---- office minutes ----

    /// Office seconds of day `i` inside `(a, b]`.
    fn office_in_day(&self, i: usize, a: i64, b: i64) -> u64 {
        if !self.every_day && !self.cal.working_at(i) {
            return 0;
        }
        let midnight = self.midnight(i as i64);
        self.sessions
            .iter()
            .map(|s| {
                let lo = a.max(midnight + i64::from(s.start) * 60);
                let hi = b.min(midnight + i64::from(s.end) * 60);
                u64::try_from(hi - lo).unwrap_or(0)
            })
            .sum()
    }

    fn office_day_seconds(&self) -> u64 {
        self.sessions
            .iter()
            .map(|s| u64::from(s.end.saturating_sub(s.start)) * 60)
            .sum()
    }

    fn office_seconds(&self, a: i64, b: i64) -> Result<u64, Error> {
        let da = self.covered(self.day_of(a))?;
        let db = self.covered(self.day_of(b))?;
        if da == db {
            return Ok(self.office_in_day(da, a, b));
        }
        let first = self.office_in_day(da, a, i64::MAX);
        let last = self.office_in_day(db, i64::MIN, b);
        let full_days = if self.every_day {
            u64::try_from(db.saturating_sub(da).saturating_sub(1)).unwrap_or(0)
        } else {
            u64::from(
                self.cal
                    .cumulative_at(db.saturating_sub(1))
                    .saturating_sub(self.cal.cumulative_at(da)),
            )
        };
        Ok(first + last + full_days * self.office_day_seconds())
    }

    fn office_advance(&self, a: i64, amount: u64) -> Result<i64, Error> {
        if amount == 0 {
            return Ok(a);
        }
        let per_day = self.office_day_seconds();
        if per_day == 0 {
            return Err(Error::input(
                "the policy has no office sessions to count office minutes in".to_owned(),
                Some("add `[policy.office_sessions]` with the clause that states them".to_owned()),
            ));
        }
        let day = self.covered(self.day_of(a))?;
        let today = self.office_in_day(day, a, i64::MAX);
        if today >= amount {
            return Ok(self.consume_in_day(day, a, amount));
        }
        let rest = amount - today;
        let full_days = (rest - 1) / per_day;
        let in_last = rest - full_days * per_day;
        let target = if self.every_day {
            let next = (day as u64).saturating_add(full_days).saturating_add(1);
            usize::try_from(next)
                .ok()
                .filter(|&t| t < self.cal.len())
                .ok_or_else(|| self.cal.beyond())?
        } else {
            let ordinal = u64::from(self.cal.cumulative_at(day)) + full_days + 1;
            self.cal
                .nth_working_day(ordinal)
                .ok_or_else(|| self.cal.beyond())?
        };
        Ok(self.consume_in_day(target, i64::MIN, in_last))
    }

    /// The instant in day `i` at which `amount` office seconds after `a` have elapsed; the
    /// caller guarantees the day holds that many.
    fn consume_in_day(&self, i: usize, a: i64, mut amount: u64) -> i64 {
        let midnight = self.midnight(i as i64);
        let mut last_end = midnight;
        for s in self.sessions {
            let start = a.max(midnight + i64::from(s.start) * 60);
            let end = midnight + i64::from(s.end) * 60;
            last_end = end;
            let available = u64::try_from(end - start).unwrap_or(0);
            if available >= amount && available > 0 {
                return start + i64::try_from(amount).unwrap_or(0);
            }
            amount -= available.min(amount);
        }
        last_end
    }
}
