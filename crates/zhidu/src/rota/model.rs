//! The duty rota's data: the ordered window list, how many are on duty a month, who
//! convenes, and the patrol rule.

use serde::Serialize;

use crate::source::{Clause, DefaultNote};

/// One window of the ordered rota list (月值班窗口安排表), with its head, who is the duty
/// officer (S4.est.2).
///
/// # Example
///
/// ```
/// let w = zhidu::DutyWindow::new("W01", Some("张三"));
/// assert_eq!(w.head.as_deref(), Some("张三"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DutyWindow {
    /// The window's id.
    pub window: String,
    /// The window head (窗口负责人), the duty officer; unknown when absent.
    pub head: Option<String>,
}

impl DutyWindow {
    /// A window of the rota list.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::DutyWindow::new("W02", None).window, "W02");
    /// ```
    #[must_use]
    pub fn new(window: impl Into<String>, head: Option<&str>) -> DutyWindow {
        DutyWindow {
            window: window.into(),
            head: head.map(str::to_owned),
        }
    }
}

/// Which days a duty window must patrol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PatrolDays {
    /// The calendar's working days (the hall is open).
    WorkingDays,
    /// Every day.
    EveryDay,
}

/// `[patrols]`: at least `per_day` hall patrols a day by each duty window.
#[derive(Clone, Debug)]
pub(crate) struct PatrolRule {
    pub(crate) per_day: u32,
    pub(crate) days: PatrolDays,
    /// The rule code a day short is reported as (an incident of the deduction table).
    pub(crate) failure_rule: String,
    pub(crate) failure_clause: Clause,
    pub(crate) source: Vec<Clause>,
    pub(crate) defaults: Vec<DefaultNote>,
}

/// `[rota]` and `[patrols]` of a policy.
#[derive(Clone, Debug)]
pub(crate) struct RotaModel {
    /// The policy's own ordered list; empty when the centre gives it with each call (A25).
    pub(crate) windows: Vec<DutyWindow>,
    pub(crate) per_month: u32,
    pub(crate) source: Vec<Clause>,
    pub(crate) defaults: Vec<DefaultNote>,
    /// 1-based position, in the month's duty list, of the window that convenes.
    pub(crate) convener_position: u32,
    pub(crate) convener_source: Vec<Clause>,
    pub(crate) convener_defaults: Vec<DefaultNote>,
    pub(crate) stand_in_source: Vec<Clause>,
    pub(crate) stand_in_defaults: Vec<DefaultNote>,
    pub(crate) patrols: Option<PatrolRule>,
}
