//! Overdue cases turned into incidents for the rules bound to overdue cases.
//!
//! A rule prices only the limits it names (`prices`: the promised processing classes, S2.cn.3;
//! never complaint replies nor 即收即办), and joint rules only joint items (a flagged case, or
//! a class that is joint by nature such as S7's, A18).
//!
//! A late case (completed after its due instant, or open past it) is charged once per piece in
//! the period of its due *day* (a case due 09-30 at 24:00 is a September piece), and per
//! overdue working day in each period for the days accrued in it: a case late across a month
//! boundary is split between the months and never counted twice. A late case that no rule
//! prices is listed as unpriced, not dropped.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use super::model::{AssessmentModel, Charge, Overdue};
use super::{Incident, LineSource};
use crate::deadline::Start;
use crate::{Case, Error, Policy, Status};

/// A generated incident with its line source and 1-based case row, or a case's error.
pub(super) type Generated = Result<(Incident, LineSource, usize), (usize, Error)>;

/// What the case log gives a period: incidents, and the rows of late cases no rule prices.
pub(crate) struct FromCases {
    /// The overdue cases' incidents and case errors, by row.
    pub(super) generated: Vec<Generated>,
    /// The item flow's findings and errors, by row, scored after every overdue case.
    pub(super) flow: Vec<Generated>,
    pub(super) unpriced: Vec<usize>,
    /// How many rows of `generated` are the overdue pass's (the flow's follow).
    overdue_len: Option<usize>,
}

impl FromCases {
    /// Nothing yet: the start of a case log read in chunks.
    pub(crate) fn empty() -> FromCases {
        FromCases {
            generated: Vec::new(),
            flow: Vec::new(),
            unpriced: Vec::new(),
            overdue_len: None,
        }
    }

    /// Move the flow's rows, pushed after the overdue pass's, to `flow`.
    pub(super) fn split_flow(&mut self) {
        let at = self.overdue_len.unwrap_or(self.generated.len());
        self.flow.extend(self.generated.drain(at..));
        self.overdue_len = None;
    }

    /// Append a later chunk's, its rows counted after the `before` rows already read, so the
    /// whole is what one pass over every row gives (overdue rows in order, then the flow's).
    pub(crate) fn append(&mut self, later: FromCases, before: usize) {
        let shift = |g: Generated| match g {
            Ok((incident, source, row)) => Ok((incident, source, row + before)),
            Err((row, e)) => Err((row + before, e)),
        };
        self.generated
            .extend(later.generated.into_iter().map(shift));
        self.flow.extend(later.flow.into_iter().map(shift));
        self.unpriced
            .extend(later.unpriced.into_iter().map(|r| r + before));
    }
}

/// The period the cases are read for.
pub(crate) struct Window {
    pub(super) start: DateTime<FixedOffset>,
    pub(super) end: DateTime<FixedOffset>,
    pub(super) first: NaiveDate,
    pub(super) last: NaiveDate,
}

fn late(s: Status) -> bool {
    matches!(s, Status::Red | Status::DoneLate)
}

pub(super) fn incidents(
    model: &AssessmentModel,
    policy: &Policy,
    cases: super::Rows<'_, Case>,
    period: &Window,
) -> FromCases {
    let mut out = FromCases::empty();
    let last = period.end - Duration::seconds(1);
    let before = period.start - Duration::seconds(1);
    for (j, case) in cases.iter().enumerate() {
        let row = j + 1;
        let case = match case {
            Ok(case) => case,
            Err(e) => {
                out.generated.push(Err((row, e.clone())));
                continue;
            }
        };
        let at_end = match policy.case_status(case, last) {
            Ok(s) => s,
            Err(e) => {
                out.generated.push(Err((row, e)));
                continue;
            }
        };
        let Some(due) = at_end.due_at else { continue };
        // The piece: late at all (seen just after its due instant, or at the period's end if
        // that is later), and due on a day of the period.
        let probe = (due + Duration::seconds(1)).max(last);
        let piece_due = match policy.case_status(case, probe) {
            Ok(s) if late(s.status) => s
                .due_date
                .filter(|d| (period.first..=period.last).contains(d))
                .map(|d| (d, s.due_at.unwrap_or(due))),
            Ok(_) => None,
            Err(e) => {
                out.generated.push(Err((row, e)));
                continue;
            }
        };
        let days = if late(at_end.status) {
            let accrued_before = if due < period.start {
                match policy.case_status(case, before) {
                    Ok(s) if late(s.status) => s.overdue_days,
                    Ok(_) => 0,
                    Err(e) => {
                        out.generated.push(Err((row, e)));
                        continue;
                    }
                }
            } else {
                0
            };
            at_end.overdue_days.saturating_sub(accrued_before)
        } else {
            0
        };
        if piece_due.is_none() && days == 0 {
            continue;
        }
        // Items are priced as their class.
        let class = match policy.class(&case.class) {
            Ok(c) => c.class_id().to_owned(),
            Err(e) => {
                out.generated.push(Err((row, e)));
                continue;
            }
        };
        let joint = model.is_joint(policy.id(), &class, case.joint);
        let priced: Vec<_> = model
            .rules
            .iter()
            .filter(|r| r.overdue.is_some())
            .filter(|r| r.prices(policy.id(), &class) && r.joint.applies(joint))
            .collect();
        if priced.is_empty() {
            out.unpriced.push(row);
            continue;
        }
        let handler = case.handler.clone().filter(|h| !h.trim().is_empty());
        let needs_person = priced.iter().any(|r| r.charge != Charge::Window);
        let subject = match (handler, &case.window) {
            (Some(h), _) => h,
            (None, Some(w)) if !needs_person => w.clone(),
            (None, _) => {
                out.generated.push(Err((
                    row,
                    Error::input(
                        format!("late case `{}` has no handler to charge", case.id),
                        Some("give the case's `handler`".to_owned()),
                    ),
                )));
                continue;
            }
        };
        let charged_at = at_end.completed_at.unwrap_or(last);
        for rule in priced {
            let (quantity, at) = match (rule.overdue, piece_due) {
                (Some(Overdue::Piece), Some((day, due_at))) => {
                    // On the due day itself: a 24:00 due instant is the next day's 00:00.
                    let at = if due_at.date_naive() > day {
                        due_at - Duration::seconds(1)
                    } else {
                        due_at
                    };
                    (1, at)
                }
                (Some(Overdue::PieceDay), _) if days > 0 => (days, charged_at),
                _ => continue,
            };
            let mut incident = Incident::new(
                subject.clone(),
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
            out.generated.push(Ok((
                incident,
                LineSource::Case {
                    id: case.id.clone(),
                    overdue_days: days,
                },
                row,
            )));
        }
    }
    out.overdue_len = Some(out.generated.len());
    out
}
