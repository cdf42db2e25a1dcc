//! What moves when a notice lands: a case's status under two calendars, side by side.
//!
//! On the day a State Council notice is published, a centre adds it as a notice file; the
//! cases whose due date, status or overdue days differ between the provisional year and the
//! notice are the ones to look at again. The comparison is the what-if's
//! ([`crate::Policy::what_if`]): one typed case diff for both.

use crate::{Case, CaseChange, Error, Policy};
use chrono::{DateTime, FixedOffset};

impl Policy {
    /// The case's status under this policy and under `with` (the same policy loaded with a
    /// notice file), when its due date, status or overdue days differ; `None` when nothing
    /// moves.
    ///
    /// # Errors
    ///
    /// As [`Policy::case_status`], under either calendar.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, Start};
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let p = ps.policy("s2-service-center")?;
    /// let case = Case::new("C1", "promised", "2026-09-30".parse::<Start>()?, Some(5));
    /// let as_of = Start::parse_instant("2026-10-12", p.calendar().offset())?;
    /// assert_eq!(p.case_change(p, &case, as_of)?, None);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn case_change(
        &self,
        with: &Policy,
        case: &Case,
        as_of: DateTime<FixedOffset>,
    ) -> Result<Option<CaseChange>, Error> {
        crate::what_if::cases::compare(self, with, case, as_of)
    }
}
