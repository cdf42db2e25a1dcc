//! The typed case diff both what-ifs share: a case's status under two policies, and which
//! of due date, status and overdue days differ, with the rules responsible. The calendar's
//! provisional-vs-notice diff (`notice_diff.rs`) and the two-set what-if
//! ([`crate::Policy::what_if`]) both compare cases with [`compare`].

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::Responsible;
use crate::{Case, CaseEvent, CaseStatus, Error, Policy};

/// How one case's answer changes between two policies (two versions of a policy, or its
/// calendar before and after a notice).
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
/// assert_eq!(change.responsible[0].to_string(), "calendar cn-mainland");
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CaseChange {
    /// The case's id.
    pub id: String,
    /// Which of `due_date`, `status` and `overdue_days` differ, in that order.
    pub changed: Vec<&'static str>,
    /// The status under the first policy (before).
    pub old: CaseStatus,
    /// The status under the second policy (after).
    pub new: CaseStatus,
    /// The rules whose values differ between the two policies and that this case used: its
    /// class, the suspension reasons of its events, else its calendar.
    pub responsible: Vec<Responsible>,
}

/// The case under both policies at `as_of`; `None` when nothing the diff lists moves.
pub(crate) fn compare(
    before: &Policy,
    after: &Policy,
    case: &Case,
    as_of: DateTime<FixedOffset>,
) -> Result<Option<CaseChange>, Error> {
    let old = before.case_status(case, as_of)?;
    let new = after.case_status(case, as_of)?;
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
        responsible: responsible(before, after, case),
    }))
}

/// The case's class if its values differ, the suspension reasons of its events that
/// differ; when neither does, what is left to move a due date is the calendar.
fn responsible(before: &Policy, after: &Policy, case: &Case) -> Vec<Responsible> {
    let mut out = Vec::new();
    let class = |p: &Policy| {
        p.class(&case.class)
            .ok()
            .map(|c| format!("{:?}", (c.class, c.item)))
    };
    if class(before) != class(after) {
        out.push(Responsible::new("class", &case.class));
    }
    let mut reasons: Vec<&str> = case
        .events
        .iter()
        .filter_map(|e| match e {
            CaseEvent::Suspend { reason, .. } => Some(reason.as_str()),
            _ => None,
        })
        .collect();
    reasons.sort_unstable();
    reasons.dedup();
    for reason in reasons {
        let of = |p: &Policy| p.suspension(reason).ok().map(|s| format!("{s:?}"));
        if of(before) != of(after) {
            out.push(Responsible::new("suspension", reason));
        }
    }
    if out.is_empty() {
        out.push(Responsible::new("calendar", after.calendar().id()));
    }
    out
}
