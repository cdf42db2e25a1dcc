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
mod notice;
mod provisional;

pub(crate) use compile::compile_calendar;
pub(crate) use notice::add_notice;
pub use provisional::{StatutoryDay, StatutoryKind, SubstituteRule};

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
    /// The notice, or for a provisional year the statute version (and article for 补假).
    pub(crate) notice: String,
    /// Whether the entry was derived from the statute (a provisional year).
    pub(crate) provisional: bool,
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
    /// The last covered year: the last notice year, or the last provisional one.
    last_year: i32,
    /// The last year whose State Council notice is in the calendar.
    notice_last_year: i32,
    /// `num_days_from_ce` of January 1st of `first_year`.
    epoch: i32,
    /// Day index of January 1st after `notice_last_year`: every day from here is provisional.
    first_provisional: usize,
    days: Vec<Day>,
    /// `cumulative[i]`: working days in `[epoch, epoch + i]`.
    cumulative: Vec<u32>,
    /// `ordinals[k]`: day index of the `(k + 1)`-th working day.
    ordinals: Vec<u32>,
    festivals: Vec<Festival>,
    source: String,
    defaults: Vec<crate::DefaultNote>,
    statutes: Vec<provisional::Statute>,
    weekend: [bool; 7],
    /// The basis line of each provisional year, from `notice_last_year + 1` on.
    basis: Vec<String>,
    /// Notice years added by notice files: year, notice, date published.
    notices_added: Vec<(i32, String, Option<NaiveDate>)>,
}

/// A day off or make-up working day of a year, with what it rests on.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let days = ps.calendar("cn-mainland")?.year_days(2027)?;
/// assert_eq!(days[0].date.to_string(), "2027-01-01");
/// assert!(days[0].provisional && days[0].basis.contains("795"));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct YearDay {
    /// The date.
    pub date: NaiveDate,
    /// `holiday` or `makeup_workday`.
    pub kind: &'static str,
    /// The festival it belongs to.
    pub festival: String,
    /// The notice that set it, or the statute version (and 补假 article) of a provisional year.
    pub basis: String,
    /// Whether the day comes from the statute rather than a notice.
    pub provisional: bool,
}

impl Calendar {
    /// Build the cumulative and ordinal indexes from `days`.
    fn index_days(&mut self) {
        self.cumulative = Vec::with_capacity(self.days.len());
        self.ordinals = Vec::new();
        let mut count = 0u32;
        for (i, d) in self.days.iter().enumerate() {
            if matches!(d.kind, KIND_WORKDAY | KIND_MAKEUP) {
                count += 1;
                self.ordinals.push(u32::try_from(i).unwrap_or(u32::MAX));
            }
            self.cumulative.push(count);
        }
    }

    /// The first and last years with a State Council notice in the calendar; the years after
    /// them, up to [`Calendar::years`]' last, are provisional.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// assert_eq!(ps.calendar("cn-mainland")?.notice_years(), (2004, 2026));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn notice_years(&self) -> (i32, i32) {
        (self.first_year, self.notice_last_year)
    }

    /// Whether `date` lies in a provisional year (after the last notice).
    ///
    /// # Errors
    ///
    /// [`Error::Coverage`] when the date's year is not covered.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let cal = ps.calendar("cn-mainland")?;
    /// assert!(cal.is_provisional("2027-03-01".parse().unwrap())?);
    /// assert!(!cal.is_provisional("2026-12-31".parse().unwrap())?);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn is_provisional(&self, date: NaiveDate) -> Result<bool, Error> {
        Ok(self.index(date)? >= self.first_provisional)
    }

    /// The basis of every provisional year, one line each, first year first.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let basis = ps.calendar("cn-mainland")?.provisional_basis();
    /// assert_eq!(basis[0], "2027: 国务院令第795号; the 2027 notice is not in the calendar; make-up working days unknown");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn provisional_basis(&self) -> &[String] {
        &self.basis
    }

    /// The days off the statute version in force gives `year`, with 补假 by `rule`: what a
    /// provisional year is made of, also for a year that has its notice (to compare).
    ///
    /// # Errors
    ///
    /// [`Error::Coverage`] when no statute version is in force on 1 January of `year` or the
    /// lunar table does not cover it.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{StatutoryKind, SubstituteRule};
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let cal = ps.calendar("cn-mainland")?;
    /// // 2026: 清明 is Sunday 04-05, so Monday 04-06 is its 补假.
    /// let days = cal.statutory_days(2026, SubstituteRule::NextWorkingDay)?;
    /// let qm: Vec<_> = days.iter().filter(|d| d.festival == "清明").collect();
    /// assert_eq!(qm[1].date.to_string(), "2026-04-06");
    /// assert_eq!(qm[1].kind, StatutoryKind::Substitute);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn statutory_days(
        &self,
        year: i32,
        rule: SubstituteRule,
    ) -> Result<Vec<StatutoryDay>, Error> {
        provisional::statute_for(&self.statutes, year)
            .and_then(|st| provisional::derive(st, year, rule, &self.weekend))
            .ok_or_else(|| self.coverage(year))
    }

    /// Every day off and make-up working day of `year`, in date order, with its basis.
    ///
    /// # Errors
    ///
    /// [`Error::Coverage`] when the year is not covered.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let days = ps.calendar("cn-mainland")?.year_days(2026)?;
    /// let d = days.iter().find(|d| d.date.to_string() == "2026-10-10").unwrap();
    /// assert_eq!((d.kind, d.provisional), ("makeup_workday", false));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn year_days(&self, year: i32) -> Result<Vec<YearDay>, Error> {
        let (Some(a), Some(b)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Err(self.coverage(year));
        };
        let (a, b) = (self.index(a)?, self.index(b)?);
        let mut out = Vec::new();
        for i in a..=b {
            let day = self.day(i);
            let kind = match day.kind {
                KIND_HOLIDAY => "holiday",
                KIND_MAKEUP => "makeup_workday",
                _ => continue,
            };
            let f = self.festivals.get(usize::from(day.festival));
            out.push(YearDay {
                date: self.date_at(i),
                kind,
                festival: f.map_or_else(String::new, |f| f.name.clone()),
                basis: f.map_or_else(String::new, |f| f.notice.clone()),
                provisional: f.is_some_and(|f| f.provisional),
            });
        }
        Ok(out)
    }

    /// The notices added by notice files (see [`crate::PolicySet::from_sources`]): year,
    /// title and the date published, if the file gives it.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// assert!(ps.calendar("cn-mainland")?.added_notices().is_empty());
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn added_notices(&self) -> &[(i32, String, Option<NaiveDate>)] {
        &self.notices_added
    }

    /// Index of the first provisional day (the length of the index when there is none).
    pub(crate) fn first_provisional(&self) -> usize {
        self.first_provisional
    }

    /// The basis lines of the provisional years from `from`'s year to `to`'s (day indexes).
    pub(crate) fn basis_between(&self, from: usize, to: usize) -> Vec<String> {
        let first = self.notice_last_year.saturating_add(1);
        let y0 = self.date_at(from.max(self.first_provisional)).year();
        let y1 = self.date_at(to).year();
        (y0..=y1)
            .filter_map(|y| {
                usize::try_from(y - first)
                    .ok()
                    .and_then(|k| self.basis.get(k))
                    .cloned()
            })
            .collect()
    }

    /// The coverage error of a policy that asks for an error past the last notice.
    pub(crate) fn beyond_notices(&self, year: i32) -> Error {
        Error::Coverage {
            calendar: self.id.clone(),
            year,
            first_year: self.first_year,
            last_year: self.notice_last_year,
        }
    }

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

    /// The first and last covered years, inclusive: the notice years and the provisional
    /// years after them (see [`Calendar::notice_years`]).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.calendar("cn-mainland").unwrap().years(), (2004, 2100));
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
    /// assert!(cal.is_working_day(d("2027-01-04")).unwrap()); // provisional
    /// assert_eq!(cal.is_working_day(d("2101-01-04")).unwrap_err().code(), "coverage");
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
    /// let err = cal.add_working_days(d("2100-12-30"), 5).unwrap_err();
    /// assert_eq!(err.to_string(), "calendar `cn-mainland` does not cover 2101");
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
