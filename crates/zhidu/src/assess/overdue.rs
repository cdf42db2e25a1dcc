//! Overdue cases turned into incidents for the rules bound to overdue cases.
//!
//! A late case (completed after its due instant, or open and past it at the period's end)
//! is charged once per piece in the period its due instant falls in, and per overdue
//! working day in each period for the days accrued in it — so a case late across a month
//! boundary is split between the months and never counted twice.

use chrono::{DateTime, Duration, FixedOffset};

use super::model::{AssessmentModel, Overdue};
use super::{Incident, LineSource};
use crate::deadline::Start;
use crate::{Case, Error, Policy, Status};

/// A generated incident with its line source and 1-based case row, or a case's error.
pub(super) type Generated = Result<(Incident, LineSource, usize), (usize, Error)>;

pub(super) fn incidents(
    model: &AssessmentModel,
    policy: &Policy,
    cases: super::Rows<'_, Case>,
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
) -> Vec<Generated> {
    let mut out = Vec::new();
    let last = end - Duration::seconds(1);
    let before = start - Duration::seconds(1);
    for (j, case) in cases.iter().enumerate() {
        let row = j + 1;
        let case = match case {
            Ok(case) => case,
            Err(e) => {
                out.push(Err((row, e.clone())));
                continue;
            }
        };
        let at_end = match policy.case_status(case, last) {
            Ok(s) => s,
            Err(e) => {
                out.push(Err((row, e)));
                continue;
            }
        };
        let Some(due) = at_end.due_at else { continue };
        if !matches!(at_end.status, Status::Red | Status::DoneLate) {
            continue;
        }
        let accrued_before = if due < start {
            match policy.case_status(case, before) {
                Ok(s) if matches!(s.status, Status::Red | Status::DoneLate) => s.overdue_days,
                Ok(_) => 0,
                Err(e) => {
                    out.push(Err((row, e)));
                    continue;
                }
            }
        } else {
            0
        };
        let days = at_end.overdue_days.saturating_sub(accrued_before);
        let Some(handler) = case.handler.clone().filter(|h| !h.trim().is_empty()) else {
            out.push(Err((
                row,
                Error::input(
                    format!("late case `{}` has no handler to charge", case.id),
                    Some("give the case's `handler`".to_owned()),
                ),
            )));
            continue;
        };
        let charged_at = at_end.completed_at.unwrap_or(last);
        for rule in model.rules.iter().filter(|r| r.joint.applies(case.joint)) {
            let (quantity, at) = match rule.overdue {
                Some(Overdue::Piece) if due >= start => (1, due),
                Some(Overdue::PieceDay) if days > 0 => (days, charged_at),
                _ => continue,
            };
            let mut incident = Incident::new(
                handler.clone(),
                rule.meta.code.to_string(),
                Start::Instant(at),
            );
            incident.window = case.window.clone();
            incident.quantity = Some(i64::from(quantity));
            incident.case = Some(case.id.clone());
            incident.note = Some(format!(
                "overdue: due {}, {} working day(s) over in this period",
                at_end.due_date.map(|d| d.to_string()).unwrap_or_default(),
                days
            ));
            out.push(Ok((
                incident,
                LineSource::Case {
                    id: case.id.clone(),
                    overdue_days: days,
                },
                row,
            )));
        }
    }
    out
}
