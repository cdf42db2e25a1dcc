//! One case's logged steps against the flow.

use chrono::{DateTime, FixedOffset};

use super::FlowFinding;
use super::model::Model;
use crate::assess::resolve;
use crate::{Case, CaseEvent, Error};

/// How a case broke the flow, before anyone is charged for it.
pub(crate) struct Breach {
    /// When it shows: the first step reached before an earlier one, else the completion.
    pub(crate) at: DateTime<FixedOffset>,
    logged: Vec<(DateTime<FixedOffset>, usize)>,
    skipped: Vec<usize>,
    out_of_order: Vec<usize>,
}

/// `Ok(None)`: no step logged; `Ok(Some(None))`: the flow was followed; `Ok(Some(Some(f)))`:
/// a finding.
pub(crate) fn case(
    model: &Model,
    case: &Case,
    row: usize,
    offset: FixedOffset,
) -> Result<Option<Option<FlowFinding>>, Error> {
    match breach(model, case, offset)? {
        Some(Some(b)) => finding(model, case, row, b).map(|f| Some(Some(f))),
        Some(None) => Ok(Some(None)),
        None => Ok(None),
    }
}

/// The breach of a case's logged steps, as [`case`] without the charge: an assessment counts
/// only the breaches of its period, and asks for someone to charge only for those.
pub(crate) fn breach(
    model: &Model,
    case: &Case,
    offset: FixedOffset,
) -> Result<Option<Option<Breach>>, Error> {
    let mut logged: Vec<(DateTime<FixedOffset>, usize)> = Vec::new();
    for e in &case.events {
        let CaseEvent::Step { at, step } = e else {
            continue;
        };
        let rank = model.rank(step).ok_or_else(|| {
            let known: Vec<&str> = model.steps.iter().map(|s| s.id.as_str()).collect();
            Error::input(
                format!(
                    "case `{}` logs step `{}`, which is not a step of the flow",
                    case.id,
                    step.trim()
                ),
                Some(format!("the steps, in order: {}", known.join(", "))),
            )
        })?;
        logged.push((resolve(*at, offset)?, rank));
    }
    if logged.is_empty() {
        return Ok(None);
    }
    // Logs are not always in order; steps at the same instant keep their logged order.
    logged.sort_by_key(|(at, _)| *at);
    let mut highest: Option<usize> = None;
    let mut first_breach: Option<DateTime<FixedOffset>> = None;
    let mut out_of_order = Vec::new();
    let mut seen = vec![false; model.steps.len()];
    for &(at, rank) in &logged {
        if highest.is_some_and(|h| rank < h) {
            out_of_order.push(rank);
            first_breach.get_or_insert(at);
        } else if seen.iter().take(rank).any(|s| !s) {
            // A step reached before every earlier one was logged: the earlier ones are
            // skipped (so far; a later log of them is out of order).
            first_breach.get_or_insert(at);
        }
        if let Some(s) = seen.get_mut(rank) {
            *s = true;
        }
        highest = Some(highest.map_or(rank, |h| h.max(rank)));
    }
    let completed = case.completed_at.map(|c| resolve(c, offset)).transpose()?;
    // A completed case has gone through the whole flow.
    let reached = if completed.is_some() {
        model.steps.len()
    } else {
        highest.map_or(0, |h| h + 1)
    };
    let skipped: Vec<usize> = (0..reached)
        .filter(|&r| !seen.get(r).copied().unwrap_or(true))
        .collect();
    if skipped.is_empty() && out_of_order.is_empty() {
        return Ok(Some(None));
    }
    let at = match (first_breach, completed) {
        (Some(a), _) => a,
        (None, Some(c)) => c,
        (None, None) => logged.last().map_or_else(DateTime::default, |(a, _)| *a),
    };
    Ok(Some(Some(Breach {
        at,
        logged,
        skipped,
        out_of_order,
    })))
}

/// The finding of a breach, charged to the case's handler (or its window, for a window-only
/// rule).
fn finding(model: &Model, case: &Case, row: usize, b: Breach) -> Result<FlowFinding, Error> {
    let Breach {
        at,
        logged,
        skipped,
        out_of_order,
    } = b;
    let subject = case
        .handler
        .clone()
        .filter(|h| !h.trim().is_empty())
        .or_else(|| case.window.clone().filter(|_| model.window_only))
        .ok_or_else(|| {
            Error::input(
                format!(
                    "case `{}` broke the flow but has no handler to charge",
                    case.id
                ),
                Some("give the case's `handler`".to_owned()),
            )
        })?;
    let id = |r: &usize| {
        model
            .steps
            .get(*r)
            .map(|s| s.id.clone())
            .unwrap_or_default()
    };
    let name = |r: &usize| {
        model
            .steps
            .get(*r)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let skipped_names: Vec<String> = skipped.iter().map(name).collect();
    let reordered_names: Vec<String> = out_of_order.iter().map(name).collect();
    let (skipped_names, reordered_names) = (skipped_names.join("、"), reordered_names.join("、"));
    // One catalogue text per case, so the reason renders whole in another language.
    let reason = match (skipped.is_empty(), out_of_order.is_empty()) {
        (false, false) => format!("skipped {skipped_names}; out of order {reordered_names}"),
        (false, true) => format!("skipped {skipped_names}"),
        _ => format!("out of order {reordered_names}"),
    };
    Ok(FlowFinding {
        row,
        case: case.id.clone(),
        subject,
        window: case.window.clone(),
        at,
        logged: logged.iter().map(|(_, r)| id(r)).collect(),
        skipped: skipped.iter().map(id).collect(),
        out_of_order: out_of_order.iter().map(id).collect(),
        rule: model.rule.clone(),
        reason,
        clauses: vec![model.source.clause.clone()],
    })
}
