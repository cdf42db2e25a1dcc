//! Explanations: each day between start and due, counted or skipped, and why.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use super::clock::{Clock, Interval};
use super::{Class, Due, Effect, SuspensionReason, Unit};
use crate::source::{Clause, DefaultNote};
use crate::{DayKind, Error};

/// Why a day was counted or skipped.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_string(&zhidu::DayStepKind::MakeupWorkday).unwrap(), "\"makeup_workday\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayStepKind {
    /// An ordinary working day.
    Workday,
    /// A weekend day made a working day (调休上班).
    MakeupWorkday,
    /// A weekend day.
    Weekend,
    /// A statutory holiday.
    Holiday,
}

/// One day between the start day and the due day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DayStep {
    /// The day.
    pub date: NaiveDate,
    /// What kind of day it is.
    pub kind: DayStepKind,
    /// The festival, for holidays and make-up days.
    pub festival: Option<String>,
    /// The day's position in the count (1 = first counted day), or `None` if not counted.
    pub counted: Option<u32>,
    /// Why the day was not counted or what else happened, in words.
    pub note: Option<String>,
    /// Whether the due day rolled over this day (顺延): the count landed on a day off, and
    /// this is one of the days off it rolled past or the working day it rolled to. A host
    /// shows it as a mark on the day itself, since a note in a tooltip is lost on phones and
    /// paper.
    pub rolled: bool,
}

/// A due date with the reasoning behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DueExplanation {
    /// The policy's id.
    pub policy: String,
    /// The policy's version.
    pub policy_version: String,
    /// The class or item id.
    pub class: String,
    /// Its name.
    pub class_name: String,
    /// The instant the clock started.
    pub start: DateTime<FixedOffset>,
    /// The result.
    pub due: Due,
    /// For day units: every day after the start day up to the due day.
    pub days: Vec<DayStep>,
    /// Every clause the answer rests on, with its quote.
    pub clauses: Vec<Clause>,
    /// The ids of every clause the answer rests on, including related clauses without quote.
    pub clause_ids: Vec<String>,
    /// Every default (open parameter) the answer rests on.
    pub defaults: Vec<DefaultNote>,
    /// The State Council notices of the holidays and make-up days met on the way.
    pub notices: Vec<String>,
    /// The counting rules applied, in words.
    pub rules: Vec<String>,
}

/// Build the explanation for a due date computed with `intervals` (with reason names).
pub(crate) fn explain(
    class: &Class<'_>,
    start: DateTime<FixedOffset>,
    due: Due,
    intervals: &[(Interval, &SuspensionReason)],
) -> Result<DueExplanation, Error> {
    let cal = class.calendar();
    let clock = Clock::new(cal, class.class, class.policy.day_end_minutes());
    let mut days = Vec::new();
    let mut notices: Vec<String> = Vec::new();
    if due.unit.is_days() {
        let first = clock.day_of(start.timestamp()) + 1;
        let last = clock.day_of(due.due_at.timestamp() - 1);
        let mut ordinal = 0u32;
        let mut restarted_at: Vec<i64> = intervals
            .iter()
            .filter(|(iv, _)| iv.effect == Effect::Restart)
            .filter_map(|(iv, _)| iv.resumed.map(|r| clock.anchor(r)))
            .collect();
        restarted_at.sort_unstable();
        let mut last_counted_day: Option<NaiveDate> = None;
        for i in first..=last {
            let idx = clock.covered(i)?;
            let close = clock.close(i);
            let date = cal.date_at(idx);
            let (kind, festival) = match cal.kind_at(idx) {
                DayKind::Workday => (DayStepKind::Workday, None),
                DayKind::Weekend => (DayStepKind::Weekend, None),
                DayKind::Holiday { name } => (DayStepKind::Holiday, Some(name.to_owned())),
                DayKind::MakeupWorkday { name } => {
                    (DayStepKind::MakeupWorkday, Some(name.to_owned()))
                }
            };
            if let Some(n) = cal.notice_of_festival_at(idx) {
                if !notices.iter().any(|x| x == n) {
                    notices.push(n.to_owned());
                }
            }
            let mut note = None;
            if restarted_at.first().is_some_and(|&r| close > r) {
                restarted_at.remove(0);
                ordinal = 0;
                note = Some("count restarted after the suspension (重新计算)".to_owned());
            }
            let suspended = intervals
                .iter()
                // The day's close is the instant just before 24:00: an event at exactly 00:00
                // belongs to the new day, as in the clock's measure.
                .find(|(iv, _)| iv.suspended < close && iv.resumed.is_none_or(|r| close <= r));
            // The resume day of a restart runs at its close, but the clock starts counting
            // again only after it (README semantics, restart: from the day after the resume
            // day), so it is not a counted day.
            let resumed_to_restart = intervals.iter().find(|(iv, _)| {
                iv.effect == Effect::Restart
                    && iv.suspended < close
                    && iv
                        .resumed
                        .is_some_and(|r| r < close && close <= clock.anchor(r))
            });
            let counts_kind = match due.unit {
                Unit::CalendarDays => true,
                _ => cal.working_at(idx),
            };
            let counted = if let Some((_, reason)) = suspended {
                note = Some(format!("suspended ({}) at the day's close", reason.id));
                None
            } else if let Some((_, reason)) = resumed_to_restart {
                note = Some(format!(
                    "resumed ({}): the count starts again the next day",
                    reason.id
                ));
                None
            } else if counts_kind && ordinal < due.limit {
                ordinal += 1;
                last_counted_day = Some(date);
                Some(ordinal)
            } else if counts_kind {
                None
            } else {
                note = Some(match kind {
                    DayStepKind::Weekend => "weekend, not a working day".to_owned(),
                    _ => format!(
                        "holiday ({}), not a working day",
                        festival.clone().unwrap_or_default()
                    ),
                });
                None
            };
            let rolled = counted.is_none() && last_counted_day.is_some() && ordinal >= due.limit;
            if rolled {
                // Past the last counted day: the count landed on a day off and the due day
                // rolls forward; the day it rolls to is the due day, not a skipped one.
                note = Some(if date == due.due_date {
                    "the count landed on a day off and rolls forward to this working day".to_owned()
                } else {
                    format!(
                        "{}: the due day rolls past it",
                        note.unwrap_or_else(|| "not a working day".to_owned())
                    )
                });
            }
            days.push(DayStep {
                date,
                kind,
                festival,
                counted,
                note,
                rolled,
            });
        }
    }
    let mut clauses = vec![class.class.source.clone()];
    if let Some(item) = class.item {
        clauses.push(item.source.clone());
    }
    let mut defaults: Vec<DefaultNote> = class.class.defaults.clone();
    if let Some(item) = class.item {
        defaults.extend(item.defaults.iter().cloned());
    }
    defaults.extend(class.policy.defaults.iter().cloned());
    // Office hours are the policy's: their clause and defaults, where the answer uses them.
    let uses_office = due.unit == Unit::OfficeMinutes
        || class.policy.day_end == crate::deadline::DayEnd::OfficeClose;
    if let Some(office) = class.class.office.as_deref().filter(|_| uses_office) {
        clauses.push(office.source.clone());
        defaults.extend(office.defaults.iter().cloned());
    }
    for (_, r) in intervals {
        clauses.push(r.source.clone());
        defaults.extend(r.defaults.iter().cloned());
    }
    clauses.dedup();
    Ok(DueExplanation {
        policy: class.policy.id.clone(),
        policy_version: class.policy.version.clone(),
        class: class.id().to_owned(),
        class_name: class.name().to_owned(),
        start,
        days,
        clause_ids: {
            let mut ids = class.clause_ids();
            for c in &clauses {
                if !ids.contains(&c.clause) {
                    ids.push(c.clause.clone());
                }
            }
            ids
        },
        clauses,
        defaults,
        notices,
        rules: rules(class, &due),
        due,
    })
}

fn rules(class: &Class<'_>, due: &Due) -> Vec<String> {
    let mut rules = Vec::new();
    let end = if class.policy.day_end_minutes() >= 24 * 60 {
        "at 24:00 of the due day".to_owned()
    } else {
        "at office close of the due day".to_owned()
    };
    match due.unit {
        Unit::WorkingDays | Unit::CalendarDays if due.limit == 0 => {
            rules.push(
                "due the same day as the start (当天): a limit of 0 days counts no day".to_owned(),
            );
            rules.push(format!("due {end}"));
        }
        Unit::WorkingDays => {
            rules.push(format!(
                "{} working days, counted from the day after the start (次日起算)",
                due.limit
            ));
            rules.push(format!("due {end}"));
        }
        Unit::CalendarDays => {
            rules.push(format!(
                "{} calendar days, counted from the day after the start (次日起算)",
                due.limit
            ));
            if class.class.roll {
                rules.push(
                    "a due day that is not a working day rolls to the next working day".to_owned(),
                );
            }
            rules.push(format!("due {end}"));
        }
        Unit::Minutes => rules.push(format!("{} wall-clock minutes from the start", due.limit)),
        Unit::Hours => rules.push(format!("{} wall-clock hours from the start", due.limit)),
        Unit::OfficeMinutes => rules.push(format!(
            "{} minutes inside the policy's office sessions of {}, from the start or the next session",
            due.limit,
            if class.class.office.as_deref().is_some_and(|o| o.every_day) {
                "every day"
            } else {
                "working days"
            }
        )),
    }
    rules
}
