//! What moves when a notice lands: a case's status under two calendars, side by side.
//!
//! On the day a State Council notice is published, a centre adds it as a notice file; the
//! cases whose due date, status or overdue days differ between the provisional year and the
//! notice are the ones to look at again.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::{Case, CaseStatus, Error, Policy};

/// How one case's answer changes between two versions of a policy's calendar.
///
/// # Example
///
/// ```
/// use zhidu::{Case, PolicySet, Start};
/// let notice = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/notices/test-2027.toml")).unwrap();
/// let old = PolicySet::builtin()?;
/// let new = PolicySet::from_sources(&[("test-2027.toml", notice.as_str())])?;
/// let (p, q) = (old.policy("s2-service-center")?, new.policy("s2-service-center")?);
/// let case = Case::new("C1", "promised", "2026-12-10".parse::<Start>()?, Some(20));
/// let as_of = Start::parse_instant("2026-12-15", p.calendar().offset())?;
/// let change = p.case_change(q, &case, as_of)?.unwrap();
/// assert_eq!(change.changed, ["due_date"]);
/// assert_eq!(change.old.due_date.unwrap().to_string(), "2027-01-08");
/// assert_eq!(change.new.due_date.unwrap().to_string(), "2027-01-09");
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CaseChange {
    /// The case's id.
    pub id: String,
    /// Which of `due_date`, `status` and `overdue_days` differ, in that order.
    pub changed: Vec<&'static str>,
    /// The status under this policy's calendar (before the notice).
    pub old: CaseStatus,
    /// The status under the other policy's calendar (with the notice).
    pub new: CaseStatus,
}

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
        let old = self.case_status(case, as_of)?;
        let new = with.case_status(case, as_of)?;
        let mut changed = Vec::new();
        if old.due_date != new.due_date {
            changed.push("due_date");
        }
        if old.status != new.status {
            changed.push("status");
        }
        if old.overdue_days != new.overdue_days {
            changed.push("overdue_days");
        }
        if changed.is_empty() {
            return Ok(None);
        }
        Ok(Some(CaseChange {
            id: case.id.clone(),
            changed,
            old,
            new,
        }))
    }
}
