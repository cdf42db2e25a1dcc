//! The deadline data a policy holds: units, clock effects and starts, when a day ends,
//! classes, service items and suspension reasons. These depend on the ground floor only, so
//! [`Policy`](crate::Policy) can hold them without the deadline answers that read them.

use serde::Serialize;

use super::hours;
use crate::source::{Clause, DefaultNote};

/// The unit a deadline class counts in.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let p = ps.policy("s10-service-system").unwrap();
/// assert_eq!(p.class("immediate").unwrap().unit(), zhidu::Unit::Minutes);
/// assert_eq!(zhidu::Unit::WorkingDays.to_string(), "working_days");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Wall-clock minutes.
    Minutes,
    /// Minutes inside office sessions of working days.
    OfficeMinutes,
    /// Wall-clock hours.
    Hours,
    /// Working days of the calendar (次日起算).
    WorkingDays,
    /// Calendar days (次日起算), optionally rolled to the next working day.
    CalendarDays,
}

impl Unit {
    /// Whether the unit counts whole days.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhidu::Unit::CalendarDays.is_days());
    /// assert!(!zhidu::Unit::Hours.is_days());
    /// ```
    #[must_use]
    pub fn is_days(self) -> bool {
        matches!(self, Unit::WorkingDays | Unit::CalendarDays)
    }
}

impl core::fmt::Display for Unit {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Unit::Minutes => "minutes",
            Unit::OfficeMinutes => "office_minutes",
            Unit::Hours => "hours",
            Unit::WorkingDays => "working_days",
            Unit::CalendarDays => "calendar_days",
        })
    }
}

/// How a suspension reason acts on a case clock.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let p = ps.policy("s2-service-center").unwrap();
/// assert_eq!(p.suspension("hearing").unwrap().effect(), zhidu::Effect::Pause);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The clock stops and later goes on where it stopped.
    Pause,
    /// On resume the count begins again from the resume date (次日起算).
    Restart,
}

/// What starts a class's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockStart {
    /// The acceptance instant (受理).
    Acceptance,
    /// A `start` event on the case, such as materials complete (补齐材料) or the superior's
    /// reply; until then the case is `not_started`.
    StartEvent,
}

/// When a due day ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayEnd {
    /// 24:00 (the default).
    Midnight,
    /// The end of the policy's last office session.
    OfficeClose,
}

/// How a class's limit is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Limit {
    Fixed(u32),
    PerCase {
        default: Option<u32>,
        usual: Option<(u32, u32)>,
    },
}

/// A deadline class such as 承诺件 (promised item) or 即办件 (immediate item).
#[derive(Clone, Debug)]
pub(crate) struct DeadlineClass {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) unit: Unit,
    pub(crate) limit: Limit,
    pub(crate) legal_limit: Option<u32>,
    pub(crate) warn_before: u32,
    pub(crate) roll: bool,
    pub(crate) clock_start: ClockStart,
    /// `u32::MAX` when extensions are uncapped.
    pub(crate) max_extension: u32,
    pub(crate) extension_needs_reason: bool,
    pub(crate) source: Clause,
    pub(crate) also: Vec<String>,
    pub(crate) defaults: Vec<DefaultNote>,
    /// The office sessions of the class's policy (for `office_minutes`), if it has any.
    pub(crate) office: Option<std::sync::Arc<hours::OfficeHours>>,
}

/// A service item: a named matter of a class with its own legal and promised limits.
#[derive(Clone, Debug)]
pub(crate) struct ServiceItem {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) class: usize,
    pub(crate) legal_limit: Option<u32>,
    pub(crate) promised_limit: u32,
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
}

/// A reason a case clock may stop (补正, 听证, 检验检测, 专家评审, 上报待批 …).
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let s = ps.policy("s2-service-center").unwrap().suspension("correction").unwrap();
/// assert_eq!(s.name(), "补正");
/// assert_eq!(s.effect(), zhidu::Effect::Restart);
/// ```
#[derive(Clone, Debug)]
pub struct SuspensionReason {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) effect: Effect,
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
}

impl SuspensionReason {
    /// The reason's id as used in case events.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.policy("s2-service-center").unwrap().suspension("hearing").unwrap().id(), "hearing");
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The reason's Chinese name, such as 听证.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.policy("s2-service-center").unwrap().suspension("hearing").unwrap().name(), "听证");
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the reason pauses or restarts the clock.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let s = ps.policy("s2-service-center").unwrap().suspension("expert_review").unwrap();
    /// assert_eq!(s.effect(), zhidu::Effect::Pause);
    /// ```
    #[must_use]
    pub fn effect(&self) -> Effect {
        self.effect
    }

    /// The clause the reason comes from.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let s = ps.policy("s2-service-center").unwrap().suspension("correction").unwrap();
    /// assert!(!s.source().clause.is_empty());
    /// ```
    #[must_use]
    pub fn source(&self) -> &Clause {
        &self.source
    }

    /// The defaults the reason relies on (its effect is not stated in the seed).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let s = ps.policy("s2-service-center").unwrap().suspension("hearing").unwrap();
    /// assert!(!s.defaults().is_empty());
    /// ```
    #[must_use]
    pub fn defaults(&self) -> &[DefaultNote] {
        &self.defaults
    }
}
