//! Instants written as a clerk reads them: `2026-10-13（星期二）24:00`, not RFC 3339.
//!
//! A due instant is the end of its due day; at 24:00 that is 00:00 of the next day in
//! RFC 3339, which reads as the wrong day. Written here against the due date it ends, it
//! stays on its own day. The words (the weekday, the brackets) come from the catalogue's
//! labels, so every host writes the same text in either language.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Timelike, Weekday};

use super::Due;
use crate::Lang;

/// `at` as `2026-10-13（星期二）10:00` (`2026-10-13 (Tue) 10:00` in English), in the
/// instant's own zone. With `end_of`, the day the instant ends (a due date), the instant at
/// 00:00 of the next day is written as 24:00 of `end_of`.
///
/// # Example
///
/// ```
/// use zhidu::{Lang, instant_words};
/// let due_at = chrono::DateTime::parse_from_rfc3339("2026-10-14T00:00:00+08:00").unwrap();
/// let due_date = chrono::NaiveDate::from_ymd_opt(2026, 10, 13).unwrap();
/// assert_eq!(instant_words(due_at, Some(due_date), Lang::Zh), "2026-10-13（星期二）24:00");
/// assert_eq!(instant_words(due_at, Some(due_date), Lang::En), "2026-10-13 (Tue) 24:00");
/// assert_eq!(instant_words(due_at, None, Lang::Zh), "2026-10-14（星期三）00:00");
/// ```
#[must_use]
pub fn instant_words(at: DateTime<FixedOffset>, end_of: Option<NaiveDate>, lang: Lang) -> String {
    let local = at.naive_local();
    let midnight = local.hour() == 0 && local.minute() == 0;
    let (date, time) = match end_of {
        Some(day)
            if midnight && day.checked_add_signed(Duration::days(1)) == Some(local.date()) =>
        {
            (day, "24:00".to_owned())
        }
        _ => (
            local.date(),
            format!("{:02}:{:02}", local.hour(), local.minute()),
        ),
    };
    let weekday = lang
        .text(weekday_label(date.weekday()), &[])
        .unwrap_or_default();
    let date = date.format("%Y-%m-%d").to_string();
    lang.text(
        "label.instant",
        &[("date", &date), ("weekday", &weekday), ("time", &time)],
    )
    .unwrap_or_else(|| format!("{date} {time}"))
}

fn weekday_label(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "label.weekday.mon",
        Weekday::Tue => "label.weekday.tue",
        Weekday::Wed => "label.weekday.wed",
        Weekday::Thu => "label.weekday.thu",
        Weekday::Fri => "label.weekday.fri",
        Weekday::Sat => "label.weekday.sat",
        Weekday::Sun => "label.weekday.sun",
    }
}

impl Due {
    /// The due instant as a clerk reads it: `2026-10-13（星期二）24:00` for a case due at the
    /// end of 2026-10-13 (RFC 3339 writes it `2026-10-14T00:00:00+08:00`).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet, Start};
    /// let ps = PolicySet::builtin()?;
    /// let class = ps.policy("s2-service-center")?.class("promised")?;
    /// // 10-01..07 国庆节; 10-08 (1), 10-09 (2), 10-10 调休上班 (3), 10-12 (4), 10-13 (5).
    /// let due = class.due("2026-09-30T10:00:00+08:00".parse::<Start>()?, Some(5))?;
    /// assert_eq!(due.due_at_words(Lang::Zh), "2026-10-13（星期二）24:00");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn due_at_words(&self, lang: Lang) -> String {
        instant_words(self.due_at, Some(self.due_date), lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn midnight_after_the_due_day_is_24_00_of_it() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 13);
        assert_eq!(
            instant_words(at("2026-10-14T00:00:00+08:00"), day, Lang::Zh),
            "2026-10-13（星期二）24:00"
        );
        // An instant inside the day, or a midnight that is not the next day's, is as it is.
        assert_eq!(
            instant_words(at("2026-10-13T17:00:00+08:00"), day, Lang::Zh),
            "2026-10-13（星期二）17:00"
        );
        assert_eq!(
            instant_words(at("2026-10-13T00:00:00+08:00"), day, Lang::En),
            "2026-10-13 (Tue) 00:00"
        );
    }

    #[test]
    fn every_weekday_has_its_name() {
        // 2026-10-12 is a Monday.
        let names: Vec<String> = (12..19)
            .map(|d| instant_words(at(&format!("2026-10-{d}T09:05:00+08:00")), None, Lang::Zh))
            .collect();
        assert_eq!(
            names,
            [
                "2026-10-12（星期一）09:05",
                "2026-10-13（星期二）09:05",
                "2026-10-14（星期三）09:05",
                "2026-10-15（星期四）09:05",
                "2026-10-16（星期五）09:05",
                "2026-10-17（星期六）09:05",
                "2026-10-18（星期日）09:05",
            ]
        );
    }
}
