//! The due occurrences of an obligation in a period, from its cadence and the calendar: each
//! with the span in which an action meets it and the span after it in which an action is
//! late. An occurrence belongs to the period its due day falls in.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::model::Cadence;
use crate::deadline::hours::OfficeHours;
use crate::{Calendar, DayKind, Error};

/// One due occurrence, in the calendar's wall time: an action in `[opens, due_end)` meets it,
/// one in `[due_end, late_end)` is late.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slot {
    pub(crate) opens: NaiveDateTime,
    pub(crate) due_end: NaiveDateTime,
    pub(crate) late_end: NaiveDateTime,
    /// Whether the slot is whole days (shown as dates) or a time of day.
    pub(crate) days: bool,
}

fn midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::MIN)
}

fn next_midnight(d: NaiveDate) -> NaiveDateTime {
    midnight(d) + Duration::days(1)
}

fn in_season(month: u32, season: Option<(u32, u32)>) -> bool {
    season.is_none_or(|(a, b)| (a..=b).contains(&month))
}

fn day_slot(first: NaiveDate, last: NaiveDate) -> Slot {
    Slot {
        opens: midnight(first),
        due_end: next_midnight(last),
        late_end: next_midnight(last),
        days: true,
    }
}

/// The days `first..=last`.
fn days(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    first.iter_days().take_while(move |d| *d <= last)
}

/// The slots of `cadence` whose due day is in `[first, last]`.
pub(crate) fn slots(
    cadence: &Cadence,
    first: NaiveDate,
    last: NaiveDate,
    calendar: &Calendar,
    office: Option<&OfficeHours>,
) -> Result<Vec<Slot>, Error> {
    let mut out = Vec::new();
    match cadence {
        Cadence::Unset { .. } => {}
        Cadence::Monthly { every, season } => {
            for year in first.year()..=last.year() {
                let mut m = 1;
                while m <= 12 {
                    let end_month = m + every - 1;
                    let block_first = NaiveDate::from_ymd_opt(year, m, 1);
                    let block_last = NaiveDate::from_ymd_opt(year, end_month, 1)
                        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                        .and_then(|d| d.pred_opt());
                    if let (Some(a), Some(b)) = (block_first, block_last) {
                        if b >= first && b <= last && in_season(m, *season) {
                            out.push(day_slot(a, b));
                        }
                    }
                    m += every.max(&1);
                }
            }
        }
        Cadence::BusinessDays { season } => {
            for d in days(first, last) {
                if in_season(d.month(), *season) && calendar.is_working_day(d)? {
                    out.push(day_slot(d, d));
                }
            }
        }
        Cadence::BeforeHolidayBlocks => {
            let mut d = first;
            while d <= last {
                let Some(start) = d.succ_opt() else { break };
                let (Ok(due_kind), Ok(start_kind)) =
                    (calendar.day_kind(d), calendar.day_kind(start))
                else {
                    break;
                };
                if due_kind.is_working() && !start_kind.is_working() {
                    // The run of rest days from `start`; a block if it holds a holiday.
                    let mut end = start;
                    let mut holiday = false;
                    while let Ok(k) = calendar.day_kind(end) {
                        if k.is_working() {
                            break;
                        }
                        holiday |= matches!(k, DayKind::Holiday { .. });
                        end += Duration::days(1);
                    }
                    if holiday {
                        out.push(Slot {
                            opens: midnight(d),
                            due_end: next_midnight(d),
                            late_end: midnight(end),
                            days: true,
                        });
                    }
                }
                d = start;
            }
        }
        Cadence::BeforeOpening { lead_minutes } => {
            let Some(office) = office else {
                return Ok(out);
            };
            for d in days(first, last) {
                if !office.every_day && !calendar.is_working_day(d)? {
                    continue;
                }
                let mut opens = midnight(d);
                for s in &office.sessions {
                    let opening = midnight(d) + Duration::minutes(i64::from(s.start));
                    let due = opening - Duration::minutes(i64::from(*lead_minutes));
                    let end = midnight(d) + Duration::minutes(i64::from(s.end));
                    out.push(Slot {
                        opens: opens.min(due),
                        due_end: due + Duration::nanoseconds(1),
                        late_end: end,
                        days: false,
                    });
                    opens = end;
                }
            }
        }
    }
    Ok(out)
}
