//! `Policy::obligations`: the due occurrences of a period, each met, late or missed by the
//! actions of a log (or only due, without a log).

use chrono::NaiveDateTime;
use serde::Serialize;

use super::model::{Cadence, Obligation};
use super::schedule::{Slot, slots};
use crate::diagnostic::did_you_mean;
use crate::rows::Action;
use crate::source::DefaultNote;
use crate::{Error, Period, Policy, SkippedRow, Start};

/// What became of a due occurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OccurrenceStatus {
    /// No log was given: the occurrence is only scheduled.
    Due,
    /// An action in its window.
    Met,
    /// The first action came after the window, while it could still count (during the
    /// holiday block, or before the session closed).
    Late,
    /// No action.
    Missed,
}

/// One due occurrence of an obligation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Occurrence {
    /// The first moment an action counts: a date, or a wall time `YYYY-MM-DDTHH:MM`.
    pub opens: String,
    /// The last moment (a date: by its end; a wall time: at it).
    pub due: String,
    /// The last moment an action is late rather than missing, when there is one.
    pub late_until: Option<String>,
    /// Met, late, missed, or only due.
    pub status: OccurrenceStatus,
    /// When the action that met it was done (wall time).
    pub done_at: Option<String>,
    /// Who did it.
    pub by: Option<String>,
    /// The action's log row.
    pub row: Option<usize>,
}

/// An obligation over the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ObligationOutcome {
    /// Its id.
    pub id: String,
    /// What is owed.
    pub what: String,
    /// Who is charged.
    pub charge: String,
    /// Its cadence.
    pub cadence: &'static str,
    /// The clauses it encodes.
    pub clauses: Vec<String>,
    /// The defaults it uses.
    pub defaults: Vec<DefaultNote>,
    /// Each occurrence due in the period.
    pub occurrences: Vec<Occurrence>,
    /// How many were met.
    pub met: usize,
    /// How many were late.
    pub late: usize,
    /// How many were missed.
    pub missed: usize,
}

/// An obligation the regulation gives no period for: nothing falls due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Unscheduled {
    /// Its id.
    pub id: String,
    /// What is owed.
    pub what: String,
    /// The clauses.
    pub clauses: Vec<String>,
    /// Why no period is built in.
    pub reason: String,
    /// The defaults it uses.
    pub defaults: Vec<DefaultNote>,
}

/// The obligations of a policy over a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Obligations {
    /// The policy.
    pub policy: String,
    /// The period.
    pub period: String,
    /// Whether a log was given (without one every occurrence is only due).
    pub judged: bool,
    /// The scheduled obligations.
    pub obligations: Vec<ObligationOutcome>,
    /// The obligations with no period.
    pub unscheduled: Vec<Unscheduled>,
    /// Occurrences due, met, late and missed in all.
    pub due: usize,
    /// Met in all.
    pub met: usize,
    /// Late in all.
    pub late: usize,
    /// Missed in all.
    pub missed: usize,
    /// Log rows that met no occurrence of the period.
    pub unmatched_rows: Vec<usize>,
    /// Log rows that could not be used.
    pub errors: Vec<SkippedRow>,
}

fn show(t: NaiveDateTime, days: bool) -> String {
    if days {
        t.date().to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M").to_string()
    }
}

/// The slot's bounds as shown: a day slot's last day, a timed slot's due minute.
fn shown(slot: &Slot) -> (String, String, Option<String>) {
    let last_day = |t: NaiveDateTime| show(t - chrono::Duration::days(1), true);
    if slot.days {
        let late = (slot.late_end > slot.due_end).then(|| last_day(slot.late_end));
        (show(slot.opens, true), last_day(slot.due_end), late)
    } else {
        let due = slot.due_end - chrono::Duration::nanoseconds(1);
        (
            show(slot.opens, false),
            show(due, false),
            Some(show(slot.late_end - chrono::Duration::minutes(1), false)),
        )
    }
}

impl Policy {
    /// The obligations due in `period` and, with a `log` of actions, what became of each
    /// occurrence: met (an action in its window), late, or missed, with the clauses.
    /// Obligations with no period (A32) are listed with their reason.
    ///
    /// # Errors
    ///
    /// The policy has no obligations, or a day of the period is outside the calendar. Bad log
    /// rows (an unknown obligation, a date without the time a timed obligation needs) are
    /// returned in [`Obligations::errors`].
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s5-pest-control").unwrap();
    /// let plan = p.obligations("2026".parse().unwrap(), None).unwrap();
    /// let rodents = plan.obligations.iter().find(|o| o.id == "rodents-cockroaches").unwrap();
    /// assert_eq!(rodents.occurrences.len(), 12);
    /// assert_eq!(rodents.occurrences[1].due, "2026-02-28");
    /// ```
    pub fn obligations(
        &self,
        period: Period,
        log: Option<&[Result<Action, Error>]>,
    ) -> Result<Obligations, Error> {
        let model = self.obligations.as_ref().ok_or_else(|| Error::Input {
            message: format!("policy `{}` has no obligations", self.id),
            hint: Some("obligations are in `s5-pest-control`, `s3-culture-centre`, `s1-window-it`, `s9-culture-centre-variant`, `s11-occupational-health` and `s6-food-additives`".to_owned()),
        })?;
        let (first, last) = period.days();
        self.check_in_force(last)?;
        let offset = self.calendar.offset();
        let mut errors = Vec::new();
        // (obligation index, wall time, row, by), in log order.
        let mut actions: Vec<(usize, NaiveDateTime, usize, Option<&str>)> = Vec::new();
        for (i, row) in log.unwrap_or(&[]).iter().enumerate() {
            let a = match row {
                Err(e) => {
                    errors.push(SkippedRow::new("action", i + 1, e.clone()));
                    continue;
                }
                Ok(a) => a,
            };
            let Some(k) = model.list.iter().position(|o| o.id == a.obligation) else {
                errors.push(SkippedRow::new(
                    "action",
                    i + 1,
                    Error::Input {
                        message: format!(
                            "no obligation `{}` in policy `{}`",
                            a.obligation, self.id
                        ),
                        hint: did_you_mean(&a.obligation, model.list.iter().map(|o| o.id.as_str())),
                    },
                ));
                continue;
            };
            let timed = model
                .list
                .get(k)
                .is_some_and(|o| matches!(o.cadence, Cadence::BeforeOpening { .. }));
            let at = match a.at {
                Start::Date(d) if timed => {
                    errors.push(SkippedRow::new(
                        "action",
                        i + 1,
                        Error::Input {
                            message: format!(
                                "obligation `{}` is due at a time of day, and `{d}` has none",
                                a.obligation
                            ),
                            hint: Some(
                                "give the time the action was done, such as `2026-10-01T08:00`"
                                    .to_owned(),
                            ),
                        },
                    ));
                    continue;
                }
                Start::Date(d) => d.and_time(chrono::NaiveTime::MIN),
                Start::Local(t) => t,
                Start::Instant(t) => t.with_timezone(&offset).naive_local(),
            };
            actions.push((k, at, i + 1, a.by.as_deref()));
        }
        actions.sort_by_key(|&(k, at, row, _)| (k, at, row));
        let mut used = vec![false; actions.len()];
        let mut out = Obligations {
            policy: self.id.clone(),
            period: period.to_string(),
            judged: log.is_some(),
            obligations: Vec::new(),
            unscheduled: Vec::new(),
            due: 0,
            met: 0,
            late: 0,
            missed: 0,
            unmatched_rows: Vec::new(),
            errors,
        };
        for (k, o) in model.list.iter().enumerate() {
            if let Cadence::Unset { reason } = &o.cadence {
                out.unscheduled.push(Unscheduled {
                    id: o.id.clone(),
                    what: o.what.clone(),
                    clauses: clause_ids(o),
                    reason: reason.clone(),
                    defaults: o.defaults.clone(),
                });
                continue;
            }
            let list = slots(
                &o.cadence,
                first,
                last,
                &self.calendar,
                self.office.as_deref(),
            )?;
            // `actions` is sorted by obligation, then time.
            let mine_start = actions.partition_point(|a| a.0 < k);
            let mine_end = actions.partition_point(|a| a.0 <= k);
            let mine = actions.get(mine_start..mine_end).unwrap_or(&[]);
            let mut outcome = ObligationOutcome {
                id: o.id.clone(),
                what: o.what.clone(),
                charge: o.charge.clone(),
                cadence: o.cadence.name(),
                clauses: clause_ids(o),
                defaults: o.defaults.clone(),
                occurrences: Vec::with_capacity(list.len()),
                met: 0,
                late: 0,
                missed: 0,
            };
            for slot in &list {
                let (opens, due, late_until) = shown(slot);
                let mut occ = Occurrence {
                    opens,
                    due,
                    late_until,
                    status: OccurrenceStatus::Due,
                    done_at: None,
                    by: None,
                    row: None,
                };
                if log.is_some() {
                    // This obligation's actions, in time order: the slot's are a contiguous run.
                    let lo = mine_start + mine.partition_point(|a| a.1 < slot.opens);
                    let hi = mine_start + mine.partition_point(|a| a.1 < slot.late_end);
                    let in_slot = actions.get(lo..hi).unwrap_or(&[]);
                    let on_time = in_slot.iter().find(|a| a.1 < slot.due_end);
                    let late = in_slot.iter().find(|a| a.1 >= slot.due_end);
                    // Every action in the slot is used, so none is reported as unmatched.
                    for u in used.get_mut(lo..hi).unwrap_or(&mut []) {
                        *u = true;
                    }
                    let hit = match (on_time, late) {
                        (Some(h), _) => {
                            occ.status = OccurrenceStatus::Met;
                            outcome.met += 1;
                            Some(h)
                        }
                        (None, Some(h)) => {
                            occ.status = OccurrenceStatus::Late;
                            outcome.late += 1;
                            Some(h)
                        }
                        (None, None) => {
                            occ.status = OccurrenceStatus::Missed;
                            outcome.missed += 1;
                            None
                        }
                    };
                    if let Some(a) = hit {
                        occ.done_at = Some(show(a.1, false));
                        occ.by = a.3.map(str::to_owned);
                        occ.row = Some(a.2);
                    }
                }
                outcome.occurrences.push(occ);
            }
            out.due += outcome.occurrences.len();
            out.met += outcome.met;
            out.late += outcome.late;
            out.missed += outcome.missed;
            out.obligations.push(outcome);
        }
        let mut unmatched: Vec<usize> = actions
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(a, _)| a.2)
            .collect();
        unmatched.sort_unstable();
        out.unmatched_rows = unmatched;
        Ok(out)
    }
}

fn clause_ids(o: &Obligation) -> Vec<String> {
    o.source.iter().map(|c| c.clause.clone()).collect()
}
