//! Scorecard periods: a month (`2026-10`), a quarter (`2026-Q4`) or a year (`2026`).

use core::fmt;
use core::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use serde::Serialize;

use crate::Error;

/// The length of a scorecard period.
///
/// # Example
///
/// ```
/// assert_eq!("2026-Q4".parse::<zhidu::Period>().unwrap().kind(), zhidu::PeriodKind::Quarter);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar year.
    Year,
}

/// A scorecard period in the calendar's zone, half-open: from local midnight of its first
/// day to local midnight after its last.
///
/// # Example
///
/// ```
/// use zhidu::Period;
/// let p: Period = "2026-10".parse().unwrap();
/// assert_eq!(p.to_string(), "2026-10");
/// let (first, last) = p.days();
/// assert_eq!((first.to_string(), last.to_string()), ("2026-10-01".into(), "2026-10-31".into()));
/// assert_eq!("2026-Q1".parse::<Period>().unwrap().days().1.to_string(), "2026-03-31");
/// assert!("2026-13".parse::<Period>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    kind: PeriodKind,
    year: i32,
    /// Month 1–12 or quarter 1–4; 0 for a year.
    index: u32,
}

impl Period {
    /// The period's kind.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!("2026".parse::<zhidu::Period>().unwrap().kind(), zhidu::PeriodKind::Year);
    /// ```
    #[must_use]
    pub fn kind(&self) -> PeriodKind {
        self.kind
    }

    /// The first and last day of the period.
    ///
    /// # Example
    ///
    /// ```
    /// let (a, b) = "2026".parse::<zhidu::Period>().unwrap().days();
    /// assert_eq!((a.to_string(), b.to_string()), ("2026-01-01".into(), "2026-12-31".into()));
    /// ```
    #[must_use]
    pub fn days(&self) -> (NaiveDate, NaiveDate) {
        let (m0, months) = match self.kind {
            PeriodKind::Month => (self.index, 1),
            PeriodKind::Quarter => (self.index * 3 - 2, 3),
            PeriodKind::Year => (1, 12),
        };
        let first = NaiveDate::from_ymd_opt(self.year, m0, 1).unwrap_or(NaiveDate::MIN);
        let next = first
            .checked_add_months(chrono::Months::new(months))
            .unwrap_or(NaiveDate::MAX);
        (first, next.pred_opt().unwrap_or(first))
    }

    /// The instants that bound the period in `offset`: `[start, end)`.
    pub(crate) fn bounds(
        &self,
        offset: FixedOffset,
    ) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
        let (first, last) = self.days();
        let at = |d: NaiveDate| {
            offset
                .from_local_datetime(&d.and_time(NaiveTime::MIN))
                .single()
        };
        let start = at(first).unwrap_or(DateTime::<FixedOffset>::MIN_UTC.fixed_offset());
        let end = last
            .succ_opt()
            .and_then(at)
            .unwrap_or(DateTime::<FixedOffset>::MAX_UTC.fixed_offset());
        (start, end)
    }
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let t = s.trim();
        let bad = || {
            Error::input(
                format!("`{s}` is not a period"),
                Some("write a month `2026-10`, a quarter `2026-Q4` or a year `2026`".to_owned()),
            )
        };
        let year = |y: &str| -> Result<i32, Error> {
            if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
                y.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let period = match t.split_once('-') {
            None => Period {
                kind: PeriodKind::Year,
                year: year(t)?,
                index: 0,
            },
            Some((y, q)) if q.starts_with(['Q', 'q']) => {
                let n: u32 = q.get(1..).and_then(|n| n.parse().ok()).ok_or_else(bad)?;
                if !(1..=4).contains(&n) || q.len() != 2 {
                    return Err(bad());
                }
                Period {
                    kind: PeriodKind::Quarter,
                    year: year(y)?,
                    index: n,
                }
            }
            Some((y, m)) => {
                let n: u32 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&n) || m.len() != 2 {
                    return Err(bad());
                }
                Period {
                    kind: PeriodKind::Month,
                    year: year(y)?,
                    index: n,
                }
            }
        };
        Ok(period)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Month => write!(f, "{}-{:02}", self.year, self.index),
            PeriodKind::Quarter => write!(f, "{}-Q{}", self.year, self.index),
            PeriodKind::Year => write!(f, "{}", self.year),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
