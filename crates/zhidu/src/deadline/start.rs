//! The start of a clock: an instant, a wall time in the calendar's zone, or a plain date.

use core::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};

use super::DeadlineClass;
use crate::{Calendar, Error};

/// When a case was accepted (or its clock otherwise started).
///
/// Parse one from text with [`str::parse`]: an RFC 3339 instant
/// (`2026-09-30T10:00:00+08:00`), a wall time without offset (`2026-09-30T10:00`, meaning
/// that time in the calendar's zone, with or without a fraction of a second as
/// `datetime.isoformat()` writes it) or a plain date (`2026-09-30`, meaning that day in the
/// calendar's zone; enough for day-counting classes, refused by minute-counting ones).
///
/// # Example
///
/// ```
/// use zhidu::Start;
/// assert!(matches!("2026-09-30".parse::<Start>().unwrap(), Start::Date(_)));
/// assert!(matches!("2026-09-30 10:00".parse::<Start>().unwrap(), Start::Local(_)));
/// assert!(matches!("2026-09-30T10:00:00.250000".parse::<Start>().unwrap(), Start::Local(_)));
/// assert!(matches!("2026-09-30T10:00:00+08:00".parse::<Start>().unwrap(), Start::Instant(_)));
/// assert!(matches!("2026-09-30T10:00+08:00".parse::<Start>().unwrap(), Start::Instant(_)));
/// assert!(matches!("2026-09-30T02:00Z".parse::<Start>().unwrap(), Start::Instant(_)));
/// let err = "2026-02-30".parse::<Start>().unwrap_err();
/// assert_eq!(err.to_string(), "`2026-02-30` is not a date or an instant");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// A day in the calendar's zone.
    Date(NaiveDate),
    /// A wall time in the calendar's zone.
    Local(NaiveDateTime),
    /// An exact instant.
    Instant(DateTime<FixedOffset>),
}

impl From<NaiveDate> for Start {
    fn from(d: NaiveDate) -> Self {
        Start::Date(d)
    }
}

impl From<NaiveDateTime> for Start {
    fn from(d: NaiveDateTime) -> Self {
        Start::Local(d)
    }
}

impl From<DateTime<FixedOffset>> for Start {
    fn from(d: DateTime<FixedOffset>) -> Self {
        Start::Instant(d)
    }
}

impl FromStr for Start {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim();
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            if s.len() == 10 {
                return Ok(Start::Date(d));
            }
        }
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(Start::Instant(t));
        }
        // RFC 3339 without seconds, or with a space: what people type.
        let zoned = s
            .strip_suffix('Z')
            .map_or_else(|| s.to_owned(), |x| format!("{x}+00:00"));
        for fmt in [
            "%Y-%m-%dT%H:%M%:z",
            "%Y-%m-%d %H:%M%:z",
            "%Y-%m-%d %H:%M:%S%:z",
        ] {
            if let Ok(t) = DateTime::parse_from_str(&zoned, fmt) {
                return Ok(Start::Instant(t));
            }
        }
        // `%.f`: an optional fraction of a second.
        for fmt in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
                return Ok(Start::Local(t));
            }
        }
        Err(Error::input(
            format!("`{s}` is not a date or an instant"),
            Some("write `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` (calendar's zone) or an RFC 3339 instant such as `2026-09-30T10:00:00+08:00`".to_owned()),
        ))
    }
}

impl Start {
    /// The instant in the calendar's zone; a plain date is the start of that day, which only
    /// day-counting classes accept.
    pub(crate) fn resolve(
        self,
        cal: &Calendar,
        class: &DeadlineClass,
    ) -> Result<DateTime<FixedOffset>, Error> {
        let offset = cal.offset();
        match self {
            Start::Instant(t) => Ok(t.with_timezone(&offset)),
            Start::Local(t) => local(offset, t),
            Start::Date(d) if class.unit.is_days() => {
                local(offset, d.and_time(chrono::NaiveTime::MIN))
            }
            Start::Date(d) => Err(Error::input(
                format!(
                    "`{d}` is a date, but class `{}` counts {} and needs an instant",
                    class.id, class.unit
                ),
                Some(format!("give the time too, such as `{d}T09:30`")),
            )),
        }
    }

    /// The local date in `offset`: the date itself, a wall time's date, an instant's date there.
    pub(crate) fn local_date(self, offset: FixedOffset) -> NaiveDate {
        match self {
            Start::Date(d) => d,
            Start::Local(t) => t.date(),
            Start::Instant(t) => t.with_timezone(&offset).date_naive(),
        }
    }

    /// Parse like [`str::parse`], then resolve in `offset` (a plain date is its midnight).
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the text is not a date or instant.
    ///
    /// # Example
    ///
    /// ```
    /// let off = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    /// let t = zhidu::Start::parse_instant("2026-10-12 09:00", off).unwrap();
    /// assert_eq!(t.to_rfc3339(), "2026-10-12T09:00:00+08:00");
    /// ```
    pub fn parse_instant(s: &str, offset: FixedOffset) -> Result<DateTime<FixedOffset>, Error> {
        s.parse::<Start>()?.instant_in(offset)
    }

    /// The instant this start stands for in the zone `offset`, as [`Start::parse_instant`]
    /// reads text: an instant as it is (shown in `offset`), a wall time in that zone, a plain
    /// date at its midnight. Hosts use it for "as of" instants given as values, not text.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when a wall time cannot be placed in the zone.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let off = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    /// let day = zhidu::Start::from(NaiveDate::from_ymd_opt(2026, 10, 12).unwrap());
    /// assert_eq!(day.instant_in(off).unwrap().to_rfc3339(), "2026-10-12T00:00:00+08:00");
    /// let utc: zhidu::Start = "2026-10-12T01:00:00Z".parse().unwrap();
    /// assert_eq!(utc.instant_in(off).unwrap().to_rfc3339(), "2026-10-12T09:00:00+08:00");
    /// ```
    pub fn instant_in(self, offset: FixedOffset) -> Result<DateTime<FixedOffset>, Error> {
        match self {
            Start::Instant(t) => Ok(t.with_timezone(&offset)),
            Start::Local(t) => local(offset, t),
            Start::Date(d) => local(offset, d.and_time(chrono::NaiveTime::MIN)),
        }
    }
}

fn local(offset: FixedOffset, t: NaiveDateTime) -> Result<DateTime<FixedOffset>, Error> {
    offset
        .from_local_datetime(&t)
        .single()
        .ok_or_else(|| Error::input(format!("`{t}` cannot be placed in zone {offset}"), None))
}
