//! One record against its rule: the keep-until day (the anniversary, clamped to the month's
//! last day) or the event it waits for, and its status on the day asked.

use chrono::{FixedOffset, Months, NaiveDate};

use super::model::{Keep, RetentionModel};
use super::{Retained, RetentionLine, RetentionRecord};
use crate::Error;
use crate::assess::resolve;
use crate::deadline::Start;

/// A record's day in the policy's zone.
fn day(at: Start, offset: FixedOffset) -> Result<NaiveDate, Error> {
    Ok(resolve(at, offset)?.date_naive())
}

pub(super) fn keep(
    m: &RetentionModel,
    rec: &RetentionRecord,
    row: usize,
    as_of: NaiveDate,
    offset: FixedOffset,
) -> Result<RetentionLine, Error> {
    let rule = m.rule(&rec.kind).ok_or_else(|| {
        Error::input(
            format!(
                "policy has no retention rule for record kind `{}`",
                rec.kind
            ),
            crate::closest(&rec.kind, m.kinds()).map(|c| format!("did you mean `{c}`?")),
        )
    })?;
    let date = rec.date.map(|d| day(d, offset)).transpose()?;
    let event = rec
        .event_on
        .map(|d| day(d, offset))
        .transpose()?
        .filter(|e| *e <= as_of);
    let (keep_until, until_event, status) = match &rule.keep {
        Keep::Years(years) => {
            let date = date.ok_or_else(|| {
                Error::input(
                    format!("record `{}` has no date", rec.id),
                    Some(format!(
                        "`{}` keeps `{}` for {years} years from the record's date",
                        rule.id, rec.kind
                    )),
                )
            })?;
            let until = years
                .checked_mul(12)
                .and_then(|m| date.checked_add_months(Months::new(m)))
                .ok_or_else(|| {
                    Error::input(
                        format!("record `{}` is kept past the last date", rec.id),
                        None,
                    )
                })?;
            let status = if as_of > until {
                Retained::Past
            } else {
                Retained::Keep
            };
            (Some(until), None, status)
        }
        Keep::UntilEvent {
            event: name,
            destroy,
        } => match event {
            Some(e) if *destroy => (Some(e), None, Retained::Destroy),
            Some(e) => (Some(e), None, Retained::Past),
            None => (None, Some(name.clone()), Retained::Keep),
        },
    };
    Ok(RetentionLine {
        row,
        id: rec.id.clone(),
        kind: rec.kind.clone(),
        rule: rule.id.clone(),
        rule_name: rule.name.clone(),
        date,
        keep_until,
        until_event,
        status,
        clauses: rule.sources.iter().map(|c| c.clause.clone()).collect(),
        defaults: rule.defaults.clone(),
        note: rec.note.clone(),
    })
}
