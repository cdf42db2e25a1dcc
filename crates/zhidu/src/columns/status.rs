//! Case statuses for many cases at one instant, computed in chunks on threads.

use chrono::{DateTime, FixedOffset};

use super::chunks::chunked;
use crate::Error;
use crate::Policy;
use crate::case::{Case, CaseStatus};

impl Policy {
    /// [`Policy::case_statuses`] for a column of case rows as a host read them, in order, on up
    /// to `threads` threads: a row
    /// that could not be read stays an error in its place, and so does a case whose status
    /// cannot be computed.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, Start};
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let p = ps.policy("s2-service-center")?;
    /// let rows = vec![
    ///     Ok(Case::new("C1", "promised", "2026-09-30".parse::<Start>()?, Some(5))),
    ///     Ok(Case::new("C2", "no_such_class", "2026-09-30".parse::<Start>()?, None)),
    /// ];
    /// let out = p.case_status_column(&rows, "2026-10-12T12:00:00+08:00".parse()?, 1);
    /// assert_eq!(out[0].as_ref().unwrap().remaining, Some(2)); // 10-12, 10-13
    /// assert_eq!(out[1].as_ref().unwrap_err().code(), "unknown_class");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn case_status_column(
        &self,
        cases: &[Result<Case, Error>],
        as_of: DateTime<FixedOffset>,
        threads: usize,
    ) -> Vec<Result<CaseStatus, Error>> {
        chunked(cases.len(), threads, |first, len| {
            cases
                .get(first..first + len)
                .unwrap_or(&[])
                .iter()
                .map(|c| match c {
                    Ok(case) => self.case_status(case, as_of),
                    Err(e) => Err(e.clone()),
                })
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect()
    }
}
