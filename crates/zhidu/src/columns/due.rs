//! Due dates for whole columns: one class, many starts, computed in chunks on threads.

use chrono::{Datelike, NaiveDate};

use super::chunks::chunked;
use crate::Error;
use crate::deadline::{Class, Start, Unit};

/// `num_days_from_ce` of 1970-01-01.
const UNIX_EPOCH_CE: i64 = 719_163;

/// The value of a row without an answer in [`DueColumns`] (numpy's NaT).
pub const NAT: i64 = i64::MIN;

/// A day number (days since 1970-01-01) of a date.
///
/// # Example
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
/// assert_eq!(zhidu::columns::epoch_day(d), 20726);
/// ```
#[must_use]
pub fn epoch_day(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - UNIX_EPOCH_CE
}

/// The date of a day number, if it is one.
///
/// # Example
///
/// ```
/// assert_eq!(zhidu::columns::from_epoch_day(20726).map(|d| d.to_string()).as_deref(), Some("2026-09-30"));
/// ```
#[must_use]
pub fn from_epoch_day(days: i64) -> Option<NaiveDate> {
    days.checked_add(UNIX_EPOCH_CE)
        .and_then(|d| i32::try_from(d).ok())
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// A column of starts.
///
/// # Example
///
/// ```
/// let c = zhidu::columns::StartColumn::Days(vec![20726]);
/// assert_eq!(c.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StartColumn {
    /// Plain dates as day numbers (the fast path of day-counting classes).
    Days(Vec<i64>),
    /// Starts of any kind.
    Starts(Vec<Start>),
}

impl StartColumn {
    /// The number of rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhidu::columns::StartColumn::Starts(vec![]).is_empty());
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            StartColumn::Days(d) => d.len(),
            StartColumn::Starts(s) => s.len(),
        }
    }

    /// Whether the column has no rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!zhidu::columns::StartColumn::Days(vec![0]).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A column of per-case limits.
///
/// # Example
///
/// ```
/// let l = zhidu::columns::LimitColumn::Same(5);
/// # let _ = l;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LimitColumn {
    /// The class's default (or fixed) limit for every row.
    Default,
    /// One limit for every row.
    Same(u32),
    /// One per row (`None`: the class's default).
    Rows(Vec<Option<u32>>),
    /// One per row, all given.
    Given(Vec<u32>),
}

impl LimitColumn {
    fn rows(&self) -> Option<usize> {
        match self {
            LimitColumn::Rows(r) => Some(r.len()),
            LimitColumn::Given(r) => Some(r.len()),
            _ => None,
        }
    }
}

/// What to compute besides due dates.
///
/// # Example
///
/// ```
/// let o = zhidu::columns::DueOptions { instants: true, ..Default::default() };
/// assert_eq!(o.threads, 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DueOptions {
    /// Due instants (Unix seconds) too.
    pub instants: bool,
    /// Whether each answer is provisional, and the basis of the provisional years met.
    pub details: bool,
    /// Threads to use for long columns (the host's choice; 1 in WebAssembly).
    pub threads: usize,
}

impl Default for DueOptions {
    fn default() -> Self {
        DueOptions {
            instants: false,
            details: false,
            threads: 1,
        }
    }
}

/// The answers for a column: one per row, in order.
///
/// # Example
///
/// ```
/// use zhidu::columns::{DueOptions, LimitColumn, StartColumn};
/// let ps = zhidu::PolicySet::builtin()?;
/// let c = ps.policy("s2-service-center")?.class("promised")?;
/// // 2026-09-30 is day 20726; with 5 days it is due 2026-10-13, day 20739 (国庆节 skipped).
/// // Day 80000 is in 2189, beyond the calendar: that row is an error in its place.
/// let out = c.due_column(&StartColumn::Days(vec![20726, 80000]), &LimitColumn::Same(5), DueOptions::default())?;
/// assert_eq!(out.dates[0], 20739);
/// assert_eq!((out.dates[1], out.errors[0].0, out.errors[0].1.code()), (zhidu::columns::NAT, 1, "coverage"));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DueColumns {
    /// Due dates as day numbers; [`NAT`] for a row without an answer.
    pub dates: Vec<i64>,
    /// Due instants as Unix seconds ([`NAT`] for a bad row), when asked for.
    pub instants: Option<Vec<i64>>,
    /// Whether each answer touched a provisional year (`false` for a bad row), when asked
    /// for with `details`.
    pub provisional: Option<Vec<bool>>,
    /// The basis of every provisional year met, once each, when asked for with `details`.
    pub basis: Vec<String>,
    /// The rows without an answer, by 0-based position, in order.
    pub errors: Vec<(usize, Error)>,
}

impl Class<'_> {
    /// Due dates for a whole column of starts, in chunks of at most [`crate::MAX_BATCH`] rows
    /// on up to `options.threads` threads. Every row gets an answer or an error in its
    /// place.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the limit column's length differs from the starts'.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::columns::{DueOptions, LimitColumn, StartColumn};
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let c = ps.policy("s2-service-center")?.class("promised")?;
    /// let starts = StartColumn::Starts(vec!["2026-09-30T10:00:00+08:00".parse()?]);
    /// let out = c.due_column(&starts, &LimitColumn::Same(5), DueOptions { instants: true, details: true, threads: 1 })?;
    /// assert_eq!(zhidu::columns::from_epoch_day(out.dates[0]).unwrap().to_string(), "2026-10-13");
    /// assert_eq!(out.provisional, Some(vec![false]));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn due_column(
        &self,
        starts: &StartColumn,
        limits: &LimitColumn,
        options: DueOptions,
    ) -> Result<DueColumns, Error> {
        let n = starts.len();
        if let Some(rows) = limits.rows() {
            if rows != n {
                return Err(Error::input(
                    format!("{n} starts but {rows} day counts"),
                    Some("give one day count per start, one for all, or none".to_owned()),
                ));
            }
        }
        // A working-day limit from a date ends at the end of its due day, so its instant
        // follows from the date and the day-number path answers it too.
        let fast = (!options.instants || self.unit() == Unit::WorkingDays)
            && !options.details
            && self.unit().is_days()
            && match limits {
                LimitColumn::Rows(rows) => rows.iter().all(Option::is_some),
                _ => true,
            };
        Ok(match (starts, fast) {
            (StartColumn::Days(days), true) => {
                let mut out = self.by_day_numbers(days, limits, options.threads);
                if options.instants {
                    // `day_end_at` is linear in the day: its offset once, then one multiply
                    // and add per row.
                    let end_of_day_zero = self.day_end_at(0);
                    let ends = out.dates.iter().map(|&d| match d {
                        NAT => NAT,
                        d => d * 86_400 + end_of_day_zero,
                    });
                    out.instants = Some(ends.collect());
                }
                out
            }
            (StartColumn::Days(days), false) => {
                let starts: Vec<Start> = days
                    .iter()
                    .map(|&d| Start::Date(from_epoch_day(d).unwrap_or(NaiveDate::MIN)))
                    .collect();
                self.by_starts(&starts, limits, options)
            }
            (StartColumn::Starts(starts), _) => self.by_starts(starts, limits, options),
        })
    }

    fn by_day_numbers(&self, days: &[i64], limits: &LimitColumn, threads: usize) -> DueColumns {
        let n = days.len();
        let owned: Vec<u32>;
        let limit_rows: &[u32] = match limits {
            LimitColumn::Default => &[],
            LimitColumn::Same(d) => {
                owned = vec![*d; n];
                &owned
            }
            LimitColumn::Rows(rows) => {
                owned = rows.iter().map(|d| d.unwrap_or(0)).collect();
                &owned
            }
            LimitColumn::Given(rows) => rows,
        };
        let parts = chunked(n, threads, |first, len| {
            let starts = days.get(first..first + len).unwrap_or(&[]);
            let limits = limit_rows.get(first..first + len).unwrap_or(&[]);
            let mut out = vec![None; starts.len()];
            let errors: Vec<(usize, Error)> = match self.due_epoch_days(starts, limits, &mut out) {
                Ok(errors) => errors.into_iter().map(|(i, e)| (first + i, e)).collect(),
                Err(e) => (first..first + len).map(|i| (i, e.clone())).collect(),
            };
            (out, errors)
        });
        let mut columns = DueColumns {
            dates: Vec::with_capacity(n),
            ..DueColumns::default()
        };
        for (out, errors) in parts {
            columns
                .dates
                .extend(out.into_iter().map(|d| d.unwrap_or(NAT)));
            columns.errors.extend(errors);
        }
        columns
    }

    fn by_starts(&self, starts: &[Start], limits: &LimitColumn, options: DueOptions) -> DueColumns {
        let n = starts.len();
        let limit_rows: Vec<Option<u32>> = match limits {
            LimitColumn::Default => Vec::new(),
            LimitColumn::Same(d) => vec![Some(*d); n],
            LimitColumn::Rows(rows) => rows.clone(),
            LimitColumn::Given(rows) => rows.iter().copied().map(Some).collect(),
        };
        let parts = chunked(n, options.threads, |first, len| {
            let starts = starts.get(first..first + len).unwrap_or(&[]);
            let limits = limit_rows.get(first..first + len).unwrap_or(&[]);
            match self.due_many(starts, limits) {
                Ok(rows) => rows,
                Err(e) => starts.iter().map(|_| Err(e.clone())).collect(),
            }
        });
        let mut columns = DueColumns {
            dates: Vec::with_capacity(n),
            instants: options.instants.then(|| Vec::with_capacity(n)),
            provisional: options.details.then(|| Vec::with_capacity(n)),
            ..DueColumns::default()
        };
        for (i, row) in parts.into_iter().flatten().enumerate() {
            match row {
                Ok(due) => {
                    columns.dates.push(epoch_day(due.due_date));
                    if let Some(at) = &mut columns.instants {
                        at.push(due.due_at.timestamp());
                    }
                    if let Some(p) = &mut columns.provisional {
                        p.push(due.provisional);
                        for b in due.basis {
                            if !columns.basis.contains(&b) {
                                columns.basis.push(b);
                            }
                        }
                    }
                }
                Err(e) => {
                    columns.dates.push(NAT);
                    if let Some(at) = &mut columns.instants {
                        at.push(NAT);
                    }
                    if let Some(p) = &mut columns.provisional {
                        p.push(false);
                    }
                    columns.errors.push((i, e));
                }
            }
        }
        columns
    }
}

impl DueColumns {
    /// Put a host's own row errors (values it could not convert, given placeholders) in
    /// place of whatever was computed for those rows: one error per row, the host's first.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::columns::{DueColumns, NAT};
    /// let mut c = DueColumns { dates: vec![1, 2], ..Default::default() };
    /// c.merge(vec![(1, zhidu::Error::Input { message: "bad".into(), hint: None })]);
    /// assert_eq!((c.dates[1], c.errors.len()), (NAT, 1));
    /// ```
    pub fn merge(&mut self, bad: Vec<(usize, Error)>) {
        if bad.is_empty() {
            return;
        }
        for (i, _) in &bad {
            if let Some(d) = self.dates.get_mut(*i) {
                *d = NAT;
            }
            if let Some(at) = self.instants.as_mut().and_then(|a| a.get_mut(*i)) {
                *at = NAT;
            }
            if let Some(p) = self.provisional.as_mut().and_then(|p| p.get_mut(*i)) {
                *p = false;
            }
        }
        // The first error given for a row is kept: a stable sort, then the duplicates after
        // it dropped (a search of the kept rows for each one was quadratic: a million bad
        // rows never finished).
        let mut ours = bad;
        ours.sort_by_key(|(i, _)| *i);
        ours.dedup_by_key(|(i, _)| *i);
        let core = std::mem::take(&mut self.errors);
        let mut merged = Vec::with_capacity(core.len() + ours.len());
        let mut ours = ours.into_iter().peekable();
        for (i, e) in core {
            while let Some(row) = ours.next_if(|(j, _)| *j <= i) {
                merged.push(row);
            }
            if merged.last().is_none_or(|(j, _)| *j != i) {
                merged.push((i, e));
            }
        }
        merged.extend(ours);
        self.errors = merged;
    }
}
