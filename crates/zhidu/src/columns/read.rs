//! A host's raw columns (day numbers, Unix seconds, integers, floats) as the start and limit
//! columns of [`crate::Class::due_column`]: a value that cannot be used is an error in its
//! place, and the row gets a placeholder that [`super::DueColumns::merge`] later replaces.

use chrono::{DateTime, NaiveDate};

use super::due::{LimitColumn, NAT, StartColumn, epoch_day};
use crate::Error;
use crate::deadline::Start;

/// Rows that could not be used, by 0-based position, with their errors.
pub type RowErrors = Vec<(usize, Error)>;

const DAY: i64 = 86_400;

/// The error of a missing start in a column.
fn missing_start() -> Error {
    Error::input("the start is missing (NaT or None)", None)
}

/// The error of a day count that is not one.
fn bad_days(shown: impl core::fmt::Display) -> Error {
    Error::input(
        format!("`days` must be a whole number from 0 to 4294967295, not `{shown}`"),
        None,
    )
}

/// A float that is a whole day count (0 to 4294967295), as a count.
///
/// # Example
///
/// ```
/// use zhidu::columns::whole_days;
/// assert_eq!(whole_days(5.0), Some(5));
/// assert_eq!((whole_days(5.5), whole_days(-1.0), whole_days(f64::NAN)), (None, None, None));
/// ```
#[must_use]
pub fn whole_days(f: f64) -> Option<u32> {
    (f.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&f)).then(|| {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "whole and in range, checked above"
        )]
        let n = f as u32;
        n
    })
}

impl StartColumn {
    /// A column of dates as day numbers (days since 1970-01-01); a [`NAT`] is a missing
    /// start, an error in its place.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::columns::{NAT, StartColumn};
    /// let (c, bad) = StartColumn::from_days(vec![20726, NAT]);
    /// assert_eq!(c.len(), 2);
    /// assert_eq!((bad[0].0, bad[0].1.to_string()), (1, "the start is missing (NaT or None)".to_owned()));
    /// ```
    #[must_use]
    pub fn from_days(mut days: Vec<i64>) -> (StartColumn, RowErrors) {
        let mut bad = Vec::new();
        for (i, d) in days.iter_mut().enumerate() {
            if *d == NAT {
                bad.push((i, missing_start()));
                *d = 0;
            }
        }
        (StartColumn::Days(days), bad)
    }

    /// A column of Unix seconds: instants when `utc`, else wall times in the calendar's zone;
    /// a [`NAT`] is a missing start. For a class that counts days (`counts_days`), a column
    /// of wall times that are all midnights is a column of dates (the fast path).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::columns::{NAT, StartColumn};
    /// let (c, bad) = StartColumn::from_seconds(&[1_790_726_400, NAT], false, true);
    /// assert!(matches!(c, StartColumn::Days(_)));
    /// assert_eq!(bad.len(), 1);
    /// let (c, _) = StartColumn::from_seconds(&[1_790_726_400], true, true);
    /// assert!(matches!(c, StartColumn::Starts(_)));
    /// ```
    #[must_use]
    pub fn from_seconds(seconds: &[i64], utc: bool, counts_days: bool) -> (StartColumn, RowErrors) {
        if !utc && counts_days && seconds.iter().all(|&s| s == NAT || s.rem_euclid(DAY) == 0) {
            let days = seconds
                .iter()
                .map(|&s| if s == NAT { NAT } else { s.div_euclid(DAY) })
                .collect();
            return StartColumn::from_days(days);
        }
        let mut bad = Vec::new();
        let mut starts = Vec::with_capacity(seconds.len());
        for (i, &s) in seconds.iter().enumerate() {
            match DateTime::from_timestamp(s, 0).filter(|_| s != NAT) {
                Some(t) if utc => starts.push(Start::Instant(t.fixed_offset())),
                Some(t) => starts.push(Start::Local(t.naive_utc())),
                None => {
                    bad.push((i, missing_start()));
                    starts.push(Start::Date(NaiveDate::MIN));
                }
            }
        }
        (StartColumn::Starts(starts), bad)
    }

    /// A column of starts a host read one by one, each or its error: a start that could not
    /// be read is an error in its place. For a class that counts days (`counts_days`), a
    /// column of plain dates is a column of day numbers (the fast path).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::columns::StartColumn;
    /// let date = "2026-09-30".parse::<zhidu::Start>()?;
    /// let (c, bad) = StartColumn::from_starts(vec![Ok(date), "x".parse()], true);
    /// assert!(matches!(c, StartColumn::Days(_)));
    /// assert_eq!(bad[0].1.code(), "input");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn from_starts(
        starts: Vec<Result<Start, Error>>,
        counts_days: bool,
    ) -> (StartColumn, RowErrors) {
        let mut bad = Vec::new();
        let starts: Vec<Start> = starts
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                s.unwrap_or_else(|e| {
                    bad.push((i, e));
                    Start::Date(NaiveDate::MIN)
                })
            })
            .collect();
        if counts_days && starts.iter().all(|s| matches!(s, Start::Date(_))) {
            let days = starts
                .iter()
                .map(|s| match s {
                    Start::Date(d) => epoch_day(*d),
                    _ => 0,
                })
                .collect();
            return (StartColumn::Days(days), bad);
        }
        (StartColumn::Starts(starts), bad)
    }
}

impl LimitColumn {
    /// A column of day counts a host read one by one, each (`None`: the class's default) or
    /// its error: a count that could not be read is an error in its place.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::columns::LimitColumn;
    /// let bad = zhidu::Error::Input { message: "no".into(), hint: None };
    /// let (c, errors) = LimitColumn::from_counts(vec![Ok(Some(5)), Ok(None), Err(bad)]);
    /// assert_eq!(c, LimitColumn::Rows(vec![Some(5), None, Some(0)]));
    /// assert_eq!(errors[0].0, 2);
    /// ```
    #[must_use]
    pub fn from_counts(counts: Vec<Result<Option<u32>, Error>>) -> (LimitColumn, RowErrors) {
        let mut bad = Vec::new();
        let rows = counts
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                d.unwrap_or_else(|e| {
                    bad.push((i, e));
                    Some(0)
                })
            })
            .collect();
        (LimitColumn::Rows(rows), bad)
    }

    /// A column of day counts given as integers: one outside 0 to 4294967295 is an error in
    /// its place. Every row has a count, so the column is [`LimitColumn::Given`] (the
    /// day-number path reads it as it is: no pass to check for gaps, none to fill them).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::columns::LimitColumn;
    /// let (c, bad) = LimitColumn::from_integers(&[5, -1]);
    /// assert_eq!(c, LimitColumn::Given(vec![5, 0]));
    /// assert_eq!(bad[0].1.to_string(), "`days` must be a whole number from 0 to 4294967295, not `-1`");
    /// ```
    #[must_use]
    pub fn from_integers(values: &[i64]) -> (LimitColumn, RowErrors) {
        let mut bad = Vec::new();
        let rows = values
            .iter()
            .enumerate()
            .map(|(i, &d)| {
                u32::try_from(d).unwrap_or_else(|_| {
                    bad.push((i, bad_days(d)));
                    0
                })
            })
            .collect();
        (LimitColumn::Given(rows), bad)
    }

    /// A column of day counts given as floats (a column with gaps): NaN is the class's
    /// default, a value that is not a whole count is an error in its place.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::columns::LimitColumn;
    /// let (c, bad) = LimitColumn::from_floats(&[5.0, f64::NAN, 2.5]);
    /// assert_eq!(c, LimitColumn::Rows(vec![Some(5), None, Some(0)]));
    /// assert_eq!((bad[0].0, bad[0].1.to_string()), (2, "`days` must be a whole number from 0 to 4294967295, not `2.5`".to_owned()));
    /// ```
    #[must_use]
    pub fn from_floats(values: &[f64]) -> (LimitColumn, RowErrors) {
        let mut bad = Vec::new();
        let rows = values
            .iter()
            .enumerate()
            .map(|(i, &f)| {
                if f.is_nan() {
                    return None;
                }
                whole_days(f).or_else(|| {
                    bad.push((i, bad_days(f)));
                    Some(0)
                })
            })
            .collect();
        (LimitColumn::Rows(rows), bad)
    }
}
