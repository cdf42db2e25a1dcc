//! The statutory working-day calendar, compiled to a dense day index.
//!
//! A calendar is data (weekly pattern, dated holidays and make-up working days tied to their
//! State Council notices, a fixed UTC offset and the years it covers), never global state.
//! Office hours are not the calendar's: they belong to the policy whose regulation states
//! them (`[policy.office_sessions]`). Compiling a calendar builds, for every covered day, the
//! number of working days up to and including that day, and for every working day its
//! position, so that "is working day", "add N working days" and "working days between" are
//! array lookups.

mod compile;

pub(crate) use compile::compile_calendar;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, Weekday};
use serde::Serialize;

use crate::Error;

/// What kind of day a date is in a calendar.
///
/// # Example
///
/// ```
/// use zhidu::{DayKind, PolicySet};
/// let ps = PolicySet::builtin().unwrap();
/// let cal = ps.calendar("cn-mainland").unwrap();
/// let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
/// assert_eq!(cal.day_kind(d("2026-10-01")).unwrap(), DayKind::Holiday { name: "国庆节" });
/// assert_eq!(cal.day_kind(d("2026-10-10")).unwrap(), DayKind::MakeupWorkday { name: "国庆节" });
/// assert_eq!(cal.day_kind(d("2026-10-11")).unwrap(), DayKind::Weekend);
/// assert_eq!(cal.day_kind(d("2026-10-12")).unwrap(), DayKind::Workday);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DayKind<'a> {
    /// An ordinary working day.
    Workday,
    /// A weekend day with no arrangement.
    Weekend,
    /// A statutory holiday (法定节假日 or a day of its 调休 block).
    Holiday {
        /// The festival's name, as in the notice (e.g. 国庆节).
        name: &'a str,
    },
    /// A weekend day made a working day (调休上班).
    MakeupWorkday {
        /// The festival it serves.
        name: &'a str,
    },
}

impl DayKind<'_> {
    /// Whether work is done on this day.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhidu::DayKind::MakeupWorkday { name: "国庆节" }.is_working());
    /// assert!(!zhidu::DayKind::Weekend.is_working());
    /// ```
    #[must_use]
    pub fn is_working(self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeupWorkday { .. })
    }
}

/// A festival block from a notice: its name and the notice that set it.
#[derive(Clone, Debug)]
pub(crate) struct Festival {
    pub(crate) name: String,
    pub(crate) notice: String,
}

const KIND_WORKDAY: u8 = 0;
const KIND_WEEKEND: u8 = 1;
const KIND_HOLIDAY: u8 = 2;
const KIND_MAKEUP: u8 = 3;

/// One covered day: its kind and, for holidays and make-up days, its festival.
#[derive(Clone, Copy, Debug)]
struct Day {
    kind: u8,
    festival: u16,
}

/// A compiled working-day calendar.
///
/// Get one from a loaded [`crate::PolicySet`]; every query is O(1).
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let cal = ps.calendar("cn-mainland").unwrap();
/// let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
/// // 次日起算: the five working days after 2026-09-30 are 10-08, 10-09, 10-10 (make-up
/// // Saturday), 10-12 and 10-13.
/// assert_eq!(cal.add_working_days(d("2026-09-30"), 5).unwrap(), d("2026-10-13"));
/// assert_eq!(cal.working_days_between(d("2026-09-30"), d("2026-10-13")).unwrap(), 5);
/// assert!(cal.is_working_day(d("2026-10-10")).unwrap());
/// ```
#[derive(Clone, Debug)]
pub struct Calendar {
    id: String,
    name: String,
    offset: FixedOffset,
    first_year: i32,
    last_year: i32,
    /// `num_days_from_ce` of January 1st of `first_year`.
    epoch: i32,
    days: Vec<Day>,
    /// `cumulative[i]`: working days in `[epoch, epoch + i]`.
    cumulative: Vec<u32>,
    /// `ordinals[k]`: day index of the `(k + 1)`-th working day.
    ordinals: Vec<u32>,
    festivals: Vec<Festival>,
    source: String,
    defaults: Vec<crate::DefaultNote>,
}

impl Calendar {
    /// The calendar's id, such as `cn-mainland`.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.calendar("cn-mainland").unwrap().id(), "cn-mainland");
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The calendar's display name.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert!(ps.calendar("cn-mainland").unwrap().name().contains("调休"));
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Where the holiday data comes from.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert!(ps.calendar("cn-mainland").unwrap().source().contains("国务院"));
    /// ```
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The defaults the calendar relies on (none for the State Council notices, which are
    /// source).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert!(ps.calendar("cn-mainland").unwrap().defaults().is_empty());
    /// ```
    #[must_use]
    pub fn defaults(&self) -> &[crate::DefaultNote] {
        &self.defaults
    }

    /// The fixed UTC offset of the calendar's zone (`+08:00` for mainland China).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.calendar("cn-mainland").unwrap().offset().local_minus_utc(), 8 * 3600);
    /// ```
    #[must_use]
    pub fn offset(&self) -> FixedOffset {
        self.offset
    }

    /// The first and last covered years, inclusive.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.calendar("cn-mainland").unwrap().years(), (2004, 2026));
    /// ```
    #[must_use]
    pub fn years(&self) -> (i32, i32) {
        (self.first_year, self.last_year)
    }

    /// Whether `date` is a working day (a weekday that is not a holiday, or a make-up day).
    ///
    /// # Errors
    ///
    /// [`Error::Coverage`] when the date's year is not covered.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let cal = ps.calendar("cn-mainland").unwrap();
    /// let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    /// assert!(!cal.is_working_day(d("2026-10-08").pred_opt().unwrap()).unwrap());
    /// assert_eq!(cal.is_working_day(d("2027-01-04")).unwrap_err().code(), "coverage");
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, Error> {
        let i = self.index(date)?;
        Ok(self.working_at(i))
    }

    /// What kind of day `date` is, with the festival name for holidays and make-up days.
    ///
    /// # Errors
    ///
    /// [`Error::Coverage`] when the date's year is not covered.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let cal = ps.calendar("cn-mainland").unwrap();
    /// let kind = cal.day_kind("2026-02-17".parse().unwrap()).unwrap();
    /// assert_eq!(kind, zhidu::DayKind::Holiday { name: "春节" });
    /// ```
    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind<'_>, Error> {
        let i = self.index(date)?;
        Ok(self.kind_at(i))
    }

    /// The notice that set a holiday or make-up day, if `date` is one.
    ///
    /// # Errors
    ///
    /// [`Error::Coverage`] when the date's year is not covered.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let cal = ps.calendar("cn-mainland").unwrap();
    /// let notice = cal.notice("2026-10-10".parse().unwrap()).unwrap();
    /// assert_eq!(notice, Some("国务院办公厅关于2026年部分节假日安排的通知"));
    /// ```
    pub fn notice(&self, date: NaiveDate) -> Result<Option<&str>, Error> {
        let i = self.index(date)?;
        let day = self.day(i);
        Ok(match day.kind {
            KIND_HOLIDAY | KIND_MAKEUP => self
                .festivals
                .get(usize::from(day.festival))
                .map(|f| f.notice.as_str()),
            _ => None,
        })
    }

    /// The `n`-th working day strictly after `date` (次日起算); `n = 0` gives `date` itself.
    ///
    /// # Errors
    ///
    /// [`Error::Coverage`] when `date` or the result is outside the covered years.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let cal = ps.calendar("cn-mainland").unwrap();
    /// let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    /// // Accepted on a holiday: the count starts on the first working day after it.
    /// assert_eq!(cal.add_working_days(d("2026-10-03"), 1).unwrap(), d("2026-10-08"));
    /// let err = cal.add_working_days(d("2026-12-30"), 5).unwrap_err();
    /// assert_eq!(err.to_string(), "calendar `cn-mainland` does not cover 2027");
    /// ```
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, Error> {
        let i = self.index(date)?;
        if n == 0 {
            return Ok(date);
        }
        let ordinal = u64::from(self.cumulative_at(i)) + u64::from(n);
        self.nth_working_day(ordinal)
            .map(|j| self.date_at(j))
            .ok_or_else(|| self.beyond())
    }

    /// Working days in `(from, to]`: the days counted from `from` (次日起算) up to and
    /// including `to`; negative when `to` is before `from`.
    ///
    /// # Errors
    ///
    /// [`Error::Coverage`] when either date is outside the covered years.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let cal = ps.calendar("cn-mainland").unwrap();
    /// let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    /// assert_eq!(cal.working_days_between(d("2025-12-31"), d("2026-01-05")).unwrap(), 2);
    /// assert_eq!(cal.working_days_between(d("2026-01-05"), d("2025-12-31")).unwrap(), -2);
    /// ```
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64, Error> {
        let a = self.index(from)?;
        let b = self.index(to)?;
        Ok(i64::from(self.cumulative_at(b)) - i64::from(self.cumulative_at(a)))
    }

    // ---- crate-internal index API, used by the deadline clock ----

    /// Day index of `date`, or a coverage error naming its year.
    pub(crate) fn index(&self, date: NaiveDate) -> Result<usize, Error> {
        let rel = date.num_days_from_ce() - self.epoch;
        usize::try_from(rel)
            .ok()
            .filter(|&i| i < self.days.len())
            .ok_or_else(|| self.coverage(date.year()))
    }

    pub(crate) fn coverage(&self, year: i32) -> Error {
        Error::Coverage {
            calendar: self.id.clone(),
            year,
            first_year: self.first_year,
            last_year: self.last_year,
        }
    }

    /// The coverage error for a count that runs past the last covered day.
    pub(crate) fn beyond(&self) -> Error {
        self.coverage(self.last_year.saturating_add(1))
    }

    pub(crate) fn len(&self) -> usize {
        self.days.len()
    }

    pub(crate) fn date_at(&self, i: usize) -> NaiveDate {
        let n = i32::try_from(i)
            .unwrap_or(i32::MAX)
            .saturating_add(self.epoch);
        NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MAX)
    }

    fn day(&self, i: usize) -> Day {
        self.days.get(i).copied().unwrap_or(Day {
            kind: KIND_WEEKEND,
            festival: 0,
        })
    }

    pub(crate) fn working_at(&self, i: usize) -> bool {
        matches!(self.day(i).kind, KIND_WORKDAY | KIND_MAKEUP)
    }

    pub(crate) fn kind_at(&self, i: usize) -> DayKind<'_> {
        let day = self.day(i);
        let name = || {
            self.festivals
                .get(usize::from(day.festival))
                .map_or("", |f| f.name.as_str())
        };
        match day.kind {
            KIND_WORKDAY => DayKind::Workday,
            KIND_HOLIDAY => DayKind::Holiday { name: name() },
            KIND_MAKEUP => DayKind::MakeupWorkday { name: name() },
            _ => DayKind::Weekend,
        }
    }

    /// Working days in `[first day, i]`; for an index before the first day, 0.
    pub(crate) fn cumulative_at(&self, i: usize) -> u32 {
        self.cumulative.get(i).copied().unwrap_or_else(|| {
            if i >= self.cumulative.len() {
                self.cumulative.last().copied().unwrap_or(0)
            } else {
                0
            }
        })
    }

    /// Day index of the working day with 1-based `ordinal`, if covered.
    pub(crate) fn nth_working_day(&self, ordinal: u64) -> Option<usize> {
        let k = usize::try_from(ordinal.checked_sub(1)?).ok()?;
        self.ordinals.get(k).map(|&j| j as usize)
    }

    pub(crate) fn notice_of_festival_at(&self, i: usize) -> Option<&str> {
        let day = self.day(i);
        match day.kind {
            KIND_HOLIDAY | KIND_MAKEUP => self
                .festivals
                .get(usize::from(day.festival))
                .map(|f| f.notice.as_str()),
            _ => None,
        }
    }
}

/// Minutes from midnight of a `HH:MM` wall time, accepting `24:00` as the end of the day.
pub(crate) fn parse_hhmm(s: &str) -> Option<u32> {
    if s == "24:00" {
        return Some(24 * 60);
    }
    let t = NaiveTime::parse_from_str(s, "%H:%M").ok()?;
    Some(chrono::Timelike::num_seconds_from_midnight(&t) / 60)
}

pub(crate) fn weekday_from_name(s: &str) -> Option<Weekday> {
    Some(match s {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}
