//! Cases and their status at an instant: on track, yellow, red, suspended, done on time or
//! late, with remaining and overdue working days.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};

use crate::Policy;
use crate::deadline::{
    Class, ClockStart, DueExplanation, Interval, Outcome, Start, SuspensionReason, Unit,
};
use crate::{Calendar, Error, Warning};

/// The most events one case may carry; more is an input error, not a slow evaluation.
pub const MAX_EVENTS_PER_CASE: usize = 1_000;

/// A case (办件) as a case log records it.
///
/// In JSON Lines, one object per line:
///
/// ```json
/// {"id":"C1","class":"promised","accepted_at":"2026-09-30T10:00:00+08:00","days":5,
///  "handler":"张三","window":"W01",
///  "events":[{"kind":"suspend","at":"2026-10-09T10:00:00+08:00","reason":"expert_review"},
///            {"kind":"resume","at":"2026-10-14T09:00:00+08:00"}],
///  "completed_at":null}
/// ```
///
/// `class` may name a deadline class or a service item. Instants are RFC 3339, or wall
/// times and plain dates in the calendar's zone.
///
/// # Example
///
/// ```
/// let case: zhidu::Case = serde_json::from_str(
///     r#"{"id":"C1","class":"promised","accepted_at":"2026-09-30","days":5}"#,
/// ).unwrap();
/// assert_eq!(case.days, Some(5));
/// ```
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Case {
    /// The case's id in the log.
    pub id: String,
    /// Deadline class or service item id.
    #[serde(alias = "item")]
    pub class: String,
    /// When the case was accepted (受理).
    #[serde(deserialize_with = "start")]
    pub accepted_at: Start,
    /// The per-case limit (the promised days of a 承诺件), for classes that take one.
    #[serde(default)]
    pub days: Option<u32>,
    /// The handling person.
    #[serde(default)]
    pub handler: Option<String>,
    /// The window (窗口).
    #[serde(default)]
    pub window: Option<String>,
    /// Suspensions, resumptions, extensions and clock starts.
    #[serde(default)]
    pub events: Vec<CaseEvent>,
    /// When the case was completed (办结), if it was.
    #[serde(default, deserialize_with = "opt_start")]
    pub completed_at: Option<Start>,
    /// A joint item (联办件): overdue deductions use the joint-item rules (A18).
    #[serde(default)]
    pub joint: bool,
}

impl Case {
    /// A case with no events, not completed.
    ///
    /// # Example
    ///
    /// ```
    /// let case = zhidu::Case::new("C1", "promised", "2026-09-30".parse::<zhidu::Start>().unwrap(), Some(5));
    /// assert!(case.events.is_empty());
    /// ```
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        class: impl Into<String>,
        accepted_at: impl Into<Start>,
        days: Option<u32>,
    ) -> Case {
        Case {
            id: id.into(),
            class: class.into(),
            accepted_at: accepted_at.into(),
            days,
            handler: None,
            window: None,
            events: Vec::new(),
            completed_at: None,
            joint: false,
        }
    }
}

/// Something that happened to a case's clock.
///
/// # Example
///
/// ```
/// let e: zhidu::CaseEvent = serde_json::from_str(
///     r#"{"kind":"extend","at":"2026-10-12T09:00:00+08:00","days":3,"approved_by":"主任"}"#,
/// ).unwrap();
/// assert!(matches!(e, zhidu::CaseEvent::Extend { days: 3, .. }));
/// ```
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CaseEvent {
    /// The clock stops for a reason of the policy (补正, 听证 …).
    Suspend {
        /// When.
        #[serde(deserialize_with = "start")]
        at: Start,
        /// A suspension reason id of the policy.
        reason: String,
    },
    /// The clock goes on (or restarts, as the reason says).
    Resume {
        /// When.
        #[serde(deserialize_with = "start")]
        at: Start,
    },
    /// The limit is extended.
    Extend {
        /// When the extension was approved.
        #[serde(deserialize_with = "start")]
        at: Start,
        /// Units added.
        days: u32,
        /// Who approved it.
        #[serde(default)]
        approved_by: Option<String>,
        /// Why: the notice logged with it (required by classes such as S2.ts.6d's).
        #[serde(default)]
        reason: Option<String>,
    },
    /// The clock starts (materials complete, the superior's reply …) for classes whose
    /// clock starts on an event.
    Start {
        /// When.
        #[serde(deserialize_with = "start")]
        at: Start,
    },
    /// A step of the item flow was done (S14.biz.1.2a: 一次性告知 → 受理 → …): checked by
    /// [`crate::Policy::flow_findings`], ignored by the clock.
    Step {
        /// When.
        #[serde(deserialize_with = "start")]
        at: Start,
        /// The step's id or name in the policy's `[flow]`.
        step: String,
    },
}

impl CaseEvent {
    /// Parse the compact event list of the CSV case-log form: events separated by `;`, each
    /// `kind instant [reason|days]` (an extension may end with its reason:
    /// `extend instant days reason…`), such as
    /// `suspend 2026-10-09T10:00+08:00 expert_review; resume 2026-10-14T09:00+08:00`.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] naming the event that does not parse.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::CaseEvent;
    /// let events = CaseEvent::parse_list("suspend 2026-10-09T10:00 hearing; resume 2026-10-14T09:00; extend 2026-10-15 2").unwrap();
    /// assert_eq!(events.len(), 3);
    /// assert!(matches!(&events[0], CaseEvent::Suspend { reason, .. } if reason == "hearing"));
    /// assert!(CaseEvent::parse_list("pause 2026-10-09").is_err());
    /// ```
    pub fn parse_list(text: &str) -> Result<Vec<CaseEvent>, Error> {
        let mut events = Vec::new();
        for (i, part) in text
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .enumerate()
        {
            if i >= MAX_EVENTS_PER_CASE {
                return Err(Error::input(
                    format!("more than {MAX_EVENTS_PER_CASE} events"),
                    None,
                ));
            }
            let fields: Vec<&str> = part.split_whitespace().collect();
            let bad = || {
                Error::input(
                    format!("event `{part}` is not `kind instant [reason|days]`"),
                    Some("write e.g. `suspend 2026-10-09T10:00+08:00 hearing`, `resume 2026-10-14T09:00`, `extend 2026-10-15 2`, `start 2026-10-09` or `step 2026-10-09 accept`".to_owned()),
                )
            };
            let (kind, at, arg, why) = match fields.as_slice() {
                [kind, at] => (*kind, at.parse::<Start>()?, None, None),
                [kind, at, arg] => (*kind, at.parse::<Start>()?, Some(*arg), None),
                // `extend INSTANT DAYS REASON…`: the rest of the event is the reason.
                [kind, at, arg, rest @ ..] if *kind == "extend" => (
                    *kind,
                    at.parse::<Start>()?,
                    Some(*arg),
                    Some(rest.join(" ")),
                ),
                _ => return Err(bad()),
            };
            events.push(match (kind, arg) {
                ("suspend", Some(reason)) if why.is_none() => CaseEvent::Suspend {
                    at,
                    reason: reason.to_owned(),
                },
                ("resume", None) => CaseEvent::Resume { at },
                ("start", None) => CaseEvent::Start { at },
                ("step", Some(step)) if why.is_none() => CaseEvent::Step {
                    at,
                    step: step.to_owned(),
                },
                ("extend", Some(days)) => CaseEvent::Extend {
                    at,
                    days: days.parse().map_err(|_| {
                        Error::input(
                            format!("`{days}` in event `{part}` is not a whole number of days"),
                            None,
                        )
                    })?,
                    approved_by: None,
                    reason: why,
                },
                _ => return Err(bad()),
            });
        }
        Ok(events)
    }
}

pub(crate) fn start<'de, D: Deserializer<'de>>(d: D) -> Result<Start, D::Error> {
    let s = String::deserialize(d)?;
    s.parse().map_err(serde::de::Error::custom)
}

fn opt_start<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Start>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(s) if !s.trim().is_empty() => s.parse().map(Some).map_err(serde::de::Error::custom),
        _ => Ok(None),
    }
}

/// Where a case stands.
///
/// # Example
///
/// ```
/// assert_eq!(zhidu::Status::DoneLate.to_string(), "done_late");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Accepted after the as-of instant: not yet known then, so left out of listings,
    /// reports and overdue deductions as of that instant.
    NotYetAccepted,
    /// The clock has not started (waiting for a start event such as complete materials).
    NotStarted,
    /// Open, with more than the warning threshold left.
    OnTrack,
    /// Open, within the warning threshold (黄牌预警).
    Yellow,
    /// Open and past due (红牌).
    Red,
    /// Open and stopped by a suspension that has not ended.
    Suspended,
    /// Completed at or before the due instant, or completed while the clock was stopped
    /// (suspended, or never started) with part of the limit left.
    DoneOnTime,
    /// Completed after the due instant.
    DoneLate,
}

impl Status {
    /// Whether the case is known at the as-of instant (accepted at or before it).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!zhidu::Status::NotYetAccepted.is_known());
    /// assert!(zhidu::Status::NotStarted.is_known());
    /// ```
    #[must_use]
    pub fn is_known(self) -> bool {
        self != Status::NotYetAccepted
    }

    /// Whether the case was completed by the as-of instant.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhidu::Status::DoneLate.is_done());
    /// assert!(!zhidu::Status::Suspended.is_done());
    /// ```
    #[must_use]
    pub fn is_done(self) -> bool {
        matches!(self, Status::DoneOnTime | Status::DoneLate)
    }
}

impl core::fmt::Display for Status {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Status::NotYetAccepted => "not_yet_accepted",
            Status::NotStarted => "not_started",
            Status::OnTrack => "on_track",
            Status::Yellow => "yellow",
            Status::Red => "red",
            Status::Suspended => "suspended",
            Status::DoneOnTime => "done_on_time",
            Status::DoneLate => "done_late",
        })
    }
}

/// A case's status at an instant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CaseStatus {
    /// The case's id.
    pub id: String,
    /// The class or item id.
    pub class: String,
    /// Where the case stands.
    pub status: Status,
    /// The due day (none while not started or suspended).
    pub due_date: Option<NaiveDate>,
    /// The due instant.
    pub due_at: Option<DateTime<FixedOffset>>,
    /// The limit in force, with extensions, in `unit`.
    pub limit: u32,
    /// The class's unit.
    pub unit: Unit,
    /// Units left for an open case that is not red (rounded up).
    pub remaining: Option<u64>,
    /// Working days past due: for a late or red case each started working day after the due
    /// day, at least 1; otherwise 0.
    pub overdue_days: u32,
    /// Whether the computation touched a day of a provisional year (see [`crate::Due`]).
    pub provisional: bool,
    /// For a provisional status, the basis of each provisional year it touched.
    pub basis: Vec<String>,
    /// The due day under the legal limit (法定时限), when the class or item has one and the
    /// calendar covers that day (a legal due date in a year after the calendar's last leaves
    /// this empty; the case's own status does not depend on it).
    pub legal_due_date: Option<NaiveDate>,
    /// When the case was completed, if it was by `as_of`.
    pub completed_at: Option<DateTime<FixedOffset>>,
    /// The handling person.
    pub handler: Option<String>,
    /// The window.
    pub window: Option<String>,
    /// The clause ids the status rests on.
    pub clauses: Vec<String>,
    /// What a person should look at; the status stands (a promised limit outside the usual
    /// range, a clock that never started, an extension or suspension recorded after the due
    /// instant and therefore set aside). Empty for most cases.
    pub warnings: Vec<Warning>,
}

/// A case's events checked and resolved: where the clock starts, its suspensions (with
/// reason ids) and the extension total, as of an instant.
struct Timeline<'p> {
    start: Option<DateTime<FixedOffset>>,
    /// Each suspension with its reason (the policy's own, not a copy of its id).
    intervals: Vec<(Interval, &'p SuspensionReason)>,
    extension: u32,
    /// Events set aside (recorded after the due instant), as warnings.
    warnings: Vec<Warning>,
}

impl Policy {
    /// The status of `case` at `as_of`. Events after `as_of` are not yet known and are
    /// ignored; a completion after `as_of` leaves the case open.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] for an inconsistent case (a resume without a suspension, an unknown
    /// reason, an extension over the class's cap, events before acceptance …), and as
    /// [`Policy::due`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, Start, Status};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let case = Case::new("C1", "promised", "2026-09-30T10:00:00+08:00".parse::<Start>().unwrap(), Some(5));
    /// let as_of = Start::parse_instant("2026-10-12T09:00:00+08:00", p.calendar().offset()).unwrap();
    /// let s = p.case_status(&case, as_of).unwrap();
    /// // Due 10-13: two counted days are left (10-12 and 10-13), the yellow threshold.
    /// assert_eq!((s.status, s.remaining), (Status::Yellow, Some(2)));
    /// ```
    pub fn case_status(
        &self,
        case: &Case,
        as_of: DateTime<FixedOffset>,
    ) -> Result<CaseStatus, Error> {
        let class = self.class(&case.class)?;
        let cal = self.calendar();
        let accepted = case.accepted_at.resolve(cal, class.class)?;
        cal.index(accepted.with_timezone(&cal.offset()).date_naive())?;
        self.check_in_force(accepted.with_timezone(&cal.offset()).date_naive())?;
        let base = class.resolve_limit(case.days)?;
        let completed = match case.completed_at {
            Some(c) => Some(c.resolve(cal, class.class)?),
            None => None,
        };
        if let Some(c) = completed {
            if c < accepted {
                return Err(Error::input(
                    format!(
                        "case `{}` is completed ({c}) before it was accepted ({accepted})",
                        case.id
                    ),
                    None,
                ));
            }
        }
        let mut status = CaseStatus {
            id: case.id.clone(),
            class: class.id().to_owned(),
            status: Status::NotStarted,
            due_date: None,
            due_at: None,
            limit: base,
            unit: class.unit(),
            remaining: None,
            overdue_days: 0,
            provisional: false,
            basis: Vec::new(),
            legal_due_date: None,
            completed_at: None,
            handler: case.handler.clone(),
            window: case.window.clone(),
            clauses: class.clause_ids(),
            warnings: class.limit_warnings(case.days),
        };
        if accepted > as_of {
            // Not yet known at `as_of`: no clock, no completion, nothing to count.
            status.status = Status::NotYetAccepted;
            return Ok(status);
        }
        let done = completed.filter(|c| *c <= as_of);
        let horizon = done.unwrap_or(as_of);
        let timeline = self.timeline(&class, case, accepted, horizon, base)?;
        let limit = base.saturating_add(timeline.extension);
        status.limit = limit;
        status.completed_at = done;
        status.warnings.extend(timeline.warnings.iter().cloned());
        for (_, r) in &timeline.intervals {
            if !status.clauses.contains(&r.source.clause) {
                status.clauses.push(r.source.clause.clone());
            }
        }
        let Some(start) = timeline.start else {
            if done.is_some() {
                // Completed before its clock started (e.g. before the materials were
                // complete): nothing of the limit was used, so it is on time, with no due date.
                status.status = Status::DoneOnTime;
                status.warnings.push(Warning::new(
                    "clock_never_started",
                    format!(
                        "case `{}` was completed before its clock started: it is on time and has no due date",
                        case.id
                    ),
                    class.class.source.clause.clone(),
                    Some("—"),
                ));
            }
            return Ok(status);
        };
        let clock = crate::deadline::Clock::new(cal, class.class, self.day_end_minutes());
        // The suspensions without their reasons, as the clock takes them (no copy).
        let intervals = || timeline.intervals.iter().map(|(i, _)| i);
        if let Some(legal) = class.legal_limit().filter(|&l| l != base) {
            // Extra information: a legal due date past the calendar's last year must not make
            // a case that is due well inside it an error (issue #8: a 3-day case accepted in
            // late December with a 20-day legal limit failed as `coverage`).
            match clock.run(
                start,
                u64::from(legal.saturating_add(timeline.extension)),
                intervals(),
            ) {
                Ok(Outcome::Due { at: t, .. }) => {
                    status.legal_due_date = Some(class.make_due(t, legal).due_date);
                }
                Ok(Outcome::Suspended { .. }) | Err(Error::Coverage { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        match clock.run(start, u64::from(limit), intervals())? {
            Outcome::Suspended { remaining, .. } => {
                if done.is_some() {
                    // Completed while the clock was stopped with part of the limit left (a
                    // suspension after the due instant is set aside, so it cannot hide an
                    // overrun): on time, judged on the clock as it stood; the due day was
                    // never fixed.
                    status.status = Status::DoneOnTime;
                } else {
                    status.status = Status::Suspended;
                    status.remaining = Some(clock.to_units(remaining));
                }
            }
            Outcome::Due { at: t, anchor } => {
                let due = class.make_due(t, limit);
                status.due_date = Some(due.due_date);
                status.due_at = Some(due.due_at);
                let late = horizon > due.due_at;
                status.status = match (done.is_some(), late) {
                    (true, false) => Status::DoneOnTime,
                    (true, true) => Status::DoneLate,
                    (false, true) => Status::Red,
                    (false, false) => {
                        // Nothing before the anchor counts: not the start day (次日起算), not
                        // the days before a restart.
                        let from = as_of.timestamp().max(anchor);
                        let left = clock.to_units(clock.counted(from, t)?);
                        status.remaining = Some(left);
                        if left <= u64::from(class.class.warn_before) {
                            Status::Yellow
                        } else {
                            Status::OnTrack
                        }
                    }
                };
                if late {
                    status.overdue_days = overdue_days(cal, due.due_date, horizon)?;
                }
            }
        }
        self.mark_provisional(&mut status, start, horizon)?;
        Ok(status)
    }

    /// Mark a status whose computation touched a provisional day (due date, legal due date,
    /// remaining or overdue days up to the horizon); with `beyond_notices = "error"`, the
    /// coverage error instead (a legal due date past the last notice is then left empty).
    fn mark_provisional(
        &self,
        status: &mut CaseStatus,
        start: DateTime<FixedOffset>,
        horizon: DateTime<FixedOffset>,
    ) -> Result<(), Error> {
        let cal = self.calendar();
        let day = |t: DateTime<FixedOffset>| t.with_timezone(&cal.offset()).date_naive();
        let from = day(start);
        let mut last = day(horizon.max(start));
        if let Some(d) = status.due_date {
            last = last.max(d);
        }
        if let Some(legal) = status.legal_due_date {
            if cal.is_provisional(legal).unwrap_or(false) && self.beyond_notices_error {
                status.legal_due_date = None;
            } else {
                last = last.max(legal);
            }
        }
        if let Some(basis) = crate::deadline::provisional_span(self, from, last)? {
            status.provisional = true;
            status.basis = basis;
        }
        Ok(())
    }

    /// [`Policy::case_status`] for many cases; one result per case, in order, so a bad case
    /// never hides the others.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, Start};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let cases = vec![
    ///     Case::new("ok", "promised", "2026-09-30".parse::<Start>().unwrap(), Some(5)),
    ///     Case::new("bad", "promsied", "2026-09-30".parse::<Start>().unwrap(), Some(5)),
    /// ];
    /// let as_of = Start::parse_instant("2026-11-01", p.calendar().offset()).unwrap();
    /// let out = p.case_statuses(&cases, as_of);
    /// assert!(out[0].is_ok() && out[1].is_err());
    /// ```
    pub fn case_statuses(
        &self,
        cases: &[Case],
        as_of: DateTime<FixedOffset>,
    ) -> Vec<Result<CaseStatus, Error>> {
        cases.iter().map(|c| self.case_status(c, as_of)).collect()
    }

    /// The explanation of a case's due date as of `as_of`: counted, skipped and suspended
    /// days with the clauses used.
    ///
    /// # Errors
    ///
    /// As [`Policy::case_status`]; also [`Error::Input`] when the clock has not started or
    /// is suspended (there is no due date to explain).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, Start};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let case = Case::new("C1", "promised", "2026-09-30".parse::<Start>().unwrap(), Some(5));
    /// let as_of = Start::parse_instant("2026-10-01", p.calendar().offset()).unwrap();
    /// assert_eq!(p.explain_case(&case, as_of).unwrap().due.due_date.to_string(), "2026-10-13");
    /// ```
    pub fn explain_case(
        &self,
        case: &Case,
        as_of: DateTime<FixedOffset>,
    ) -> Result<DueExplanation, Error> {
        let status = self.case_status(case, as_of)?;
        let class = self.class(&case.class)?;
        let (Some(due_date), Some(due_at)) = (status.due_date, status.due_at) else {
            return Err(Error::input(
                format!("case `{}` has no due date yet ({})", case.id, status.status),
                None,
            ));
        };
        let accepted = case.accepted_at.resolve(self.calendar(), class.class)?;
        let horizon = status.completed_at.unwrap_or(as_of);
        let base = class.resolve_limit(case.days)?;
        let timeline = self.timeline(&class, case, accepted, horizon, base)?;
        let start = timeline.start.unwrap_or(accepted);
        let mut due = crate::Due::from_parts(due_date, due_at, status.limit, status.unit);
        due.provisional = status.provisional;
        due.basis = status.basis;
        crate::deadline::explain_with(&class, start, due, &timeline.intervals)
    }

    /// Check a case's events and resolve them into a timeline as of `horizon`.
    ///
    /// An extension or a suspension recorded after the due instant that the events before it
    /// give is set aside with a warning: an overrun is not cured after the fact (notice comes
    /// before the limit runs out, S7.art7.4d), so neither moves the due date.
    fn timeline(
        &self,
        class: &Class<'_>,
        case: &Case,
        accepted: DateTime<FixedOffset>,
        horizon: DateTime<FixedOffset>,
        base: u32,
    ) -> Result<Timeline<'_>, Error> {
        if case.events.len() > MAX_EVENTS_PER_CASE {
            return Err(Error::input(
                format!(
                    "case `{}` has {} events, over the limit of {MAX_EVENTS_PER_CASE}",
                    case.id,
                    case.events.len()
                ),
                None,
            ));
        }
        let cal = self.calendar();
        let mut events = Vec::with_capacity(case.events.len());
        for e in &case.events {
            let at = match e {
                CaseEvent::Suspend { at, .. }
                | CaseEvent::Resume { at }
                | CaseEvent::Extend { at, .. }
                | CaseEvent::Start { at } => at,
                // Flow steps do not move the clock; 一次性告知 comes before acceptance.
                CaseEvent::Step { .. } => continue,
            };
            let at = at.resolve(cal, class.class)?;
            if at < accepted {
                return Err(Error::input(
                    format!(
                        "case `{}` has an event at {at}, before its acceptance at {accepted}",
                        case.id
                    ),
                    None,
                ));
            }
            events.push((at, e));
        }
        // Logs are not always in order; the order of events at the same instant is kept.
        events.sort_by_key(|(at, _)| *at);
        let mut timeline = Timeline {
            start: (class.clock_start() == ClockStart::Acceptance).then_some(accepted),
            intervals: Vec::with_capacity(case.events.len() / 2 + 1),
            extension: 0,
            warnings: Vec::new(),
        };
        let clock = crate::deadline::Clock::new(cal, class.class, self.day_end_minutes());
        // The due instant the events so far give (none while the clock has not started, is
        // suspended, or runs past the calendar).
        let due_so_far = |t: &Timeline<'_>, open: Option<Interval>| -> Option<i64> {
            let start = t.start?;
            match clock.run(
                start,
                u64::from(base.saturating_add(t.extension)),
                t.intervals.iter().map(|(i, _)| i).chain(open.as_ref()),
            ) {
                Ok(Outcome::Due { at, .. }) => Some(at),
                _ => None,
            }
        };
        let mut open: Option<(DateTime<FixedOffset>, &SuspensionReason)> = None;
        // A suspension set aside: its resume is set aside with it.
        let mut set_aside_open = false;
        // Every extension recorded, set aside or not, for the cap.
        let mut recorded = 0u32;
        for (at, e) in events {
            if at > horizon {
                break;
            }
            match e {
                CaseEvent::Start { .. } => {
                    if class.clock_start() != ClockStart::StartEvent {
                        return Err(Error::input(
                            format!(
                                "case `{}` has a `start` event, but the clock of class `{}` starts at acceptance",
                                case.id,
                                class.class_id()
                            ),
                            None,
                        ));
                    }
                    timeline.start.get_or_insert(at);
                }
                CaseEvent::Suspend { reason, .. } => {
                    let r = self.suspension(reason)?;
                    if open.is_some() || set_aside_open {
                        return Err(Error::input(
                            format!(
                                "case `{}` is suspended at {at} while already suspended",
                                case.id
                            ),
                            Some("resume the case before suspending it again".to_owned()),
                        ));
                    }
                    if let Some(due) = due_so_far(&timeline, None).filter(|&d| at.timestamp() > d) {
                        timeline.warnings.push(Warning::new(
                            "late_suspension_ignored",
                            format!(
                                "case `{}` is suspended ({reason}) at {at}, after its due instant {}: the suspension does not move the due date",
                                case.id,
                                crate::deadline::instant(due, cal.offset()).to_rfc3339()
                            ),
                            r.source.clause.clone(),
                            Some("—"),
                        ));
                        set_aside_open = true;
                        continue;
                    }
                    open = Some((at, r));
                }
                CaseEvent::Resume { .. } => {
                    if set_aside_open {
                        set_aside_open = false;
                        continue;
                    }
                    let Some((s, reason)) = open.take() else {
                        return Err(Error::input(
                            format!(
                                "case `{}` is resumed at {at} without being suspended",
                                case.id
                            ),
                            None,
                        ));
                    };
                    timeline.intervals.push((
                        Interval {
                            suspended: s.timestamp(),
                            resumed: Some(at.timestamp()),
                            effect: reason.effect(),
                        },
                        reason,
                    ));
                }
                // Never in the timeline: set aside above.
                CaseEvent::Step { .. } => {}
                CaseEvent::Extend {
                    days, reason: why, ..
                } => {
                    if class.class.extension_needs_reason
                        && why.as_deref().is_none_or(|w| w.trim().is_empty())
                    {
                        return Err(Error::input(
                            format!(
                                "case `{}` is extended at {at} without a reason, but class `{}` extends only on a logged notice",
                                case.id,
                                class.class_id()
                            ),
                            Some(format!(
                                "give the extension's `reason` (the notice to the complainant, {})",
                                class.class.source.clause
                            )),
                        ));
                    }
                    // Over the cap (or no extension allowed at all) is bad input, late or not:
                    // the cap bounds what was approved, including extensions set aside below.
                    recorded = recorded.saturating_add(*days);
                    let total = timeline.extension.saturating_add(*days);
                    if recorded > class.class.max_extension {
                        return Err(Error::input(
                            format!(
                                "case `{}` is extended by {} {} in total, over the cap of {} for class `{}`",
                                case.id,
                                recorded,
                                class.unit(),
                                class.class.max_extension,
                                class.class_id()
                            ),
                            Some(
                                "the policy's `max_extension` caps extensions (0: none allowed)"
                                    .to_owned(),
                            ),
                        ));
                    }
                    // The due instant stands unless an open suspension stopped the clock before
                    // the limit ran out (the clock with it is then suspended, and nothing is
                    // late); one that starts at or after the due instant stops nothing.
                    let due = due_so_far(
                        &timeline,
                        open.map(|(since, r)| Interval {
                            suspended: since.timestamp(),
                            resumed: None,
                            effect: r.effect(),
                        }),
                    );
                    {
                        if let Some(due) = due.filter(|&d| at.timestamp() > d) {
                            timeline.warnings.push(Warning::new(
                                "late_extension_ignored",
                                format!(
                                    "case `{}` is extended at {at}, after its due instant {}: an overrun is not cured after the fact, so the extension does not move the due date",
                                    case.id,
                                    crate::deadline::instant(due, cal.offset()).to_rfc3339()
                                ),
                                class.class.source.clause.clone(),
                                Some("—"),
                            ));
                            continue;
                        }
                    }
                    timeline.extension = total;
                }
            }
        }
        if let Some((s, reason)) = open {
            timeline.intervals.push((
                Interval {
                    suspended: s.timestamp(),
                    resumed: None,
                    effect: reason.effect(),
                },
                reason,
            ));
        }
        // Suspensions before the clock starts do not stop anything.
        if let Some(start) = timeline.start {
            let t0 = start.timestamp();
            timeline
                .intervals
                .retain(|(iv, _)| iv.resumed.is_none_or(|r| r > t0));
        }
        Ok(timeline)
    }
}

/// Each started working day after the due day up to `t`'s day, at least 1.
fn overdue_days(
    cal: &Calendar,
    due_date: NaiveDate,
    t: DateTime<FixedOffset>,
) -> Result<u32, Error> {
    let day = t.with_timezone(&cal.offset()).date_naive();
    let n = cal.working_days_between(due_date, day)?.max(1);
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
